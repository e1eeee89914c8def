// `threshold assess | decide | policy | audit` in-process on temporary databases loaded with the sample
// workspace (its threats lk27-001…lk27-011 are the six cases), and once for real through bin/.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentResult } from '../../src/shared/domain/assessment';
import type { AssessmentSummary, Decision, StoredAssessment } from '../../src/shared/domain/decision';
import { levelRank } from '../../src/shared/domain/enums';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { openTestApp, REPO_ROOT, tempDir } from '../helpers/db';
import { ADMIN, cliEnv, copyDatabase, openRaw } from '../helpers/people';

const AS_OF = '2027-05-12T12:00:00Z';
const PROXIES = ['lk27-006', 'lk27-007', 'lk27-008', 'lk27-009', 'lk27-010', 'lk27-011'];

let sampleFile: string;
let sampleDir: string;

beforeAll(async () => {
  sampleDir = tempDir('assess-cli-', { keep: true });
  const app = await openTestApp({ file: path.join(sampleDir, 'sample.db'), keep: true });
  await app.call('workspace:loadSample');
  app.close();
  sampleFile = app.file;
});
afterAll(() => {
  if (sampleDir) fs.rmSync(sampleDir, { recursive: true, force: true });
});

/** A fresh copy of the sample database, for tests that change it. */
function copyOfSample(): string {
  const file = path.join(tempDir('assess-cli-copy-'), 'copy.db');
  copyDatabase(sampleFile, file);
  return file;
}

async function run(argv: string[], cwd = sampleDir): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: cliEnv(), cwd };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function assessJson(ids: string[], db = sampleFile): Promise<AssessmentResult[]> {
  const r = await run(['assess', ...ids, '--json', '--as-of', AS_OF, '--db', db]);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as AssessmentResult[];
}

function expectShape(a: AssessmentResult): void {
  expect(a).toEqual(
    expect.objectContaining({
      threatIds: expect.any(Array),
      score: expect.any(Number),
      level: expect.stringMatching(/^(monitor|engage-privately|speak-publicly)$/),
      thresholds: { engagePrivately: expect.any(Number), speakPublicly: expect.any(Number) },
      gates: expect.any(Array),
      counterfactuals: expect.any(Array),
      spokesperson: expect.objectContaining({
        id: expect.any(String),
        name: expect.any(String),
        reason: expect.any(String),
      }),
      policyVersion: expect.any(Number),
    }),
  );
  expect(a.factors.length).toBeGreaterThan(0);
  for (const f of a.factors)
    expect(f).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        label: expect.any(String),
        points: expect.any(Number),
        reason: expect.any(String),
      }),
    );
}

