import { Worker } from 'node:worker_threads';

/** What a fuzz worker posts: the label of the case it starts (the watchdog restarts), then its result. */
export type WorkerMessage<T> = { type: 'case'; label: string; kind: string } | { type: 'done'; result: T };

export interface Isolated<T> {
  result: T;
  ms: number;
  /** Highest resident set size above the level before the worker started, in MB. */
  peakRssMb: number;
  /** The same, per kind of case the worker announced. */
  peakRssMbByKind: Record<string, number>;
}

export interface SandboxLimits {
  /** A single case running longer than this is a hang: the worker is stopped and the test fails naming the case. */
  caseTimeoutMs: number;
  /** The worker's V8 heap; exceeding it fails the test instead of taking the machine down. */
  maxHeapMb: number;
}

const RSS_SAMPLE_MS = 20;

/**
 * Runs a worker module (a .ts file, loaded through tsx) in a thread of its
 * own, so a case that loops forever or eats memory can be stopped and named.
 * The main thread stays free to sample memory while the worker works.
 */
export function runIsolated<T>(module: URL, input: unknown, limits: SandboxLimits): Promise<Isolated<T>> {
  const started = performance.now();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const peakByKind: Record<string, number> = {};
  let kind = 'startup';
  let label = '(worker startup)';
  const worker = new Worker(new URL('./boot.mjs', import.meta.url), {
    workerData: { module: module.href, input },
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
  });
  return new Promise<Isolated<T>>((resolve, reject) => {
    let watchdog: NodeJS.Timeout | undefined;
    const sample = setInterval(() => {
      const rss = process.memoryUsage.rss();
      peak = Math.max(peak, rss);
      peakByKind[kind] = Math.max(peakByKind[kind] ?? 0, rss);
    }, RSS_SAMPLE_MS);
    const finish = (outcome: () => void) => {
      clearInterval(sample);
      clearTimeout(watchdog);
      void worker.terminate();
      outcome();
    };
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => finish(() => reject(new Error(`hang: ${label} ran over ${limits.caseTimeoutMs} ms`))), limits.caseTimeoutMs + 2000);
    };
    arm();
    worker.on('message', (msg: WorkerMessage<T>) => {
      if (msg.type === 'case') { label = msg.label; kind = msg.kind; arm(); return; }
      const mb = (rss: number) => Math.round((rss - baseline) / 1e6);
      finish(() => resolve({
        result: msg.result,
        ms: performance.now() - started,
        peakRssMb: mb(peak),
        peakRssMbByKind: Object.fromEntries(Object.entries(peakByKind).map(([k, v]) => [k, mb(v)])),
      }));
    });
    worker.on('error', (err) => finish(() => reject(new Error(`${label}: ${err.message}`))));
    worker.on('exit', (code) => finish(() => reject(new Error(`worker exited (code ${code}) during ${label}`))));
  });
}
