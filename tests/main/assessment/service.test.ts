// "Should we speak?" through the dispatcher on real SQLite: levels kept in step, stored assessments
// and decisions, the policy (save, preview) and the audit trail of both.
import { say } from '../../../src/shared/i18n/explain';
import { translatorFor } from '../../../src/shared/i18n/message-text';
import { describe, expect, it } from 'vitest';
import type { AssessmentResult } from '../../../src/shared/domain/assessment';
import type {
  AssessmentRecord,
  AssessmentSummary,
  ClusterSuggestionView,
  Decision,
  PolicyPreview,
  PolicyVersionInfo,
  StoredAssessment,
} from '../../../src/shared/domain/decision';
import type { Policy } from '../../../src/shared/domain/policy';
import type { ThreatDetail, ThreatPage } from '../../../src/shared/domain/threat-log';
import type { AuditPage, AuditVerificationResult } from '../../../src/shared/domain/audit';
import type { Threat } from '../../../src/shared/domain/workspace';
import { assessCluster, assessThreat } from '../../../src/main/assessment/engine';
import { DEFAULT_POLICY } from '../../../src/main/assessment/default-policy';
import { AssessmentRepository } from '../../../src/main/assessment/repository';
import path from 'node:path';
import { ADMIN, openTestApp, steppingClock, tempDir, type TestApp } from '../../helpers/db';
import { election, threat, workspace } from '../../fixtures/mini-workspace';

const START = '2027-05-12T12:00:00.000Z';

async function seeded(): Promise<TestApp> {
  // The administrator, who holds every role (analyst, approver, policy owner).
  const app = await openTestApp({ clock: steppingClock(START) });
  await app.call('elections:save', { election });
  return app;
}

const stored = async (app: TestApp, id: string) => (await app.call<ThreatDetail>('threats:get', { id })).meta;
const expected = (t: Threat, policy: Policy = DEFAULT_POLICY) =>
  assessThreat(t, election, policy, { asOf: START });

/** A contained, low-harm post: monitor under the default policy. */
const minor = (id: string) =>
  threat(id, {
    title: `Meme ${id}`,
    purpose: 'discredit-candidate',
    type: 'other',
    target: { kind: 'candidate-or-party', description: 'a candidate' },
    place: { level: 'online-only', channels: ['a small group'] },
    reach: { breakout: 1, estimatedAudience: 40 },
    falseClaim: undefined,
  });

function withThresholds(engage: number, speak: number): Policy {
  return {
    ...DEFAULT_POLICY,
    thresholds: { ...DEFAULT_POLICY.thresholds, engagePrivately: engage, speakPublicly: speak },
  };
}

