// The parameters of a coded message (shared/i18n/messages.ts), on their own: the record and IPC
// schemas need the shape without loading the catalogs.
import { z } from 'zod';

/** Values a message's placeholders take: plain data, so a coded message survives JSON and disk. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Bounded, like everything read from disk or the wire. */
export const MessageParamsSchema = z.record(z.string().max(64), z.union([z.string().max(4000), z.number()]));
