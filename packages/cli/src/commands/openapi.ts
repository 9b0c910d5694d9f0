import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { generateOpenApi, OPENAPI_ROLES } from '@hannun/spec';
import type { Output } from './up.ts';

export interface WrittenDocument {
  readonly role: string;
  readonly path: string;
  readonly paths: number;
}

/** Write `<dir>/<role>.openapi.json` for every role (pretty JSON, trailing newline). */
export async function writeOpenApiDocuments(outDir: string): Promise<WrittenDocument[]> {
  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true });
  const written: WrittenDocument[] = [];
  for (const role of OPENAPI_ROLES) {
    const doc = generateOpenApi(role);
    const path = join(dir, `${role}.openapi.json`);
    await writeFile(`${path}.tmp`, `${JSON.stringify(doc, null, 2)}\n`);
    await rename(`${path}.tmp`, path);
    const paths = doc['paths'];
    written.push({ role, path, paths: paths && typeof paths === 'object' ? Object.keys(paths).length : 0 });
  }
  return written;
}

/** `hannun openapi --out <dir>`. */
export async function runOpenApi(outDir: string, out: Output = process.stdout): Promise<WrittenDocument[]> {
  const written = await writeOpenApiDocuments(outDir);
  for (const w of written)
    out.write(`wrote ${relative(process.cwd(), w.path) || w.path} (${w.role}, ${w.paths} paths)\n`);
  return written;
}
