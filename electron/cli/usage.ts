import { ASPECT_RATIOS, DURATIONS, PROVIDERS, RESOLUTIONS } from '../../shared/domain';
import { DEFAULT_MODEL, MODEL_LIST, takesLastFrame } from '../../shared/models';
import { PROVIDER_INFO } from '../../shared/providers';

const takes = (what: 'seed' | 'negativePrompt'): string =>
  MODEL_LIST.filter((m) => m.options[what])
    .map((m) => m.label)
    .join(', ');
const lastFrameModels = MODEL_LIST.filter((m) => takesLastFrame(m.id))
  .map((m) => m.id)
  .join(', ');
const with4k = MODEL_LIST.filter((m) => m.options.resolutions.includes('4k'))
  .map((m) => m.label)
  .join(', ');

export const USAGE = `Veo Studio command line — generate videos with Google's Veo 3 family (default ${DEFAULT_MODEL}).

Usage: npm run cli -- [global options] <command> [options]

Commands
  key set [--no-check]    read an API key from stdin, check it with the provider (free), store it
                          in the OS keychain (a rejected key is not saved; offline it still is)
  key status              say whether a key is set (shows only its last 4 characters)
  key clear               remove the stored key
  models [--json]         the models you can pick, what each accepts and its list price
  generate --image <path|https-url> --prompt <text> [--model <endpoint id>] [--last-frame <path|https-url>]
           [--aspect-ratio ${ASPECT_RATIOS.join('|')}] [--duration ${DURATIONS.join('|')}] [--resolution ${RESOLUTIONS.join('|')}]
           [--no-audio] [--negative-prompt <text>] [--seed <n>] [--out <file.mp4>] [--json]
           [--confirm-spend <usd>]
                          submit a job, follow it, download the video into the library
                          (above the "confirm above $X" limit in Settings, pass the estimate
                          it prints as --confirm-spend to agree to it)
                          --model: ${MODEL_LIST.map((m) => m.id).join(', ')}
                          --last-frame (the picture the video ends on; --image is its first): ${lastFrameModels} only, which needs it
                          4k: ${with4k} only; --seed: ${takes('seed')}; --negative-prompt: ${takes('negativePrompt')}
  resume [--json]         follow every unfinished job to its end (never re-submits)
  list [--search <text>] [--status <state>] [--json]
  show <id> [--json]      one job (an unambiguous id prefix is enough)
  cancel <id> [--json]    ask the server to cancel a job and record what really happened
  balance [--json]        what is left on the account behind the key ({balanceUsd: number|null, provider, …})

Global options
  --data-dir <dir>        where the library lives (env VEO_STUDIO_DATA_DIR)
  --provider ${PROVIDERS.join('|')}
  --api-base <url>        only with --provider (whose key goes there): e.g. --provider simulator --api-base http://127.0.0.1:8787 for "npm run sim", or --provider aggregator --api-base ${PROVIDER_INFO.aggregator.defaultBaseUrl}
  -h, --help

Exit codes: 0 completed, 1 failed or cancelled, 2 bad usage or input,
  3 the library is in use by the app or another CLI command (generate, resume and cancel change it,
    so they wait for it to close; list and show work beside it).`;
