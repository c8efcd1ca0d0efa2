// Runs a TypeScript file in ONE Node process (`node --import tsx file`). The `tsx` command starts a second Node
// process and relays signals to it, but SIGKILL cannot be relayed: killing the command would leave the real process
// running, and a "killed" bot would go on posting.
import { spawn, type ChildProcessWithoutNullStreams, type SpawnOptionsWithoutStdio } from 'node:child_process';

export const TSX_LOADER = import.meta.resolve('tsx');

export function spawnTs(file: string, args: string[], options: SpawnOptionsWithoutStdio): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', TSX_LOADER, file, ...args], options);
}
