import { PROVIDERS } from '../../shared/domain';
import { PROVIDER_INFO } from '../../shared/providers';

export const USAGE = `Veo Studio command line — generate videos with fal-ai/veo3/image-to-video.

Usage: npm run cli -- [global options] <command> [options]

Commands
  key set [--no-check]    read an API key from stdin, check it with the provider (free), store it
                          in the OS keychain (a rejected key is not saved; offline it still is)
  key status              say whether a key is set (shows only its last 4 characters)
  key clear               remove the stored key
  generate --image <path|https-url> --prompt <text>
           [--aspect-ratio auto|16:9|9:16] [--duration 4s|6s|8s] [--resolution 720p|1080p]
           [--no-audio] [--negative-prompt <text>] [--seed <n>] [--out <file.mp4>] [--json]
           [--confirm-spend <usd>]
                          submit a job, follow it, download the video into the library
                          (above the "confirm above $X" limit in Settings, pass the estimate
                          it prints as --confirm-spend to agree to it)
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

Exit codes: 0 completed, 1 failed or cancelled, 2 bad usage or input.`;