describe('threshold assess', () => {
  it('prints a JSON array with one assessment per threat, in the order named', async () => {
    const results = await assessJson(['lk27-002', 'lk27-001']);
    expect(results).toHaveLength(2);
    expect(results.map((r) => r.threatIds)).toEqual([['lk27-002'], ['lk27-001']]);
    for (const r of results) {
      expectShape(r);
      expect(r.asOf).toBe(AS_OF);
      expect(r.policyVersion).toBe(1);
    }
    // One id is still an array.
    const one = await assessJson(['lk27-004']);
    expect(Array.isArray(one)).toBe(true);
    expect(one).toHaveLength(1);
  });

  it('1. the mail-in ballot claim: speak publicly, through the election authority', async () => {
    const [r] = await assessJson(['lk27-001']);
    expect(r!.level).toBe('speak-publicly');
    expect(r!.spokesperson.id).toBe('election-authority');
  });

  it('2. the mocking post in a small group: monitor', async () => {
    const [r] = await assessJson(['lk27-002']);
    expect(r!.level).toBe('monitor');
  });

  it('3. the party flyer: never speak publicly (domestic political debate)', async () => {
    const [r] = await assessJson(['lk27-003']);
    expect(r!.level).not.toBe('speak-publicly');
    expect(r!.gates.find((g) => g.id === 'domestic-political-debate')?.conditionMet).toBe(true);
  });

  it('4. the voter-registry leak by a foreign state: speak publicly', async () => {
    const [r] = await assessJson(['lk27-004']);
    expect(r!.level).toBe('speak-publicly');
    expect(r!.attributionMayBeStated).toBe(true);
  });

  it('5. the unattributed bot network: not speak publicly', async () => {
    const [r] = await assessJson(['lk27-005']);
    expect(r!.level).not.toBe('speak-publicly');
  });

  it('6. the proxy articles: the cluster scores above every member and at least engage-privately', async () => {
    const members = await assessJson(PROXIES);
    // Each article stays below speak-publicly on its own.
    for (const m of members) expect(m.level, m.threatIds[0]).not.toBe('speak-publicly');
    const r = await run(['assess', '--cluster', ...PROXIES, '--json', '--as-of', AS_OF, '--db', sampleFile]);
    expect(r.code, r.err).toBe(0);
    const cluster = JSON.parse(r.out) as AssessmentResult;
    expect(Array.isArray(cluster)).toBe(false);
    expectShape(cluster);
    expect(cluster.cluster).toBe(true);
    expect(cluster.threatIds).toEqual(PROXIES);
    expect(cluster.score).toBeGreaterThan(Math.max(...members.map((m) => m.score)));
    expect(levelRank(cluster.level)).toBeGreaterThanOrEqual(levelRank('engage-privately'));
    expect(cluster.factors.find((f) => f.id === 'pattern')!.points).toBeGreaterThan(0);
  });

  it('without --json prints a readable summary: level, score against thresholds, factors, gates, changes, spokesperson, partners', async () => {
    const r = await run(['--db', sampleFile, 'assess', 'lk27-001', '--as-of', AS_OF]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^lk27-001 {2}False claim that mail-in ballots/);
    expect(r.out).toMatch(/Level: SPEAK PUBLICLY/);
    expect(r.out).toMatch(/Score: 67\.1 of 100 — engage privately at 35, speak publicly at 60/);
    expect(r.out).toMatch(/Harm to the electoral process +35\.8 \/ 40/);
    expect(r.out).toMatch(/Gates:\n {2}\[not applied\] Domestic political debate/);
    expect(r.out).toMatch(/What would change it:\n {2}- If .*the level would be engage privately\./);
    expect(r.out).toMatch(/Spokesperson: Election authority — /);
    expect(r.out).toMatch(/Partners to engage:\n {2}- Platforms — /);
    expect(r.out).toMatch(/Policy version 1; as of 2027-05-12T12:00:00Z \(5 days before polling day/);
  });

  it('with --lang fr says it all in French: level, factors and their reasons, gates, changes, who speaks', async () => {
    const r = await run(['--lang', 'fr', '--db', sampleFile, 'assess', 'lk27-001', '--as-of', AS_OF]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Niveau\u00A0: S’EXPRIMER PUBLIQUEMENT/);
    expect(r.out).toMatch(
      /Pointage\u00A0: 67,1 sur 100 — intervenir en privé à 35, s’exprimer publiquement à 60/,
    );
    expect(r.out).toMatch(/Atteinte au processus électoral +35,8 \/ 40 +Elle trompe les gens sur la façon/);
    expect(r.out).toMatch(/Catégorie Breakout 3 \(plusieurs plateformes et plusieurs communautés\)/);
    expect(r.out).toMatch(
      /Règles\u00A0:\n {2}\[non appliquée\] Débat politique national\u00A0: Il ne s’agit pas de débat/,
    );
    expect(r.out).toMatch(
      /Ce qui le changerait\u00A0:\n {2}- Si .*le niveau serait «\u00A0intervenir en privé\u00A0»\./,
    );
    expect(r.out).toMatch(/Porte-parole\u00A0: Autorité électorale — Cela concerne la façon/);
    expect(r.out).not.toMatch(/\b(the level would be|Breakout category|Spokesperson)\b/);
    // The same in JSON: the reasons in words, in French.
    const json = await run([
      '--lang',
      'fr',
      '--db',
      sampleFile,
      'assess',
      'lk27-001',
      '--json',
      '--as-of',
      AS_OF,
    ]);
    const [a] = JSON.parse(json.out) as { factors: { reason: string }[] }[];
    expect(a!.factors[0]!.reason).toMatch(/^Elle trompe les gens/);
  });

  it('refuses an unknown threat and a malformed --as-of', async () => {
    const unknown = await run(['assess', 'nope', '--db', sampleFile]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no threat with id nope/);
    const badDate = await run(['assess', 'lk27-001', '--as-of', '12 May', '--db', sampleFile]);
    expect(badDate.code).toBe(2);
    expect(badDate.err).toMatch(/--as-of must be a date and time/);
  });
});

describe('threshold policy', () => {
  it('show --json prints the policy document, which set accepts back; set saves a new version and levels follow', async () => {
    const db = copyOfSample();
    const shown = await run(['policy', 'show', '--json', '--db', db]);
    expect(shown.code).toBe(0);
    const policy = JSON.parse(shown.out) as {
      version: number;
      thresholds: { engagePrivately: number; speakPublicly: number };
    };
    expect(policy.thresholds).toMatchObject({ engagePrivately: 35, speakPublicly: 60 });

    // Exactly what show printed is accepted.
    const same = path.join(path.dirname(db), 'same.json');
    fs.writeFileSync(same, shown.out);
    expect((await run(['policy', 'set', same, '--db', db])).code).toBe(0);

    expect((await assessJson(['lk27-014'], db))[0]!.level).toBe('engage-privately');
    const lower = path.join(path.dirname(db), 'lower.json');
    fs.writeFileSync(
      lower,
      JSON.stringify({ ...policy, thresholds: { ...policy.thresholds, speakPublicly: 40 } }, null, 2),
    );
    const set = await run(['--db', db, 'policy', 'set', lower, '--note', 'lower bar']);
    expect(set.code, set.err).toBe(0);
    expect(set.out).toMatch(/Policy version 3 saved and in force/);
    const after = JSON.parse((await run(['policy', 'show', '--json', '--db', db])).out) as typeof policy;
    expect(after.version).toBe(3);
    expect(after.thresholds.speakPublicly).toBe(40);
    const [r] = await assessJson(['lk27-014'], db); // 45.3: engage-privately under the default policy
    expect(r!.policyVersion).toBe(3);
    expect(r!.level).toBe('speak-publicly');

    const versions = await run(['policy', 'versions', '--db', db]);
    expect(versions.out).toMatch(/3 \(in force\)/);
    expect(versions.out).toMatch(/lower bar/);
    const old = JSON.parse(
      (await run(['policy', 'show', '--json', '--version', '1', '--db', db])).out,
    ) as typeof policy;
    expect(old.thresholds.speakPublicly).toBe(60);
  });

  it('set refuses a bad policy with its reasons on stderr, a non-zero exit, and the current policy unchanged', async () => {
    const db = copyOfSample();
    const before = (await run(['policy', 'show', '--json', '--db', db])).out;
    const policy = JSON.parse(before) as Record<string, unknown> & {
      thresholds: object;
      factors: { weight: number }[];
    };
    const bad = path.join(path.dirname(db), 'bad.json');
    fs.writeFileSync(
      bad,
      JSON.stringify({
        ...policy,
        thresholds: { ...policy.thresholds, engagePrivately: 80 },
        factors: policy.factors.map((f, i) => (i === 0 ? { ...f, weight: 1 } : f)),
      }),
    );
    const r = await run(['policy', 'set', bad, '--db', db]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/refused and the current one stays in force/);
    expect(r.err).toMatch(/engagePrivately \(80\) must be below speakPublicly \(60\)/);
    expect(r.err).toMatch(/weights must add up to 100/);
    expect(r.out).toBe('');

    const notJson = path.join(path.dirname(db), 'not.json');
    fs.writeFileSync(notJson, '{ "thresholds": ');
    const r2 = await run(['policy', 'set', notJson, '--db', db]);
    expect(r2.code).not.toBe(0);
    expect(r2.err).toMatch(/not valid JSON/);

    expect((await run(['policy', 'show', '--json', '--db', db])).out).toBe(before);
  });

  it('preview shows what an edited policy would change without saving it', async () => {
    const db = copyOfSample();
    const policy = JSON.parse((await run(['policy', 'show', '--json', '--db', db])).out) as {
      thresholds: object;
    };
    const file = path.join(path.dirname(db), 'edit.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        ...policy,
        thresholds: { ...policy.thresholds, engagePrivately: 10, speakPublicly: 20 },
      }),
    );
    const r = await run(['policy', 'preview', file, '--json', '--db', db]);
    expect(r.code, r.err).toBe(0);
    const preview = JSON.parse(r.out) as { total: number; changed: number; changes: { id: string }[] };
    expect(preview.total).toBe(34);
    expect(preview.changed).toBeGreaterThan(0);
    expect(
      (JSON.parse((await run(['policy', 'show', '--json', '--db', db])).out) as { version: number }).version,
    ).toBe(1);
  });
});

