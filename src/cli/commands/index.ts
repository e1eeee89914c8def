// Every CLI command, in the order --help lists them.
import type { Command } from '../command';
import { assessCommand } from './assess';
import { auditCommand } from './audit';
import { backupCommand } from './backup';
import { dbCommand } from './db';
import { decideCommand } from './decide';
import { draftCommand } from './draft';
import { approveCommand, draftsCommand, reviewCommand } from './drafts';
import { exportCommand } from './export';
import { importCommand } from './import';
import { listCommand } from './list';
import { outcomeCommand } from './outcome';
import { partnersCommand } from './partners';
import { policyCommand } from './policy';
import { profileCommand } from './profile';
import { reportCommand } from './report';
import { restoreCommand } from './restore';
import { serveCommand } from './serve';
import { setupCommand } from './setup';
import { showCommand } from './show';
import { userCommand } from './user';

export const COMMANDS: readonly Command[] = [
  setupCommand,
  userCommand,
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
  reviewCommand,
  approveCommand,
  profileCommand,
  partnersCommand,
  outcomeCommand,
  reportCommand,
  backupCommand,
  restoreCommand,
  serveCommand,
  dbCommand,
];