describe("each threat's current level stays in step", () => {
  it('is set when a threat is created, and changes when it is edited, deleted and brought back', async () => {
    const app = await seeded();
    const t = minor('T-1');
    await app.call('threats:create', { threat: t });
    let meta = await stored(app, 'T-1');
    expect(meta.level).toBe('monitor');
    expect(meta.score).toBeCloseTo(expected(t).score, 5);

    // Spread to mainstream media, a voting falsehood, close to polling day: the level rises.
    const worse = {
      ...t,
      purpose: 'mislead-voting-process',
      type: 'disinformation',
      target: { kind: 'general-public' },
      reach: { breakout: 4, trend: 'growing', estimatedAudience: 900_000 },
    } as Threat;
    await app.call('threats:update', { threat: worse, expectedVersion: 1 });
    meta = await stored(app, 'T-1');
    expect(meta.level).toBe('speak-publicly');
    expect(meta.level).toBe(expected(worse).level);

    // The log filters by the stored level.
    const page = await app.call<ThreatPage>('threats:list', { filter: { level: ['speak-publicly'] } });
    expect(page.rows.map((r) => r.id)).toEqual(['T-1']);

    await app.call('threats:delete', { id: 'T-1' });
    await app.call('threats:restoreVersion', { id: 'T-1', version: 1 }).catch(() => undefined); // refused: deleted
    await app.call('threats:undelete', { id: 'T-1' });
    await app.call('threats:restoreVersion', { id: 'T-1', version: 1 });
    expect((await stored(app, 'T-1')).level).toBe('monitor');
  });

  it('keeps each score in its own narrow table, through delete and undelete, and the log sorts by it', async () => {
    const app = await seeded();
    const threats = [
      minor('T-1'),
      threat('T-2'),
      threat('T-3', { source: { actor: 'foreign-state', name: 'State X', confidence: 'high' } }),
    ];
    for (const t of threats) await app.call('threats:create', { threat: t });
    const scores = new Map(threats.map((t) => [t.id, expected(t).score]));
    const byScore = [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    // One row per scored threat, none in the wide row.
    expect(app.db.prepare('SELECT count(*) FROM threat_scores').pluck().get()).toBe(3);
    const columns = (app.db.pragma('table_info(threats)') as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('score');

    await app.call('threats:delete', { id: 'T-2' });
    expect((await stored(app, 'T-2')).score).toBeCloseTo(scores.get('T-2')!, 5);
    const bin = await app.call<ThreatPage>('threats:list', { filter: { deleted: true } });
    expect(bin.rows[0]!.score).toBeCloseTo(scores.get('T-2')!, 5);
    await app.call('threats:undelete', { id: 'T-2' });
    expect((await stored(app, 'T-2')).score).toBeCloseTo(scores.get('T-2')!, 5);

    const page = await app.call<ThreatPage>('threats:list', { sort: { field: 'score', direction: 'desc' } });
    expect(page.rows.map((r) => r.id)).toEqual(byScore);
    for (const row of page.rows) expect(row.score).toBeCloseTo(scores.get(row.id)!, 5);
    const up = await app.call<ThreatPage>('threats:list', { sort: { field: 'score', direction: 'asc' } });
    expect(up.rows.map((r) => r.id)).toEqual([...byScore].reverse());
  });

  it("is set for every threat of an import, in the import's transaction", async () => {
    const app = await openTestApp({ clock: steppingClock(START) });
    const ws = workspace([
      threat('T-1'),
      minor('T-2'),
      threat('T-3', {
        source: { actor: 'foreign-state', name: 'State X', confidence: 'high' },
        reach: { breakout: 5, estimatedAudience: 3_000_000 },
      }),
    ]);
    await app.call('workspace:import', { format: 'json', content: JSON.stringify(ws) });
    for (const t of ws.threats) {
      const meta = await stored(app, t.id);
      const want = expected(t);
      expect(meta.level, t.id).toBe(want.level);
      expect(meta.score, t.id).toBeCloseTo(want.score, 5);
    }
    const unassessed = await app.call<ThreatPage>('threats:list', { filter: { level: ['unassessed'] } });
    expect(unassessed.total).toBe(0);
  });

  it('is recomputed for the whole log when the policy changes, in the same transaction as the save', async () => {
    const app = await seeded();
    for (const id of ['T-1', 'T-2', 'T-3']) await app.call('threats:create', { threat: minor(id) });
    await app.call('threats:create', { threat: threat('T-4') });
    expect((await stored(app, 'T-1')).level).toBe('monitor');

    const strict = withThresholds(5, 10);
    const saved = await app.call<Policy>('policy:save', { policy: strict, note: 'everything matters' });
    expect(saved.version).toBe(2);
    // Contained items rise only to engage-privately (the contained-item gate); the mail-in claim speaks.
    for (const id of ['T-1', 'T-2', 'T-3'])
      expect((await stored(app, id)).level, id).toBe('engage-privately');
    expect((await stored(app, 'T-4')).level).toBe('speak-publicly');
    expect((await stored(app, 'T-1')).score).toBeCloseTo(expected(minor('T-1'), strict).score, 5);
    const gated = await app.call<AssessmentResult>('assessment:assess', { threatId: 'T-1' });
    expect(gated.policyVersion).toBe(2);
    expect(gated.levelBeforeGates).toBe('speak-publicly');
    expect(gated.level).toBe('engage-privately');

    // Back to the default thresholds: as version 3.
    const back = await app.call<Policy>('policy:save', { policy: DEFAULT_POLICY });
    expect(back.version).toBe(3);
    expect((await stored(app, 'T-1')).level).toBe('monitor');
    const versions = await app.call<PolicyVersionInfo[]>('policy:versions');
    expect(versions.map((v) => [v.version, v.current])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    expect(versions[1]!.note).toBe('everything matters');
    expect((await app.call<Policy>('policy:get', { version: 2 })).thresholds.speakPublicly).toBe(10);
  });

  it('after a change of weights, gates or thresholds, every stored level is what a full assessment gives', async () => {
    const app = await seeded();
    const threats = [
      minor('T-1'),
      threat('T-2'),
      threat('T-3', {
        source: { actor: 'foreign-state', name: 'State X', confidence: 'high' },
        reach: { breakout: 4, estimatedAudience: 2_000_000 },
      }),
      threat('T-4', {
        purpose: 'polarize',
        type: 'inauthentic-behaviour',
        reach: { breakout: 2, trend: 'growing' },
      }),
      threat('T-5', {
        source: { actor: 'domestic', confidence: 'high' },
        target: { kind: 'candidate-or-party' },
        purpose: 'discredit-candidate',
        reach: { breakout: 5 },
      }),
    ];
    for (const t of threats) await app.call('threats:create', { threat: t });
    const policies: Policy[] = [
      {
        ...DEFAULT_POLICY,
        factors: DEFAULT_POLICY.factors.map((f) =>
          f.id === 'harm' ? { ...f, weight: 20 } : f.id === 'reach' ? { ...f, weight: 45 } : f,
        ),
      },
      {
        ...DEFAULT_POLICY,
        gates: {
          ...DEFAULT_POLICY.gates,
          domesticPoliticalDebate: { ...DEFAULT_POLICY.gates.domesticPoliticalDebate, enabled: false },
        },
      },
      withThresholds(20, 40),
      withThresholds(50, 52),
      DEFAULT_POLICY,
    ];
    for (const p of policies) {
      const saved = await app.call<Policy>('policy:save', { policy: p });
      for (const t of threats) {
        const meta = await stored(app, t.id);
        const want = assessThreat(t, election, saved, { asOf: START });
        expect(meta.level, `${t.id} under version ${saved.version}`).toBe(want.level);
        expect(meta.score, `${t.id} under version ${saved.version}`).toBeCloseTo(want.score, 5);
      }
    }
  });

  it('refuses a bad policy with its reasons and keeps the current one and every level', async () => {
    const app = await seeded();
    await app.call('threats:create', { threat: minor('T-1') });
    const before = await stored(app, 'T-1');
    const bad = {
      ...DEFAULT_POLICY,
      thresholds: { ...DEFAULT_POLICY.thresholds, engagePrivately: 70, speakPublicly: 60 },
    };
    const result = await app.dispatch('policy:save', { policy: bad });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('policy-invalid');
      expect(result.error.message).toMatch(/engagePrivately \(70\) must be below speakPublicly \(60\)/);
      expect(result.error.problems?.[0]?.where).toBe('thresholds');
    }
    expect((await app.call<Policy>('policy:get', {})).version).toBe(1);
    expect(await stored(app, 'T-1')).toEqual(before);
  });

  it('fills in levels on the first start after the feature arrives, for threats recorded before it', async () => {
    const file = path.join(tempDir(), 'older.db');
    const first = await openTestApp({ file, clock: steppingClock(START), keep: true });
    await first.call('elections:save', { election });
    await first.call('threats:create', { threat: threat('T-1') });
    // As an older version would have left it: no level.
    first.db.exec('UPDATE threats SET level = NULL; DELETE FROM threat_scores;');
    first.close();
    const again = await openTestApp({ file, clock: steppingClock(START) });
    expect((await stored(again, 'T-1')).level).toBe(expected(threat('T-1')).level);
  });
});

describe('policy preview', () => {
  it('counts the levels under an edited policy and lists the changes, and changes nothing', async () => {
    const app = await seeded();
    for (const id of ['T-1', 'T-2']) await app.call('threats:create', { threat: minor(id) });
    await app.call('threats:create', { threat: threat('T-3') });
    const levelsBefore = await app.call<ThreatPage>('threats:list', {});
    const auditBefore = (await app.call<AuditPage>('audit:list', {})).entries.length;

    const preview = await app.call<PolicyPreview>('policy:preview', { policy: withThresholds(5, 90) });
    expect(preview.total).toBe(3);
    expect(preview.current).toEqual({ monitor: 2, 'engage-privately': 0, 'speak-publicly': 1 });
    expect(preview.proposed).toEqual({ monitor: 0, 'engage-privately': 3, 'speak-publicly': 0 });
    expect(preview.changed).toBe(3);
    expect(preview.changes.map((c) => [c.id, c.from, c.to])).toEqual(
      expect.arrayContaining([
        ['T-1', 'monitor', 'engage-privately'],
        ['T-2', 'monitor', 'engage-privately'],
        ['T-3', 'speak-publicly', 'engage-privately'],
      ]),
    );
    expect(preview.changes.find((c) => c.id === 'T-1')!.title).toBe('Meme T-1');

    const limited = await app.call<PolicyPreview>('policy:preview', {
      policy: withThresholds(5, 90),
      limit: 1,
    });
    expect(limited.changed).toBe(3);
    expect(limited.changes).toHaveLength(1);

    // Nothing changed: levels, policy version, audit log.
    expect(await app.call<ThreatPage>('threats:list', {})).toEqual(levelsBefore);
    expect((await app.call<Policy>('policy:get', {})).version).toBe(1);
    expect((await app.call<AuditPage>('audit:list', {})).entries.length).toBe(auditBefore);
  });

  it('explains why an edited policy is not valid', async () => {
    const app = await seeded();
    const factors = DEFAULT_POLICY.factors.map((f, i) => (i === 0 ? { ...f, weight: f.weight + 5 } : f));
    const result = await app.dispatch('policy:preview', { policy: { ...DEFAULT_POLICY, factors } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('policy-invalid');
      expect(result.error.message).toMatch(/weights must add up to 100 .* they add up to 105/);
    }
  });
});

describe('stored assessments and decisions', () => {
  it('assesses one threat with its explanation, and a selection as a cluster', async () => {
    const app = await seeded();
    await app.call('threats:create', { threat: threat('T-1') });
    await app.call('threats:create', { threat: minor('T-2') });
    const one = await app.call<AssessmentResult>('assessment:assess', {
      threatId: 'T-1',
      asOf: '2027-05-12T12:00:00Z',
    });
    expect(one).toEqual(
      assessThreat(threat('T-1'), election, DEFAULT_POLICY, { asOf: '2027-05-12T12:00:00Z', version: 1 }),
    );
    expect(one.counterfactuals.length).toBeGreaterThan(0);

    const both = await app.call<AssessmentResult>('assessment:assessCluster', {
      threatIds: ['T-1', 'T-2', 'T-1'],
      asOf: '2027-05-12T12:00:00Z',
    });
    expect(both.cluster).toBe(true);
    expect(both.threatIds).toEqual(['T-1', 'T-2']);
    expect(both).toEqual(
      assessCluster([threat('T-1'), minor('T-2')], election, DEFAULT_POLICY, {
        asOf: '2027-05-12T12:00:00Z',
        versions: { 'T-1': 1, 'T-2': 1 },
      }),
    );
  });

  it('never puts classified notes into a result', async () => {
    const app = await seeded();
    await app.call('threats:create', {
      threat: threat('T-1', {
        classifiedNotes: [{ classification: 'SECRET', text: 'Source ORCHID says STATE-X-UNIT-7.' }],
      }),
    });
    const saved = await app.call<StoredAssessment>('assessment:save', { threatIds: ['T-1'] });
    expect(JSON.stringify(saved)).not.toMatch(/ORCHID|STATE-X-UNIT-7/);
  });

  it('refuses a cluster spread over two elections', async () => {
    const app = await seeded();
    await app.call('elections:save', { election: { ...election, id: 'el-other', name: 'Other' } });
    await app.call('threats:create', { threat: threat('T-1') });
    await app.call('threats:create', { threat: threat('T-2', { electionId: 'el-other' }) });
    const r = await app.dispatch('assessment:assessCluster', { threatIds: ['T-1', 'T-2'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/within one election/);
  });

  it('requires a rationale when the decision differs from the recommendation', async () => {
    const app = await seeded();
    await app.call('threats:create', { threat: threat('T-1') });
    const a = await app.call<StoredAssessment>('assessment:save', { threatIds: ['T-1'] });
    expect(a.level).toBe('speak-publicly');
    const base = {
      assessmentId: a.id,
      recommendedLevel: a.level,
      // Speaking publicly takes a fresh signature: the decider's passphrase again.
      passphrase: app.passphrase,
    };

    const refused = await app.dispatch('assessment:decide', {
      ...base,
      level: 'engage-privately',
      rationale: '   ',
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('invalid-request');
      expect(refused.error.message).toMatch(
        /A rationale is required when the decision \(engage-privately\) differs from the recommendation \(speak-publicly\)/,
      );
      expect(refused.error.problems?.[0]?.where).toBe('$.rationale');
    }

    // The same level as recommended needs no rationale.
    const agreed = await app.call<Decision>('assessment:decide', { ...base, level: 'speak-publicly' });
    expect(agreed.rationale).toBe('');
    const differed = await app.call<Decision>('assessment:decide', {
      ...base,
      level: 'engage-privately',
      rationale: 'A partner is correcting it today; we hold.',
    });
    expect(differed).toMatchObject({
      recommendedLevel: 'speak-publicly',
      level: 'engage-privately',
      decidedBy: ADMIN.name,
      role: 'approver',
    });

    // A decision on a recommendation the person did not see is refused.
    const wrong = await app.dispatch('assessment:decide', {
      ...base,
      recommendedLevel: 'monitor',
      level: 'monitor',
    });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.code).toBe('conflict');

    // Saving with a decision in one go follows the same rule, and stores nothing when refused.
    const before = await app.call<AssessmentSummary[]>('assessment:history', { threatId: 'T-1' });
    const atomic = await app.dispatch('assessment:save', {
      threatIds: ['T-1'],
      decision: { recommendedLevel: 'speak-publicly', level: 'monitor' },
    });
    expect(atomic.ok).toBe(false);
    expect(await app.call<AssessmentSummary[]>('assessment:history', { threatId: 'T-1' })).toEqual(before);

    const history = await app.call<AssessmentSummary[]>('assessment:history', { threatId: 'T-1' });
    expect(history).toHaveLength(1);
    expect(history[0]!.decisions.map((d) => d.level)).toEqual(['speak-publicly', 'engage-privately']);
  });

  it('refuses to record a decision when the stored recommendation has changed since it was shown', async () => {
    const app = await seeded();
    await app.call('threats:create', { threat: minor('T-1') });
    const r = await app.dispatch('assessment:save', {
      threatIds: ['T-1'],
      decision: {
        recommendedLevel: 'speak-publicly',
        level: 'speak-publicly',
        passphrase: app.passphrase,
      },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/recommends monitor, not speak-publicly/);
    expect(await app.call<AssessmentSummary[]>('assessment:history', { threatId: 'T-1' })).toEqual([]);
  });

  it('keeps the threat version an assessment used, even after the threat is edited', async () => {
    const app = await seeded();
    await app.call('threats:create', { threat: threat('T-1') });
    await app.call('threats:create', { threat: threat('T-2') });
    const a = await app.call<StoredAssessment>('assessment:save', {
      threatIds: ['T-1', 'T-2'],
      asOf: '2027-05-12T12:00:00Z',
    });
    expect(a.cluster).toBe(true);
    await app.call('threats:update', {
      threat: threat('T-1', { title: 'Edited afterwards', reach: { breakout: 1 } }),
      expectedVersion: 1,
    });

    const record = await app.call<AssessmentRecord>('assessment:get', { id: a.id });
    expect(record.policyVersion).toBe(1);
    expect(record.policyName).toBe(DEFAULT_POLICY.name);
    expect(record.threatVersions).toEqual({ 'T-1': 1, 'T-2': 1 });
    const then = record.threatsThen.find((x) => x.threatId === 'T-1')!;
    expect(then.version).toBe(1);
    expect(then.currentVersion).toBe(2);
    expect(then.found?.threat.title).toBe(threat('T-1').title);
    expect(then.found?.threat.reach.breakout).toBe(3);
    expect(record.result.level).toBe(a.level);
    // Both threats' histories show it, and so do the latest assessments; drafting finds it by its threats.
    expect(
      (await app.call<AssessmentSummary[]>('assessment:history', { threatId: 'T-2' })).map((s) => s.id),
    ).toEqual([a.id]);
    const single = await app.call<StoredAssessment>('assessment:save', { threatIds: ['T-2'] });
    expect((await app.call<AssessmentSummary[]>('assessment:recent', {})).map((s) => s.id)).toEqual([
      single.id,
      a.id,
    ]);
    const repo = new AssessmentRepository(app.db);
    expect(repo.latestFor(['T-2', 'T-1'])?.id).toBe(a.id);
    expect(repo.latestFor(['T-2'])?.id).toBe(single.id);
    expect(repo.latestFor(['T-1'])).toBeUndefined();
  });

  it('records decisions, assessments and policy changes in the hash-chained audit log, which verifies', async () => {
    const app = await seeded();
    await app.call('threats:create', { threat: threat('T-1') });
    const a = await app.call<StoredAssessment>('assessment:save', {
      threatIds: ['T-1'],
      decision: {
        recommendedLevel: 'speak-publicly',
        level: 'engage-privately',
        rationale: 'Await the platform.',
      },
    });
    await app.call('policy:save', { policy: withThresholds(30, 55), note: 'after review' });

    const entries = (await app.call<AuditPage>('audit:list', {})).entries;
    const decision = entries.find((e) => e.action === 'decision.recorded')!;
    expect(decision).toMatchObject({
      actor: ADMIN.name,
      role: 'approver',
      subject: `assessment:${a.id}`,
    });
    expect(decision.details).toMatchObject({
      recommended: 'speak-publicly',
      decided: 'engage-privately',
      rationale: 'Await the platform.',
      threatIds: ['T-1'],
    });
    expect(entries.find((e) => e.action === 'assessment.saved')?.details).toMatchObject({
      threatIds: ['T-1'],
      policyVersion: 1,
      threatVersions: { 'T-1': 1 },
    });
    expect(entries.find((e) => e.action === 'policy.changed')?.details).toMatchObject({
      from: 1,
      to: 2,
      note: 'after review',
    });
    // Newest first: the policy change follows the decision, which follows the assessment.
    const order = entries
      .map((e) => e.action)
      .filter((x) => ['assessment.saved', 'decision.recorded', 'policy.changed'].includes(x));
    expect(order).toEqual(['policy.changed', 'decision.recorded', 'assessment.saved']);

    const verified = await app.call<AuditVerificationResult>('audit:verify');
    expect(verified).toMatchObject({ ok: true, problems: [] });

    // Decisions and assessments are append-only, even through SQL.
    expect(() => app.db.prepare("UPDATE decisions SET level = 'monitor'").run()).toThrow(
      /kept as they were recorded/,
    );
    expect(() => app.db.prepare('DELETE FROM assessments').run()).toThrow(/kept as they were made/);
  });

  it('suggests clusters among the live threats of an election, with titles and reasons', async () => {
    const app = await seeded();
    const proxy = (id: string, day: number) =>
      threat(id, {
        title: `Proxy article ${id}`,
        purpose: 'polarize',
        target: { kind: 'community', description: 'Francophone voters in Saint-Aubin' },
        time: { firstSeen: `2027-04-${String(day).padStart(2, '0')}T10:00:00Z` },
        source: { actor: 'foreign-proxy', name: 'Northern Lights Media', confidence: 'moderate' },
        reach: { breakout: 1, estimatedAudience: 2_000 },
      });
    for (const [id, day] of [
      ['P-1', 10],
      ['P-2', 14],
      ['P-3', 19],
      ['P-4', 24],
    ] as const)
      await app.call('threats:create', { threat: proxy(id, day) });
    await app.call('threats:create', { threat: minor('T-9') });
    const suggestions = await app.call<ClusterSuggestionView[]>('assessment:suggestClusters', {
      electionId: election.id,
      windowDays: 10,
    });
    const mine = suggestions.find((s) => s.threatIds.includes('P-1'))!;
    expect(mine.threatIds).toEqual(['P-1', 'P-2', 'P-3', 'P-4']);
    expect(mine.titles['P-3']).toBe('Proxy article P-3');
    expect(mine.reasons.map((r) => say(translatorFor('en'), r)).join(' ')).toMatch(/Northern Lights Media/);
    expect(suggestions.some((s) => s.threatIds.includes('T-9'))).toBe(false);

    await app.call('threats:delete', { id: 'P-2' });
    const after = await app.call<ClusterSuggestionView[]>('assessment:suggestClusters', {
      electionId: election.id,
      windowDays: 10,
    });
    expect(after.flatMap((s) => s.threatIds)).not.toContain('P-2');
  });
});
