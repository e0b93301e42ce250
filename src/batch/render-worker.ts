import { parentPort, workerData } from 'node:worker_threads';
import { runRenderWorker } from './worker-loop.js';
import type { WorkerSetup } from './worker-protocol.js';

// A batch worker as tsc builds it (tests, and a run from dist/ without the bundle). `npm run build` writes, in its
// place, one that runs the same loop from the bundle with V8's code cache (scripts/bundle.js).
runRenderWorker(parentPort!, workerData as WorkerSetup);
