// Structural validation of the submit body, answered the way fal's FastAPI/pydantic front door does:
// 422 `{detail: [{loc, msg, type, input?, ctx?}]}`. Only structure is checked here (types, required
// fields, enums) against the posted model's own schema (shared/models.ts `wireInputSchema`), so a
// 4k asked of Veo 3 is refused as fal refuses it; semantic problems (image too small, content
// policy) surface at result time, as on fal.
import type { z } from 'zod';
import { wireInputSchema, type ModelId } from '../../../shared/models';

/** The input with fal's defaults filled in, and the model it was posted to. */
export type SubmittedInput = z.output<ReturnType<typeof wireInputSchema>> & { model: ModelId };

export interface FieldError {
  loc: (string | number)[];
  msg: string;
  type: string;
  input?: unknown;
  ctx?: Record<string, unknown>;
}

export type InputCheck = { ok: true; input: SubmittedInput } | { ok: false; detail: FieldError[] };

const PYDANTIC_TYPE: Record<string, [type: string, msg: string]> = {
  string: ['string_type', 'Input should be a valid string'],
  boolean: ['bool_type', 'Input should be a valid boolean'],
  int: ['int_type', 'Input should be a valid integer'],
  // A family field this model does not take (shared/models.ts): refused, not silently dropped.
  undefined: ['extra_forbidden', 'Extra inputs are not permitted'],
  number: ['int_type', 'Input should be a valid integer'],
};

const quoteList = (values: readonly unknown[]): string => {
  const quoted = values.map((v) => `'${String(v)}'`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : (quoted[0] ?? '');
};

/** Parses raw body bytes posted to `model`'s endpoint; never throws. */
export function checkSubmitBody(raw: Buffer, model: ModelId): InputCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, detail: [{ loc: ['body', 0], msg: 'JSON decode error', type: 'json_invalid', ctx: { error: reason } }] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, detail: [{ loc: ['body'], msg: 'Input should be a valid dictionary', type: 'dict_type', input: parsed }] };
  }
  const result = wireInputSchema(model).safeParse(parsed);
  if (result.success) return { ok: true, input: { ...result.data, model } };

  const body = parsed as Record<string, unknown>;
  const detail = result.error.issues.map((issue): FieldError => {
    const field = issue.path[0];
    const loc: (string | number)[] = ['body', ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    const value = typeof field === 'string' ? body[field] : undefined;
    if (value === undefined) return { loc, msg: 'Field required', type: 'missing', input: body };
    if (issue.code === 'invalid_value') {
      const expected = quoteList(issue.values);
      return { loc, msg: `Input should be ${expected}`, type: 'literal_error', input: value, ctx: { expected } };
    }
    if (issue.code === 'invalid_type') {
      const [type, msg] = PYDANTIC_TYPE[issue.expected] ?? ['type_error', issue.message];
      return { loc, msg, type, input: value };
    }
    return { loc, msg: issue.message, type: 'value_error', input: value };
  });
  return { ok: false, detail };
}
