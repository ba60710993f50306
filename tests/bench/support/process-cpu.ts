import { readFile, readdir } from 'node:fs/promises';

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const ticksPerSecond = 100;

interface ProcessTimes {
  command: string;
  ppid: number;
  ticks: number;
}

async function processTable(): Promise<Map<number, ProcessTimes>> {
  const table = new Map<number, ProcessTimes>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => undefined);
    if (!stat) continue;
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    table.set(Number(name), { command: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) });
  }
  return table;
}

/** Each process's CPU ticks with those of all its descendants, and each process's children. */
async function processTree(): Promise<{ table: Map<number, ProcessTimes>; children: Map<number, number[]>; total(pid: number): number }> {
  const table = await processTable();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const total = (pid: number): number => (table.get(pid)?.ticks ?? 0) + (children.get(pid) ?? []).reduce((sum, child) => sum + total(child), 0);
  return { table, children, total };
}

/**
 * CPU seconds used so far by each group of processes and all their descendants (PostgreSQL's
 * backends are children of its postmaster), including children that have exited and been waited for.
 */
export async function cpuSeconds(groups: Record<string, number[]>): Promise<Record<string, number>> {
  const { total } = await processTree();
  return Object.fromEntries(Object.entries(groups).map(([group, pids]) => [group, pids.reduce((sum, pid) => sum + total(pid), 0) / ticksPerSecond]));
}

/**
 * CPU seconds used so far by process `root` alone (all its threads) under `rootName`, and by each of
 * its children with their descendants under the child's command name (the embedded Temporal dev
 * server is "temporal", FerretDB "ferretdb"); children of one name are added up.
 */
export async function processTreeCpuSeconds(root: number, rootName: string): Promise<Record<string, number>> {
  const { table, children, total } = await processTree();
  const seconds: Record<string, number> = { [rootName]: (table.get(root)?.ticks ?? 0) / ticksPerSecond };
  for (const child of children.get(root) ?? []) {
    const command = table.get(child)!.command;
    seconds[command] = (seconds[command] ?? 0) + total(child) / ticksPerSecond;
  }
  return seconds;
}
