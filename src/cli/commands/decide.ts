// `threshold decide`: records the signed-in person's decision on threats (several ids: as one cluster).
// The threats are assessed, the assessment is stored, and the decision is recorded with it, signed by that
// person, in one transaction, audited. Deciding to speak publicly asks for the passphrase again (a fresh
// signature): THRESHOLD_PASSPHRASE, or a prompt.
import { LEVELS } from '../../shared/domain/enums';
import { AS_OF_OPTION, choice, type Command, JSON_OPTION, text } from '../command';
import { passphraseFor, unwrap } from '../session';
import { json } from '../format';
import { UsageError } from '../io';
import { LEVEL_TEXT, asOfOption } from './assessment-text';

const USAGE = `threshold --user NAME decide <id>... --level ${LEVELS.join('|')} [--rationale TEXT] [--as-of ISO] [--json]

  <id>...      the threat decided on; several ids are decided on together, as one cluster
  --level      the level decided (it may differ from the recommendation)
  --rationale  why; required when the level differs from the recommendation
  --as-of      the date and time the assessment is as of, e.g. 2027-05-12T12:00:00Z (default: now)
  --json       print {"assessment": …, "decision": …}

The decision is recorded as the signed-in person (an approver), and signed by them.`;

export const decideCommand: Command = {
  name: 'decide',
  summary:
    'Record the decision on threats (or a cluster): assessed, stored and audited with the recommendation',
  usage: USAGE,
  options: {
    level: { type: 'string' },
    rationale: { type: 'string' },
    ...AS_OF_OPTION,
    ...JSON_OPTION,
  },
  async run({ positionals, values, io, session }) {
    if (positionals.length === 0)
      throw new UsageError(`name the threat decided on\nUsage: ${USAGE.split('\n')[0]}`);
    const level = choice(values, 'level', LEVELS);
    if (!level) throw new UsageError(`--level must be one of ${LEVELS.join(', ')}`);
    const asOf = asOfOption(values['as-of']);
    const s = await session();
    const rationale = (text(values, 'rationale') ?? '').trim();
    const threatIds = [...new Set(positionals)];
    const [first = ''] = threatIds;
    const cluster = threatIds.length > 1;
    const recommendation = cluster
      ? await unwrap(s.api.assessment.assessCluster({ threatIds, asOf }))
      : await unwrap(s.api.assessment.assess({ threatId: first, asOf }));
    if (level !== recommendation.level && !rationale) {
      throw new UsageError(
        `the assessment recommends ${recommendation.level}; to decide ${level} instead, say ` +
          `why with --rationale TEXT. Nothing was recorded.`,
      );
    }
    const stored = await unwrap(
      s.api.assessment.save({
        threatIds,
        cluster,
        asOf,
        decision: {
          recommendedLevel: recommendation.level,
          level,
          rationale,
          // Speaking publicly takes a fresh signature: the passphrase again.
          ...(level === 'speak-publicly'
            ? { passphrase: passphraseFor(s.acting.name, io.env, io.promptSecret?.bind(io)) }
            : {}),
        },
      }),
    );
    const decision = stored.decisions.at(-1);
    if (!decision) throw new Error('the decision was not stored');
    if (values.json) {
      io.out(json({ assessment: stored, decision }));
      return 0;
    }
    io.out(
      `Decision recorded on assessment #${stored.id} (${cluster ? `cluster of ${threatIds.length}` : threatIds[0]}): ` +
        `${LEVEL_TEXT[decision.level]}, ` +
        `${decision.level === decision.recommendedLevel ? 'as recommended' : `where ${LEVEL_TEXT[decision.recommendedLevel]} was recommended`} ` +
        `(score ${stored.score.toFixed(1)}, policy version ${stored.policyVersion}), by ${decision.decidedBy} ` +
        `(${decision.role}).` +
        (decision.rationale ? `\nRationale: ${decision.rationale}` : ''),
    );
    return 0;
  },
};
