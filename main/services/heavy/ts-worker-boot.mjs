// Runs the heavy worker from its TypeScript source (tests, `npm run cli`); the built app starts out/workers/heavy-worker.cjs instead.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