describe('threshold decide', () => {
  it('assesses, stores the assessment and records the decision; a different level needs a rationale', async () => {
    const db = copyOfSample();
    const refused = await run([
      'decide',
      'lk27-001',
      '--level',
      'engage-privately',
      '--as-of',
      AS_OF,
      '--db',
      db,
    ]);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/recommends speak-publicly; .*--rationale/);

    const agreed = await run([
      'decide',
      'lk27-001',
      '--level',
      'speak-publicly',
      '--as-of',
      AS_OF,
      '--db',
      db,
      '--json',
    ]);
    expect(agreed.code, agreed.err).toBe(0);
    const { assessment, decision } = JSON.parse(agreed.out) as {
      assessment: StoredAssessment;
      decision: Decision;
    };
    expect(assessment).toMatchObject({
      threatIds: ['lk27-001'],
      cluster: false,
      level: 'speak-publicly',
      policyVersion: 1,
      threatVersions: { 'lk27-001': 1 },
      asOf: AS_OF,
    });
    expect(decision).toMatchObject({
      level: 'speak-publicly',
      recommendedLevel: 'speak-publicly',
      decidedBy: ADMIN.name,
      role: 'approver',
      accountId: expect.stringMatching(/^acct-/),
      signature: expect.any(String),
    });

    const differed = await run([
      'decide',
      'lk27-001',
      '--level',
      'engage-privately',
      '--rationale',
      'The authority corrects it today.',
      '--as-of',
      AS_OF,
      '--db',
      db,
    ]);
    expect(differed.code, differed.err).toBe(0);
    expect(differed.out).toMatch(/ENGAGE PRIVATELY, where SPEAK PUBLICLY was recommended/);
    expect(differed.out).toMatch(/Rationale: The authority corrects it today\./);

    // Only the two recorded decisions were stored (the refused one left nothing behind).
    const app = await openTestApp({ file: db });
    const history = await app.call<AssessmentSummary[]>('assessment:history', { threatId: 'lk27-001' });
    expect(history).toHaveLength(2);
    expect(history.flatMap((h) => h.decisions.map((d) => d.level))).toEqual([
      'engage-privately',
      'speak-publicly',
    ]);
    app.close();
  });

  it('with several ids decides on them as one cluster', async () => {
    const db = copyOfSample();
    const r = await run([
      'decide',
      ...PROXIES,
      '--level',
      'engage-privately',
      '--rationale',
      'Brief the community first.',
      '--as-of',
      AS_OF,
      '--json',
      '--db',
      db,
    ]);
    expect(r.code, r.err).toBe(0);
    const { assessment, decision } = JSON.parse(r.out) as {
      assessment: StoredAssessment;
      decision: Decision;
    };
    expect(assessment.cluster).toBe(true);
    expect(assessment.threatIds).toEqual(PROXIES);
    expect(assessment.result.factors.some((f) => f.id === 'pattern')).toBe(true);
    expect(decision.level).toBe('engage-privately');
  });
});

