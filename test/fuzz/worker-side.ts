import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerMessage } from './sandbox.ts';

/** The input the test handed to runIsolated. */
export const workerInput: unknown = (workerData as { input: unknown }).input;

/** Tells the watchdog a new case starts (and what kind, for the memory figures). */
export function startCase(kind: string, label: string): void {
  parentPort!.postMessage({ type: 'case', kind, label } satisfies WorkerMessage<never>);
}

export function finish<T>(result: T): void {
  parentPort!.postMessage({ type: 'done', result } satisfies WorkerMessage<T>);
}
