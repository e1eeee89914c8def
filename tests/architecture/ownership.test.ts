// Each record has one owner, and each rule one home: the threat log's tables are written by the threat
// store alone, audit entries are appended through the service context alone, the services' events are
// wired in services.ts alone, and every channel lives in the contract file named for its prefix.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACTS } from '../../src/shared/ipc/contract';
import { REPO_ROOT } from '../helpers/db';
import { rel, sourceFiles } from './import-graph';

const MAIN = sourceFiles(path.join(REPO_ROOT, 'src', 'main')).map((f) => ({
  file: rel(f),
  text: fs.readFileSync(f, 'utf8'),
}));

const THREAT_TABLES =
  'threats|threat_docs|threat_versions|threat_regions|threat_channels|classified_notes|threats_fts';

describe('one owner per record', () => {
  it('writes the threat log only through the threat store (migrations aside)', () => {
    const write = new RegExp(`\\b(INSERT INTO|UPDATE|DELETE FROM)\\s+(${THREAT_TABLES})\\b`);
    const writers = MAIN.filter((s) => write.test(s.text) && !s.file.startsWith('src/main/db/migrations/'));
    expect(writers.map((s) => s.file)).toEqual(['src/main/threats/store.ts']);
  });

  it('reads the threat log only in its own folder, and the dashboard’s aggregates (migrations aside)', () => {
    const read = new RegExp(`\\b(FROM|JOIN)\\s+(${THREAT_TABLES})\\b`);
    const readers = MAIN.filter((s) => read.test(s.text) && !s.file.startsWith('src/main/db/migrations/'))
      .map((s) => s.file)
      .filter((f) => !f.startsWith('src/main/threats/'));
    expect(readers).toEqual(['src/main/dashboard/repository.ts']);
  });

  it('appends audit entries only through the service context (ctx.record)', () => {
    const appenders = MAIN.filter((s) => /\.append\(\{/.test(s.text)).map((s) => s.file);
    expect(appenders).toEqual(['src/main/services.ts']);
  });

  it('subscribes to the services’ events only in services.ts', () => {
    const wiring = MAIN.filter((s) => /\bevents\.on\(/.test(s.text)).map((s) => s.file);
    expect(wiring).toEqual(['src/main/services.ts']);
  });
});

describe('every layer where its name says', () => {
  it('keeps each channel in the contract file named for its prefix', () => {
    for (const [domain, contract] of Object.entries(CONTRACTS)) {
      expect(fs.existsSync(path.join(REPO_ROOT, 'src/shared/ipc', `${domain}.contract.ts`)), domain).toBe(
        true,
      );
      for (const channel of Object.keys(contract)) expect(channel.split(':')[0], channel).toBe(domain);
    }
  });
});
