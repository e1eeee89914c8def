// Every CLI command, in the order --help lists them.
import type { Command } from '../command';
import { assessCommand } from './assess';
import { auditCommand } from './audit';
import { backupCommand } from './backup';
import { decideCommand } from './decide';
import { draftCommand } from './draft';
import { draftsCommand } from './drafts';
import { exportCommand } from './export';
import { importCommand } from './import';
import { listCommand } from './list';
import { outcomeCommand } from './outcome';
import { partnersCommand } from './partners';
import { policyCommand } from './policy';
import { profileCommand } from './profile';
import { reportCommand } from './report';
import { restoreCommand } from './restore';
import { showCommand } from './show';

export const COMMANDS: readonly Command[] = [
  importCommand,
  exportCommand,
  listCommand,
  showCommand,
  assessCommand,
  decideCommand,
  policyCommand,
  auditCommand,
  draftCommand,
  draftsCommand,
  profileCommand,
  partnersCommand,
  outcomeCommand,
  reportCommand,
  backupCommand,
  restoreCommand,
];
