// `threshold assess`: "Should we speak?" for threats, one by one or as one cluster.
import type { AssessmentResult } from '../../shared/domain/assessment';
import { AS_OF_OPTION, type Command, JSON_OPTION } from '../command';
import { unwrap } from '../session';
import { json } from '../format';
import { UsageError } from '../io';
import { asOfOption, assessmentText } from './assessment-text';
import { resultInWords } from '../../shared/i18n/explain';

const USAGE = `threshold assess <id>... [--cluster] [--json] [--as-of ISO]

  <id>...      the threats to assess; each on its own, or with --cluster all together as one cluster
  --cluster    assess the threats as one cluster (an accumulation of related threats)
  --json       print JSON: an array with one assessment per threat, or with --cluster one object
  --as-of      the date and time the assessment is as of, e.g. 2027-05-12T12:00:00Z (default: now)

  The explanation is in the language of --lang en|fr (a global option).`;

export const assessCommand: Command = {
  name: 'assess',
  summary: 'Should we speak? Check threats (or a cluster) against the intervention policy and explain why',
  usage: USAGE,
  options: { cluster: { type: 'boolean' }, ...JSON_OPTION, ...AS_OF_OPTION },
  async run({ positionals, values, io, session, i18n }) {
    if (positionals.length === 0)
      throw new UsageError(`name at least one threat\nUsage: ${USAGE.split('\n')[0]}`);
    const asOf = asOfOption(values['as-of']);
    const s = await session();
    const results: AssessmentResult[] = values.cluster
      ? [await unwrap(s.api.assessment.assessCluster({ threatIds: positionals, asOf }))]
      : await Promise.all(positionals.map((threatId) => unwrap(s.api.assessment.assess({ threatId, asOf }))));
    if (values.json) {
      // Reasons and changes in words, in the --lang language (the engine gives them as message ids).
      const inWords = results.map((r) => resultInWords(i18n.t, r));
      io.out(json(values.cluster ? inWords[0] : inWords));
      return 0;
    }
    const titles: Record<string, string> = {};
    for (const id of new Set(results.flatMap((r) => r.threatIds)))
      titles[id] = (await unwrap(s.api.threats.get({ id }))).threat.title;
    io.out(results.map((r) => assessmentText(r, titles, i18n.t)).join(`\n\n${'─'.repeat(72)}\n\n`));
    return 0;
  },
};
