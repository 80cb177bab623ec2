// Structural validation of the submit body, answered the way fal's FastAPI/pydantic front door does:
// 422 `{detail: [{loc, msg, type, input?, ctx?}]}`. Only structure is checked here (types, required
// fields, enums); semantic problems (image too small, content policy) surface at result time, as on fal.
import { z } from 'zod';

const ASPECT_RATIOS = ['auto', '16:9', '9:16'] as const;
const DURATIONS = ['4s', '6s', '8s'] as const;
const RESOLUTIONS = ['720p', '1080p'] as const;

// `.loose()`: fal ignores keys it does not know rather than rejecting them.
const SubmitBodySchema = z
  .object({
    prompt: z.string(),
    image_url: z.string(),
    aspect_ratio: z.enum(ASPECT_RATIOS).optional(),
    duration: z.enum(DURATIONS).optional(),
    resolution: z.enum(RESOLUTIONS).optional(),
    generate_audio: z.boolean().optional(),
    negative_prompt: z.string().optional(),
    seed: z.number().int().optional(),
    auto_fix: z.boolean().optional(),
  })
  .loose();

export type SubmittedInput = z.infer<typeof SubmitBodySchema>;

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
  number: ['int_type', 'Input should be a valid integer'],
};

const quoteList = (values: readonly unknown[]): string => {
  const quoted = values.map((v) => `'${String(v)}'`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : (quoted[0] ?? '');
};

/** Parses raw body bytes; never throws. */
export function checkSubmitBody(raw: Buffer): InputCheck {
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
  const result = SubmitBodySchema.safeParse(parsed);
  if (result.success) return { ok: true, input: result.data };

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
