/**
 * What an output folder holds, file by file, so two moments can be compared: which files a build
 * wrote (a new inode or modification time, as `aws s3 sync` or a plain `rsync` would see it) and
 * which changed their bytes (what `rsync --checksum` uploads).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface FileState {
  readonly size: number;
  /** Bytes on disk (allocated blocks), as `du` counts them. */
  readonly disk: number;
  readonly ino: number;
  readonly mtimeNs: bigint;
  readonly sha1: string;
}

export type Snapshot = ReadonlyMap<string, FileState>;

export function snapshotOutput(dir: string): Snapshot {
  const out = new Map<string, FileState>();
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      const abs = join(dir, path);
      const st = statSync(abs, { bigint: true });
      out.set(path, {
        size: Number(st.size),
        disk: Number(st.blocks) * 512,
        ino: Number(st.ino),
        mtimeNs: st.mtimeNs,
        sha1: createHash('sha1').update(readFileSync(abs)).digest('hex'),
      });
    }
  };
  walk('');
  return out;
}

/** Files added, removed, rewritten (written again, whatever the bytes) and changed (other bytes). */
export interface SnapshotDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly rewritten: readonly string[];
  readonly changed: readonly string[];
}

export function diffSnapshots(before: Snapshot, after: Snapshot): SnapshotDiff {
  const added: string[] = [];
  const rewritten: string[] = [];
  const changed: string[] = [];
  for (const [path, now] of after) {
    const then = before.get(path);
    if (then === undefined) {
      added.push(path);
      continue;
    }
    if (then.ino !== now.ino || then.mtimeNs !== now.mtimeNs) rewritten.push(path);
    if (then.sha1 !== now.sha1) changed.push(path);
  }
  const removed = [...before.keys()].filter((path) => !after.has(path));
  return { added, removed, rewritten, changed };
}
