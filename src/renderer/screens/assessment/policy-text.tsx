// The policy's own words, in the person's language. The shipped policy's descriptions and factor names are
// translated (and said plainly, without setting names like "engagePrivately"); a description or a name the
// organisation wrote itself is shown as written, marked as English, the language policies are written in.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import shippedPolicy from '../../../../assets/policy/default-policy.json';
import { outcomesSection } from '../../../shared/domain/policy';

type Node = Record<string, unknown>;

/** The shipped words: the default policy's, and those of the optional sections the editors write. */
const shipped: Node = { ...shippedPolicy, outcomes: outcomesSection() };

/** The shipped policy's text at a path: "thresholds", "gates.containedItem", "factors.harm" (by id). */
function shippedText(path: string, key: 'description' | 'label'): string | undefined {
  let node: unknown = shipped;
  for (const part of path ? path.split('.') : []) {
    if (Array.isArray(node)) node = node.find((f: Node) => f.id === part);
    else node = (node as Node | undefined)?.[part];
    if (node === undefined) return undefined;
  }
  const text = (node as Node | undefined)?.[key];
  return typeof text === 'string' ? text : undefined;
}

export interface PolicyWords {
  text: string;
  /** Set when the text is the policy's own (English) and not a translation. */
  lang?: 'en';
}

/** A setting's description: translated when it is the shipped one, as written otherwise. */
export function policyDescription(path: string, own: string, t: TFunction): PolicyWords {
  return own === shippedText(path, 'description')
    ? {
        text: t(`assessment:policyText.${path ? path.replaceAll('.', '__') : 'description'}`, {
          defaultValue: own,
        }),
      }
    : { text: own, lang: 'en' };
}

/** A factor's name: translated when it is a shipped factor under its shipped name. */
export function factorName(f: { id: string; label: string }, t: TFunction): PolicyWords {
  if (f.id === 'pattern') return { text: t('assessment:factorName.pattern') };
  return f.label === shippedText(`factors.${f.id}`, 'label')
    ? { text: t(`assessment:factorName.${f.id}`, { defaultValue: f.label }) }
    : { text: f.label, lang: 'en' };
}

/** Shows policy words, marked English when they are the policy's own. */
export function PolicyWordsText({ words }: { words: PolicyWords }): ReactNode {
  const { i18n } = useTranslation();
  return words.lang && i18n.language !== words.lang ? (
    <span lang={words.lang}>{words.text}</span>
  ) : (
    words.text
  );
}
