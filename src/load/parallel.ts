import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** Below this many files to load, starting a thread costs more than it saves. */
const MIN_FILES = 200;
/** The last resort against a worker that never answers: its files are then loaded in the main thread. */
const WAIT_MS = 60_000;

// Runs the worker module and always signals, even when the module cannot be loaded. A script (not a
// module) so that a failing import is caught here rather than left unanswered.
const BOOT = `
const { workerData } = require('node:worker_threads');
const done = () => { Atomics.store(workerData.signal, 0, 1); Atomics.notify(workerData.signal, 0); };
import(workerData.url).then((m) => m.run(workerData)).then(done, () => done());
`;

/**
 * How many of `count` files to load in a worker thread: none when a thread would not pay: few files,
 * or no idle core (a thread competing for a busy core only adds its start-up and a second warm-up
 * of the code). OKR_THREADS=1 never uses one, OKR_THREADS=2 always does for 200 files or more.
 */
export function workerShare(count: number, env: NodeJS.ProcessEnv = process.env): number {
  if (count < MIN_FILES || env.OKR_THREADS === '1') return 0;
  if (env.OKR_THREADS !== '2' && availableParallelism() - loadavg()[0]! < 1) return 0;
  if (!existsSync(fileURLToPath(workerUrl()))) return 0;
  // The worker starts later than the main thread, which also reads the worker's results back.
  return Math.floor(count * 0.45);
}

function workerUrl(): URL {
  // Next to this module once built; from sources (tests of the modules) there is none, and no thread.
  return new URL('./load-worker.js', import.meta.url);
}

/**
 * Starts loading `files` in a worker thread, which works while the caller loads others. `collect`
 * waits for it (without giving control back to the event loop, so loading stays synchronous) and
 * returns each file's cache entry JSON, or null for a file to load in the main thread; null as a
 * whole when the worker gave nothing.
 */
export function loadInWorker(files: [path: string, text: string][]): { collect(): (string | null)[] | null } {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker | null = null;
  try {
    worker = new Worker(BOOT, {
      eval: true,
      workerData: { url: workerUrl().href, files, port: port2, signal },
      transferList: [port2],
    });
    worker.unref();
    // A worker that fails is answered for by its signal; its error event must not end the process.
    worker.on('error', () => {});
  } catch {
    worker = null;
  }
  return {
    collect() {
      if (worker === null) return null;
      Atomics.wait(signal, 0, 0, WAIT_MS);
      const message = receiveMessageOnPort(port1);
      void worker.terminate();
      port1.close();
      const results = message?.message as unknown;
      return Array.isArray(results) && results.length === files.length
        ? (results as (string | null)[])
        : null;
    },
  };
}
