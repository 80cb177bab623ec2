// `npm run sim -- --port N [--cdn-port M] [--no-stream]`: the simulator as a standalone process, for
// driving the CLI or the app by hand. Runs until SIGINT/SIGTERM, then closes both servers cleanly.
import { parseArgs } from 'node:util';
import { SCENARIO_HEADER, SCENARIO_NAMES, startSimulator } from './index';

function portArg(name: string, raw: string | undefined): number {
  if (raw === undefined) return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--${name} must be a port number, got "${raw}"`);
  return port;
}

function balanceArg(raw: string): number {
  const usd = Number(raw);
  if (!Number.isFinite(usd) || usd < 0) throw new Error(`--balance must be a number of dollars, got "${raw}"`);
  return usd;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'cdn-port': { type: 'string' },
      'no-stream': { type: 'boolean', default: false },
      // An aggregator without /v1/dashboard/billing/*, and the simulated account's top-up total.
      'no-billing': { type: 'boolean', default: false },
      balance: { type: 'string' },
    },
  });
  const sim = await startSimulator({
    port: portArg('port', values.port),
    cdnPort: portArg('cdn-port', values['cdn-port']),
    streamSupported: !values['no-stream'],
    // As fal does: a link that cannot be downloaded (or is no image) fails its job.
    fetchImageUrls: true,
    account: { billing: !values['no-billing'], ...(values.balance !== undefined ? { balanceUsd: balanceArg(values.balance) } : {}) },
  });
  console.log(`Veo Studio simulator`);
  console.log(`  API: ${sim.baseUrl}`);
  console.log(`  CDN: ${sim.cdnUrl}`);
  console.log(`  scenarios: ${SCENARIO_NAMES.join(', ')}`);
  console.log(`  pick one with "[sim:<name>]" in the prompt or the ${SCENARIO_HEADER} header; any key works except "sk-rejected…".`);
  sim.on('completed', (job) => console.log(`  ${job.requestId} ${job.scenario}: ${job.outcome ?? 'done'}`));

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing the simulator`);
    sim.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('simulator: close failed', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
