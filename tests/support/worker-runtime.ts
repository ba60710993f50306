import { installWorkerRuntime } from '../../activities/worker.js';

// Test output shows the SDK's warnings and errors, not every worker state change.
installWorkerRuntime('WARN');
