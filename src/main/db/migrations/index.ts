// The registry of migrations, in order. Add new ones at the end, in steps of 10.
import type { Migration } from './types';
import { m0010ThreatLog } from './0010-threat-log';
import { m0020Policies } from './0020-policies';
import { m0030Assessments } from './0030-assessments';
import { m0040Drafting } from './0040-drafting';
import { m0050Partners } from './0050-partners';
import { m0060CoveringIndexes } from './0060-covering-indexes';
import { m0070Accounts } from './0070-accounts';
import { m0090Outcomes } from './0090-outcomes';
import { m0100SearchInvisible } from './0100-search-invisible';
import { m0110StixIds } from './0110-stix-ids';
import { m0120ElectionChanges } from './0120-election-changes';
import { m0130ThreatScores } from './0130-threat-scores';

export const MIGRATIONS: readonly Migration[] = [
  m0010ThreatLog,
  m0020Policies,
  m0030Assessments,
  m0040Drafting,
  m0050Partners,
  m0060CoveringIndexes,
  m0070Accounts,
  m0090Outcomes,
  m0100SearchInvisible,
  m0110StixIds,
  m0120ElectionChanges,
  m0130ThreatScores,
];

MIGRATIONS.forEach((migration, i) => {
  const before = MIGRATIONS[i - 1];
  if (before && migration.version <= before.version)
    throw new Error(`Migration versions must increase: ${migration.name}`);
});

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
export type { Migration };
