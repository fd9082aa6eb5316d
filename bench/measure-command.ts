/**
 * Runs a command and measures wall time and peak memory of its whole process tree: every 50 ms it
 * reads VmRSS from /proc/<pid>/status for the child and all its descendants (worker processes,
 * Hugo's helpers), keeping the largest single process and the largest tree sum. Linux only.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measurement {
  readonly ms: number;
  /** Largest VmRSS of any one process in the tree, in MB. */
  readonly peakProcessMb: number;
  /** Largest sum of VmRSS over the tree at one sample, in MB. */
  readonly peakTreeMb: number;
  /** Largest VmRSS per command name (e.g. node, hugo), in MB. */
  readonly peakByCommandMb: Readonly<Record<string, number>>;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface MeasureOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly sampleMs?: number;
}

export function measureCommand(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let peakProcess = 0;
    let peakTree = 0;
    const byCommand: Record<string, number> = {};
    const sample = (): void => {
      if (child.pid === undefined) return;
      let sum = 0;
      for (const pid of processTree(child.pid)) {
        const { kb, name } = rss(pid);
        sum += kb;
        if (kb > peakProcess) peakProcess = kb;
        if (kb > (byCommand[name] ?? 0)) byCommand[name] = kb;
      }
      if (sum > peakTree) peakTree = sum;
    };
    const timer = setInterval(sample, options.sampleMs ?? 50);
    sample();
    child.on('error', (error) => {
      clearInterval(timer);
      reject(new Error(`cannot run ${command}`, { cause: error }));
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const peakByCommandMb = Object.fromEntries(Object.entries(byCommand).map(([k, kb]) => [k, Math.round(kb / 1024)]));
      resolve({ ms, peakProcessMb: peakProcess / 1024, peakTreeMb: peakTree / 1024, peakByCommandMb, exitCode: code, stdout, stderr });
    });
  });
}

/** `root` and all its descendants, from the parent pids in /proc/<pid>/stat. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const ppid = parentPid(pid);
    if (ppid === undefined) continue;
    const list = children.get(ppid);
    if (list === undefined) children.set(ppid, [pid]);
    else list.push(pid);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: fields after the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined; // the process ended between readdir and read
  }
}

function rss(pid: number): { kb: number; name: string } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return { kb: Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0), name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?' };
  } catch {
    return { kb: 0, name: '?' };
  }
}
