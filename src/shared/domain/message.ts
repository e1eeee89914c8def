// A sentence the core means, said as an id and parameters rather than in one language, so that the
// renderer and the CLI can put it in each person's language (src/shared/i18n renders it with i18next).
// Ids are i18next keys with their namespace: "checks:placeholder.missing".
import { z } from 'zod';

export type MessageParams = Record<string, string | number>;

export interface Message {
  id: string;
  params?: MessageParams;
}

export const MessageSchema = z.strictObject({
  id: z.string().min(1).max(200),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export function message(id: string, params?: MessageParams): Message {
  return params && Object.keys(params).length > 0 ? { id, params } : { id };
}
