// The assessment's explanation in words, one way for the renderer and the command line: factor reasons
// (with the cluster member they come from), counterfactual sentences, what would lower the level.
// Results stored before the engine spoke in messages carry English sentences: those are given back as they
// are, and `isText` lets the interface mark them as English.
import type {
  AssessmentResult,
  Counterfactual,
  FactorContribution,
  LoweringChange,
} from '../domain/assessment';
import type { Message } from '../domain/message';
import { renderMessage, type Translate } from './render-message';

/** A reason as stored: a message, or (from before messages) an English sentence. */
export type Said = Message | string;

export const isText = (x: Said): x is string => typeof x === 'string';

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase() + s.slice(1);

/** Any core message, including those whose parts are themselves put together here. */
export function say(t: Translate, m: Said): string {
  if (isText(m)) return m;
  if (m.id === 'engine:factor.pattern') {
    const p = m.params ?? {};
    const traits = String(p.traits ?? '')
      .split(',')
      .filter(Boolean)
      .map((x) => t(`engine:trait.${x}`));
    const shape = [
      t(p.sustained === 'yes' ? 'engine:factor.patternSustained' : 'engine:factor.patternBurst'),
      traits.length
        ? t('engine:factor.patternSharing', { traits: listOf(t, traits) })
        : t('engine:factor.patternUnshared'),
    ].join(', ');
    return t('engine:factor.pattern', { ...p, shape });
  }
  const text = renderMessage(t, m);
  // A reason that holds for part of a group: "(4 of 6)".
  const part = m.params?.part;
  return part !== undefined ? t('engine:cluster.part', { reason: text, part, of: m.params?.of }) : text;
}

/** "a, b and c" in the language of `t`. */
export function listOf(t: Translate, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return t('engine:change.and', { first: items.slice(0, -1).join(', '), second: items[items.length - 1] });
}

/** Why a factor has its value; for a cluster, where it comes from. */
export function factorReason(
  t: Translate,
  f: Pick<FactorContribution, 'reason' | 'strongestMember' | 'wholeCluster'>,
): string {
  const reason = say(t, f.reason as Said);
  if (f.strongestMember)
    return t('engine:factor.strongestMember', {
      reason: reason.replace(/\.$/, ''),
      member: f.strongestMember,
    });
  if (f.wholeCluster) return t('engine:factor.wholeCluster', { reason: lowerFirst(reason) });
  return reason;
}

/** "if attribution confidence were high" (for every member of a cluster). */
export function changeText(t: Translate, c: Pick<Counterfactual, 'change' | 'everyMember'>): string {
  const change = say(t, c.change as Said);
  return c.everyMember ? t('engine:change.everyMember', { change }) : change;
}

/** "If attribution confidence were high, the level would be speak publicly." */
export function counterfactualSentence(t: Translate, c: Counterfactual): string {
  return t('engine:change.sentence', { change: capitalise(changeText(t, c)), level: c.level });
}

/** "If the actor were unknown and the reach were Breakout category 2, the level would be …" */
export function loweringSentence(t: Translate, l: LoweringChange): string {
  return t('engine:change.sentence', {
    change: capitalise(
      listOf(
        t,
        l.changes.map((c) => changeText(t, c)),
      ),
    ),
    level: l.level,
  });
}

/** The result with every message put in words (for JSON that people and scripts read, e.g. the CLI's). */
export function resultInWords(t: Translate, r: AssessmentResult) {
  return {
    ...r,
    factors: r.factors.map((f) => ({
      ...f,
      reason: factorReason(t, f),
      ...(f.detail ? { detail: say(t, f.detail) } : {}),
    })),
    gates: r.gates.map((g) => ({ ...g, reason: say(t, g.reason as Said) })),
    mitigations: r.mitigations?.map((m) => ({ ...m, reason: say(t, m.reason as Said) })),
    counterfactuals: r.counterfactuals.map((c) => ({
      ...c,
      change: changeText(t, c),
      sentence: counterfactualSentence(t, c),
    })),
    ...(r.lowering
      ? {
          lowering: {
            single: r.lowering.single.map((c) => ({
              ...c,
              change: changeText(t, c),
              sentence: counterfactualSentence(t, c),
            })),
            together: r.lowering.together
              ? {
                  ...r.lowering.together,
                  sentence: loweringSentence(t, r.lowering.together),
                  changes: r.lowering.together.changes.map((c) => ({ ...c, change: changeText(t, c) })),
                }
              : null,
          },
        }
      : {}),
    spokesperson: { ...r.spokesperson, reason: say(t, r.spokesperson.reason as Said) },
    partners: r.partners.map((p) => ({ ...p, reason: say(t, p.reason as Said) })),
  };
}
