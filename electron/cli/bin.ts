// Executable entry: `npm run cli -- <command>`. Everything else lives in main.ts so tests can call
// runCli in-process.
import { runCli } from './main';

runCli(process.argv.slice(2)).then((code) => {
  // exitCode (not exit) lets stdout drain when piped; the unref'd timer only fires if some stray
  // handle would otherwise keep the process alive after the work is done.
  process.exitCode = code;
  setTimeout(() => process.exit(code), 2000).unref();
});
