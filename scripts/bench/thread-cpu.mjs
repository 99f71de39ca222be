// CPU time of the renderer processes' threads, from Linux's per-thread accounting (/proc), for
// the threads bench: how much of a core the page's thread and the wasm pool's workers (tfjs runs
// them as dedicated workers) burn while a demo trains. A pool worker that waits for its next
// product by spinning takes a core even when it has nothing to compute, which a 2-core machine
// feels. Elsewhere than Linux the readings are null.
import { readFileSync, readdirSync } from 'node:fs';

/** Renderer process ids of `browser` (CDP's process list, which only Chromium provides). */
async function rendererPids(browser) {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  } finally {
    await cdp.detach();
  }
}

/** Milliseconds of CPU (user + system) of one thread, and its name, or null if it is gone. */
function threadCpu(pid, tid) {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return { name, ms: (Number(fields[11]) + Number(fields[12])) * 10 };
  } catch {
    return null;
  }
}

/**
 * CPU ms so far of the renderers' page threads (`page`: each process's main thread) and of
 * their dedicated workers (`workers`), or null where /proc is not readable.
 */
export async function rendererCpu(browser) {
  let pids;
  try {
    pids = await rendererPids(browser);
  } catch {
    return null;
  }
  let page = 0;
  let workers = 0;
  for (const pid of pids) {
    let tids;
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const thread = threadCpu(pid, tid);
      if (!thread) continue;
      if (tid === String(pid)) page += thread.ms;
      else if (thread.name.startsWith('DedicatedWorker')) workers += thread.ms;
    }
  }
  return pids.length ? { page, workers } : null;
}

/** Shares of a core (CPU ms / wall ms) between two rendererCpu() readings `wallMs` apart. */
export function cpuShares(before, after, wallMs) {
  if (!before || !after || !(wallMs > 0)) return null;
  return { page: (after.page - before.page) / wallMs, workers: (after.workers - before.workers) / wallMs };
}
