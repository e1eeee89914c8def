// Every CLI command, in the order --help lists them.
import type { Command } from '../command';
import { exportCommand } from './export';
import { importCommand } from './import';
import { listCommand } from './list';
import { showCommand } from './show';

export const COMMANDS: readonly Command[] = [importCommand, exportCommand, listCommand, showCommand];
