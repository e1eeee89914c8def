// The load test's database: an organisation, 10,000 generated threats (the benchmark's seeded generator)
// and the people of the team, each with roles and a passphrase of their own.
import fs from 'node:fs';
import path from 'node:path';
import { AppHost } from '../src/main/app-host';
import { appVersion, sourceAssetsDir } from '../src/main/paths';
import type { Role } from '../src/shared/domain/accounts';
import { generateWorkspace } from '../bench/generate';
import type { Person } from './client';

export const ADMIN: Person = { name: 'Load Admin', passphrase: 'loadtest-admin-harbour-quilt-engine-42' };

export interface TeamMember extends Person {
  roles: Role[];
}

/** The team: analysts most, then communications, reviewers, approvers and policy owners. */
export function teamOf(users: number): TeamMember[] {
  const cycle: Role[][] = [
    ['analyst'],
    ['analyst'],
    ['communications'],
    ['analyst'],
    ['reviewer'],
    ['analyst', 'communications'],
    ['approver'],
    ['analyst'],
    ['communications'],
    ['policy-owner', 'analyst'],
  ];
  return Array.from({ length: users }, (_, i) => ({
    name: `Person ${String(i + 1).padStart(2, '0')}`,
    passphrase: `loadtest-${i + 1}-copper-lantern-orchard-${(i + 1) * 37}`,
    roles: cycle[i % cycle.length]!,
  }));
}

async function must<T>(
  p: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>,
): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error?.message ?? 'failed');
  return r.value as T;
}

export async function seedDatabase(dir: string, threats: number, team: TeamMember[]): Promise<string> {
  const dbPath = path.join(dir, 'team.db');
  const host = AppHost.open({
    dbPath,
    mode: 'cli',
    assetsDir: sourceAssetsDir(),
    appVersion: appVersion(),
    autoBackup: false,
  });
  const caller = { session: 'loadtest-seed' };
  const call = <T>(channel: string, payload: unknown) => must<T>(host.dispatch(channel, payload, caller));
  try {
    await call('setup:run', {
      organisation: { name: { en: 'Elections Loadtest', fr: 'Élections Loadtest' } },
      administrator: ADMIN,
      sample: false,
    });
    const workspace = generateWorkspace(threats);
    const file = path.join(dir, 'workspace.json');
    fs.writeFileSync(file, JSON.stringify(workspace));
    // The administrator adds the team (and may not write the log): an analyst imports it.
    for (const member of team) await call('accounts:create', member);
    const analyst = team.find((m) => m.roles.includes('analyst'))!;
    const asAnalyst = { session: 'loadtest-seed-analyst' };
    await must(
      host.dispatch('session:signIn', { name: analyst.name, passphrase: analyst.passphrase }, asAnalyst),
    );
    await must(
      host.dispatch(
        'workspace:import',
        { format: 'json', content: fs.readFileSync(file, 'utf8'), fileName: 'workspace.json' },
        asAnalyst,
      ),
    );
    fs.rmSync(file);
  } finally {
    host.close();
  }
  return dbPath;
}
