import { installWorkerRuntime } from '../../activities/worker.js';
import { findFreePort } from '../../scripts/runtime/ports.js';

/** Where this test file's process serves the Temporal SDK's Prometheus metrics (Core installs once per process). */
export const sdkMetricsAddress = `127.0.0.1:${await findFreePort()}`;

// Test output shows the SDK's warnings and errors, not every worker state change.
installWorkerRuntime('WARN', sdkMetricsAddress);
