// The engine's explanation on screen, in the interface language (shared/i18n/explain.ts puts it in words).
// A result stored before the engine spoke in messages carries English sentences: they are shown as they
// are, marked as English.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isText, say, type Said } from '../../../shared/i18n/explain';
import type { Translate } from '../../../shared/i18n/render-message';

/** i18next's t as the shared helpers take it. */
export function useTranslate(): Translate {
  const { t } = useTranslation();
  return t as unknown as Translate;
}

/** A message of the engine in words; an old English sentence marked as English. */
export function EngineText({ children, text }: { children?: ReactNode; text?: Said }) {
  const t = useTranslate();
  const { i18n } = useTranslation();
  if (text === undefined) return <>{children}</>;
  if (isText(text) && i18n.language !== 'en') return <span lang="en">{text}</span>;
  return <>{say(t, text)}</>;
}
