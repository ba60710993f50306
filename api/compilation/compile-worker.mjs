// The entry of a compile pool thread. A worker thread starts without the API's TypeScript loader
// (tsx under `npm start`, vite-node under vitest), so it registers tsx's before loading the task.
import { register } from 'tsx/esm/api';

register();
const { yieldCpuToApiThread } = await import('./thread-priority.ts');
yieldCpuToApiThread();
const { default: runCompileTask } = await import('./compile-task.ts');
export default runCompileTask;
