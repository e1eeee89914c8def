// The one way a Message becomes text, in the renderer (react-i18next's t) and in the CLI (an i18next
// instance of its own). Parameters are interpolated as given; a catalog entry can translate one by
// nesting, e.g. "$t(checks:sections.{{section}})".
import type { Message } from '../domain/message';

/** The part of i18next's t that rendering needs (any i18next t function fits). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function renderMessage(t: Translate, m: Message): string {
  return t(m.id, { ...m.params, defaultValue: m.id });
}
