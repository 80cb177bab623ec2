// library:chain / library:chainList — "Continue from a frame" links a new job to the one it grew
// from (record.parentId). A chain is that job's ancestors (root first), the job itself, then every
// descendant depth-first with siblings oldest first: the order in which the clips were made to follow
// one another. Records come from disk and may be edited by hand, so cycles and missing parents are
// tolerated rather than trusted.
import type { ChainFile } from '../../../shared/contract';
import type { JobRecord } from '../../../shared/domain';
import type { Handlers } from '../ipc/router';
import type { ServiceContext } from './types';

type ChainHandlers = Pick<Handlers, 'library:chain' | 'library:chainList'>;

/** Far more than anyone continues by hand; stops a corrupt library from walking forever. */
const MAX_CHAIN_LENGTH = 10_000;

export function chainHandlers(ctx: ServiceContext): ChainHandlers {
  const { library } = ctx.core;
  const chainOf = (id: string): JobRecord[] => buildChain(ctx.requireJob(id), (parentId) => library.get(parentId), library.list());
  return {
    'library:chain'({ id }) {
      return { chain: chainOf(id) };
    },
    'library:chainList'({ id }) {
      const files: ChainFile[] = [];
      for (const rec of chainOf(id)) {
        if (rec.state !== 'completed' || !rec.videoPath) continue;
        files.push({ order: files.length + 1, id: rec.id, prompt: rec.params.prompt, videoPath: library.resolve(rec.videoPath) });
      }
      return { files };
    },
  };
}

/** Pure, for tests: `all` is every record (any order), `get` looks one up by id. */
export function buildChain(start: JobRecord, get: (id: string) => JobRecord | undefined, all: readonly JobRecord[]): JobRecord[] {
  const seen = new Set<string>([start.id]);
  const ancestors: JobRecord[] = [];
  for (let parentId = start.parentId; parentId && ancestors.length < MAX_CHAIN_LENGTH; ) {
    const parent = get(parentId);
    if (!parent || seen.has(parent.id)) break;
    seen.add(parent.id);
    ancestors.unshift(parent);
    parentId = parent.parentId;
  }

  const children = new Map<string, JobRecord[]>();
  for (const rec of all) {
    if (!rec.parentId) continue;
    const list = children.get(rec.parentId);
    if (list) list.push(rec);
    else children.set(rec.parentId, [rec]);
  }
  for (const list of children.values()) list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));

  const chain = [...ancestors, start];
  // An explicit stack, not recursion: a long chain must not overflow the call stack.
  const stack = [...(children.get(start.id) ?? [])].reverse();
  while (stack.length > 0 && chain.length < MAX_CHAIN_LENGTH) {
    const rec = stack.pop()!;
    if (seen.has(rec.id)) continue;
    seen.add(rec.id);
    chain.push(rec);
    stack.push(...[...(children.get(rec.id) ?? [])].reverse());
  }
  return chain;
}
