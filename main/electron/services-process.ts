/**
 * Entry of the services process, bundled to out/main/services.cjs and started
 * by main with `utilityProcess.fork`. No electron import: the utility
 * process's channel to main is `process.parentPort`, a property Electron adds.
 */
import { runServicesChild, type ParentPortLike } from './services-child';

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
if (!parentPort) {
  console.error('out/main/services.cjs runs only as the services process of the Publish Desk desktop app.');
  process.exit(1);
}
runServicesChild(parentPort, { exit: (code) => process.exit(code) });
