// CPU time of this process's children and their descendants, from Linux /proc: on a machine
// shared with other work, wall-clock latencies are noisy, but the CPU a build spends per call is
// not, so two builds compare on it in the same minutes.
import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const HZ = 100;

interface Proc {
  pid: number;
  ppid: number;
  cpuMs: number;
}

function readProc(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(f[11]) + Number(f[12]);
    return { pid, ppid: Number(f[1]), cpuMs: (ticks * 1000) / HZ };
  } catch {
    return undefined;
  }
}

/**
 * CPU ms (user + system) used so far by every descendant of `root` (this process by default),
 * split into the one subtree rooted at `apart` (e.g. the server process) and all the others.
 * Empty figures (0) where /proc is absent.
 */
export function descendantsCpu(
  apart?: number,
  root = process.pid,
): { apart: number; rest: number } {
  let procs: Proc[];
  try {
    procs = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map((d) => readProc(Number(d)))
      .filter((p): p is Proc => p !== undefined);
  } catch {
    return { apart: 0, rest: 0 };
  }
  const children = new Map<number, Proc[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const sum = { apart: 0, rest: 0 };
  const walk = (pid: number, inApart: boolean) => {
    for (const c of children.get(pid) ?? []) {
      const mine = inApart || c.pid === apart;
      if (mine) sum.apart += c.cpuMs;
      else sum.rest += c.cpuMs;
      walk(c.pid, mine);
    }
  };
  walk(root, false);
  return sum;
}
