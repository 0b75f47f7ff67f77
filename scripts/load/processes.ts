// The app's processes as Linux sees them (/proc): which web processes the server's primary runs, and
// how much CPU each has used, to show that every one of them served the load.
import { readdirSync, readFileSync } from 'node:fs'

export interface ProcessCpu {
  pid: number
  /** user + system CPU time, in seconds */
  cpuSeconds: number
}

const TICKS_PER_SECOND = 100

function stat(pid: number): { ppid: number; cpuSeconds: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) is in parentheses and may hold spaces: read the fields after it.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    return { ppid: Number(fields[1]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND }
  } catch {
    return undefined
  }
}

/** The processes whose parent is `parent`, with their CPU time so far. */
export function childProcesses(parent: number): ProcessCpu[] {
  const children: ProcessCpu[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const s = stat(Number(name))
    if (s?.ppid === parent) children.push({ pid: Number(name), cpuSeconds: s.cpuSeconds })
  }
  return children.sort((a, b) => a.pid - b.pid)
}

/**
 * The web processes of the server started as `appPid`: its cluster's children, or the process
 * itself when it serves alone (one web process).
 */
export function webProcesses(appPid: number, count: number): ProcessCpu[] {
  if (count > 1) return childProcesses(appPid)
  const s = stat(appPid)
  return s ? [{ pid: appPid, cpuSeconds: s.cpuSeconds }] : []
}
