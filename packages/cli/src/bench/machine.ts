import { arch, availableParallelism, cpus, platform, totalmem } from 'node:os';
import type { MachineInfo } from './bench-types.ts';

export function describeMachine(): MachineInfo {
  const model = cpus()[0]?.model.trim() || 'unknown CPU';
  return {
    cpu: model.replace(/\s+/g, ' '),
    cores: availableParallelism(),
    memoryBytes: totalmem(),
    node: process.version,
    platform: `${platform()} ${arch()}`,
  };
}

export function formatMachine(m: MachineInfo): string {
  return `${m.cpu}, ${m.cores} cores, ${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB, Node.js ${m.node} (${m.platform})`;
}
