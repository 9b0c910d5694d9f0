import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Needle } from './known-secrets.ts';
import { type Finding, scanLogLines, scanText } from './scan-text.ts';

/** SQLite's files: the database, its write-ahead log and shared memory, journals. */
const DATABASE_FILE = /\.(db|sqlite|sqlite3)(-wal|-shm|-journal)?$/;
const LOG_FILE = /\.(log|jsonl|ndjson)$/;

async function filesUnder(dir: string, pattern: RegExp): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && pattern.test(entry.name)) out.push(join(entry.parentPath, entry.name));
  }
  return out.sort();
}

/**
 * Every database file under `dir`, read as bytes: a known value written in clear is found wherever it is (a
 * page, a free page, the WAL), reported with its byte offset; so are token, card and CI shapes in the text
 * the file holds. Shapes that columns stored side by side would fake (a card number out of a code and a
 * timestamp, a CI out of a sealed value) are left to the scan by table (`scanRows`): here known values only.
 * Sealed values (AES-GCM) and blind indexes (HMAC) never match.
 */
export async function scanDatabaseFiles(dir: string, needles: readonly Needle[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const file of await filesUnder(dir, DATABASE_FILE)) {
    const bytes = await readFile(file);
    const source = relative(dir, file);
    for (const n of needles) {
      const at = bytes.indexOf(Buffer.from(n.value, 'utf8'));
      if (at >= 0) findings.push(...scanText(n.value, source, `byte ${at}`, [n], {}));
    }
    // Tokens in the printable runs of the file (binary pages in between are skipped).
    const text = bytes.toString('latin1');
    for (const m of text.matchAll(/[\x20-\x7e]{15,}/g)) {
      const own = scanText(m[0], source, `byte ${m.index}`, [], { token: true });
      findings.push(...own.filter((f) => !findings.some((g) => g.source === f.source && g.value === f.value)));
    }
  }
  return findings;
}

/** Every log file under `dir` (`*.log`, `*.jsonl`, `*.ndjson`), line by line. */
export async function scanLogFiles(dir: string, needles: readonly Needle[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const file of await filesUnder(dir, LOG_FILE)) {
    const text = await readFile(file, 'utf8');
    findings.push(...scanLogLines(text.split('\n'), relative(dir, file), needles));
  }
  return findings;
}
