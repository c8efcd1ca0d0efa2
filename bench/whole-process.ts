// Whole processes, timed from outside as a user would time them: `npm run export` of a folder on one thread and on
// every core, and chrono-node alone reading the same files (bench/chrono-alone.ts). Node's start is in every figure.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';

export interface WholeProcessFigures {
  threads: number;
  /** Median wall time of each, over `runs` runs, interleaved so that a busy moment of the machine hits them alike. */
  exportOneThreadMs: number;
  exportAllThreadsMs: number;
  chronoAloneMs: number;
  runs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;

/** `script(compiled, source)` gives the node arguments of a command, compiled or under tsx. */
export function measureWholeProcess(dir: string, root: string, script: (compiled: string, source: string) => string[], runs: number): WholeProcessFigures {
  const threads = availableParallelism();
  const time = (args: string[]) => {
    const t = performance.now();
    const child = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`${args.join(' ')} failed: ${child.stderr}`);
    return performance.now() - t;
  };
  const one: number[] = [];
  const all: number[] = [];
  const chrono: number[] = [];
  const exportArgs = script('export', 'src/cli/export.ts');
  for (let i = 0; i < runs; i++) {
    chrono.push(time([...script('chrono-alone', 'bench/chrono-alone.ts'), path.resolve(dir)]));
    one.push(time([...exportArgs, path.resolve(dir), '--threads', '1']));
    all.push(time([...exportArgs, path.resolve(dir), '--threads', String(threads)]));
  }
  return { threads, exportOneThreadMs: median(one), exportAllThreadsMs: median(all), chronoAloneMs: median(chrono), runs };
}