describe('threshold audit verify', () => {
  it('says "intact" and exits 0 when the chain verifies, and names the problem with a non-zero exit when not', async () => {
    const db = copyOfSample();
    await run(['decide', 'lk27-002', '--level', 'monitor', '--as-of', AS_OF, '--db', db]);
    const ok = await run(['audit', 'verify', '--db', db]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/intact/);
    expect((await run(['audit', 'list', '--db', db])).out).toMatch(/decision\.recorded/);

    // Someone edits the decision's audit entry behind Threshold's back.
    const raw = await openRaw(db);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw
      .prepare(
        "UPDATE audit_log SET details = json_set(details, '$.decided', 'speak-publicly') WHERE action = 'decision.recorded'",
      )
      .run();
    raw.close();
    const broken = await run(['audit', 'verify', '--db', db]);
    expect(broken.code).not.toBe(0);
    expect(broken.err).toMatch(/NOT intact/);
    expect(broken.err).toMatch(/was edited after it was written/);
  });
});

describe('the real command', () => {
  it('node bin/threshold.mjs assess … --json runs end to end, --db after the command', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        path.join(REPO_ROOT, 'bin', 'threshold.mjs'),
        'assess',
        'lk27-004',
        'lk27-002',
        '--json',
        '--as-of',
        AS_OF,
        '--db',
        sampleFile,
      ],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, ...cliEnv(), THRESHOLD_DB: '' },
      },
    );
    const results = JSON.parse(stdout) as AssessmentResult[];
    expect(results.map((r) => [r.threatIds[0], r.level])).toEqual([
      ['lk27-004', 'speak-publicly'],
      ['lk27-002', 'monitor'],
    ]);
  });
});
