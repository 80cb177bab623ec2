// A core error whose sentence is also data (shared/i18n): the English message stays on the Error
// (CLI, logs, tests), and the code and params travel with it so each face can say it in its language.
import { isMessageId, type CodedMessage } from '../../../shared/i18n/messages';

export type Said = CodedMessage & { message: string };

export class SaidError extends Error {
  constructor(
    readonly said: Said,
    options?: { cause?: unknown },
  ) {
    super(said.message, options);
    this.name = 'SaidError';
  }
}

/** The coded form of an error's message, when the core wrote it (and it still reads the same). */
export function saidOf(err: unknown): Said | undefined {
  if (!(err instanceof Error) || !('said' in err)) return undefined;
  const said = (err as { said?: Partial<Said> }).said;
  if (!said || !isMessageId(said.code) || said.message !== err.message) return undefined;
  return said as Said;
}

/** `{ code, params }` of a coded message, for spreading next to an English `message`. */
export const codeOf = (said: CodedMessage): CodedMessage => ({ code: said.code, ...(said.params === undefined ? {} : { params: said.params }) });

/** `{ code, params }` of an error the core wrote as a coded message, else nothing (stays English). */
export function codeOfError(err: unknown): Partial<CodedMessage> {
  const said = saidOf(err);
  return said ? codeOf(said) : {};
}

/** What to pass on of an error the user should read: its coded form when it has one, else its words. */
export const wordsOf = (err: Error): string | Said => saidOf(err) ?? err.message;
