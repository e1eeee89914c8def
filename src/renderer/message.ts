// A core message in the interface: rendered by the shared renderMessage, with its dates and times written as
// the interface writes them ("May 12, 2027, 2:20 p.m." / "12 mai 2027, 14 h 20"), not as ISO stamps.
import type { Message, MessageParams } from '../shared/domain/message';
import { renderMessage, type Translate } from '../shared/i18n/render-message';
import { formatDate, formatDateTime } from './format';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function uiMessage(t: Translate, m: Message): string {
  if (!m.params) return renderMessage(t, m);
  const params: MessageParams = {};
  for (const [k, v] of Object.entries(m.params))
    params[k] =
      typeof v === 'string' && DATE_TIME.test(v)
        ? formatDateTime(v)
        : typeof v === 'string' && DATE.test(v)
          ? formatDate(v)
          : v;
  return renderMessage(t, { ...m, params });
}
