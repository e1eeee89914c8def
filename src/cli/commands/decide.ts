// `threshold decide`: records the people's decision on threats (several ids: as one cluster). The threats
// are assessed, the assessment is stored, and the decision is recorded with it, in one transaction, audited.
import { LEVELS } from '../../shared/domain/enums';
import { choice, text, type Command } from '../command';
import { unwrap } from '../session';
import { json } from '../format';
import { UsageError } from '../io';
import { LEVEL_TEXT, asOfOption } from './assessment-text';

const USAGE = `threshold decide <id>... --level ${LEVELS.join('|')} [--rationale TEXT] [--by NAME] [--role ROLE] [--as-of ISO] [--json]

  <id>...      the threat decided on; several ids are decided on together, as one cluster
  --level      the level decided (it may differ from the recommendation)
  --rationale  why; required when the level differs from the recommendation
  --by, --role who decides, in what role (default: the identity set in the app)
  --as-of      the date and time the assessment is as of, e.g. 2027-05-12T12:00:00Z (default: now)
  --json       print {"assessment": …, "decision": …}`;

export const decideCommand: Command = {
  name: 'decide',
  summary:
    'Record the decision on threats (or a cluster): assessed, stored and audited with the recommendation',
  usage: USAGE,
  options: {
    level: { type: 'string' },
    rationale: { type: 'string' },
    by: { type: 'string' },
    role: { type: 'string' },
    'as-of': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ positionals, values, io, session }) {
    if (positionals.length === 0)
      throw new UsageError(`name the threat decided on\nUsage: ${USAGE.split('\n')[0]}`);
    const level = choice(values, 'level', LEVELS);
    if (!level) throw new UsageError(`--level must be one of ${LEVELS.join(', ')}`);
    const asOf = asOfOption(values['as-of']);
    const s = session();
    const identity = s.ctx.actor();
    const decidedBy = text(values, 'by') ?? identity?.name;
    const role = text(values, 'role') ?? identity?.role;
    if (!decidedBy?.trim()) throw new UsageError('--by NAME is required (no identity is set in the app)');
    if (!role?.trim()) throw new UsageError('--role ROLE is required (no identity is set in the app)');
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
          decidedBy,
          role,
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
