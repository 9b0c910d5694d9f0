import type { DestinationStream } from 'pino';

/** A pino destination that keeps every line, for tests that read the logger's actual output. */
export interface LogSink extends DestinationStream {
  readonly lines: string[];
  /** Everything written so far, as one string (the bytes a log collector would see). */
  text(): string;
  /** Every line parsed as JSON. */
  records(): Record<string, unknown>[];
}

export function createLogSink(): LogSink {
  const lines: string[] = [];
  return {
    lines,
    write(chunk: string) {
      lines.push(chunk);
    },
    text: () => lines.join(''),
    records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
