// What the collection-memory benchmark and its operator process tell each other.
import type { ChildMessage } from './bench-child.ts';

/** argv[2] of the operator process, as JSON. */
export interface CollectMemoryJob {
  readonly people: number;
  readonly orgsPerPerson: number;
  /** Jobs the engine runs at once. */
  readonly maxJobs: number;
  /** Milliseconds between RSS samples. */
  readonly sampleMs: number;
}

export interface CollectMemoryDone extends ChildMessage {
  readonly type: 'done';
  readonly people: number;
  readonly jobs: number;
  readonly done: number;
  readonly seconds: number;
  readonly rows: number;
  /** Progress events delivered to the people's subscribers (one per person, as the app's SSE holds). */
  readonly events: number;
  /** RSS once everyone is connected, before the collection starts (after a full GC when exposed). */
  readonly rssBeforeBytes: number;
  /** The highest RSS sampled while the collection ran. */
  readonly rssPeakBytes: number;
  /** The process's high-water mark (getrusage maxrss), set-up included. */
  readonly maxRssBytes: number;
  readonly heapPeakBytes: number;
  /** Memory outside the V8 heap that V8 knows of (Buffers, ArrayBuffers), peak. */
  readonly externalPeakBytes: number;
  /** The most jobs running at once that the samples saw. */
  readonly runningPeak: number;
}
