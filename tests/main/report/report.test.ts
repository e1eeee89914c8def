// The after-action report on the sample workspace, with decisions, an approved statement and the sample's
// outcome observations: every decided threat appears with who decided and why; no classified text appears
// without the classified annex; real styles, contents, headings with outline levels and header rows; its
// figures are the dashboard's; and LibreOffice opens it.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardData } from '../../../src/shared/domain/dashboard';
import type { DraftRecord, PlanRecord } from '../../../src/shared/domain/drafting-records';
import type { ThreatDetail } from '../../../src/shared/domain/threat-log';
import type { ReportMade } from '../../../src/shared/ipc/report.contract';
import { gatherReport } from '../../../src/main/report/gather';
import { openTestApp, steppingClock, type TestApp } from '../../helpers/db';
import { docxText, readDocx, xmlText } from '../drafting/docx-helpers';

const ELECTION = 'lakeshore-2027';
const profile = path.join(os.tmpdir(), `lo-${randomUUID()}`);
let app: TestApp;
let classifiedTexts: string[];
let highest: string;

const decisions = [
  {
    id: 'lk27-004',
    level: 'speak-publicly',
    rationale: 'Electors whose data was stolen must hear it from us first.',
  },
  { id: 'lk27-013', level: 'speak-publicly', rationale: 'It misleads about where to vote on polling day.' },
  {
    id: 'lk27-012',
    level: 'engage-privately',
    rationale: 'Platforms labelled the clip; speaking would amplify it.',
  },
] as const;

async function report(req: Record<string, unknown>): Promise<{ made: ReportMade; bytes: Buffer }> {
  const made = await app.call<ReportMade & { base64: string }>('report:export', {
    electionId: ELECTION,
    ...req,
  });
  return { made, bytes: Buffer.from(made.base64, 'base64') };
}

beforeAll(async () => {
  app = await openTestApp({ clock: steppingClock('2027-05-20T12:00:00.000Z', 1000), keep: true });
  await app.call('workspace:loadSample');
  // Nadia decides (an approver, signing each decision); Li reviews; Marie approves.
  const nadia = await app.person('Nadia Roy', ['approver']);
  const li = await app.person('Li Wei', ['reviewer']);
  const marie = await app.person('Marie Gagnon', ['approver']);
  for (const d of decisions) {
    const assessed = await app.call<{ level: string }>('assessment:assess', { threatId: d.id });
    await nadia.call('assessment:save', {
      threatIds: [d.id],
      decision: {
        recommendedLevel: assessed.level,
        level: d.level,
        rationale: d.rationale,
        passphrase: nadia.passphrase,
      },
    });
  }
  const plan = await app.call<PlanRecord>('drafting:createPlan', {
    threatIds: ['lk27-001'],
    asOf: '2027-05-13T12:00:00Z',
  });
  // A public statement, and a notification to the partners approved beside it: only the statement is a
  // "statement issued" (the notification is a response, counted with the outcomes).
  for (const template of ['public-statement', 'partner-notification']) {
    const draft = await app.call<DraftRecord>('drafting:createDraft', { planId: plan.id, template });
    await li.call('drafting:review', { draftId: draft.id, expectedVersion: 1 });
    await marie.call('drafting:approve', {
      draftId: draft.id,
      expectedVersion: 1,
      passphrase: marie.passphrase,
    });
  }
  classifiedTexts = [];
  const levels = new Set<string>();
  for (const id of app.db.prepare('SELECT id FROM threats').pluck().all() as string[]) {
    const t = await app.call<ThreatDetail>('threats:get', { id });
    for (const n of t.threat.classifiedNotes ?? []) {
      classifiedTexts.push(n.text);
      levels.add(n.classification);
    }
  }
  highest = ['TOP SECRET', 'SECRET', 'PROTECTED'].find((l) => levels.has(l))!;
}, 120_000);

afterAll(() => {
  app.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

describe('the after-action report', () => {
  it('lists every decided threat with the decision, who decided, the rationale and the policy version', async () => {
    const { made, bytes } = await report({ languages: ['en'] });
    expect(made).toMatchObject({ marking: 'UNCLASSIFIED', statements: 1 });
    const text = await docxText(bytes);
    for (const d of decisions) {
      expect(text).toContain(d.id);
      expect(text).toContain(d.rationale);
    }
    expect(text).toContain('Nadia Roy (approver)');
    expect(text).toMatch(/Policy version 1/);
    // Every threat with a decision is in the timeline, whatever its level.
    const data = gatherReport(app.ctx, { electionId: ELECTION, classified: false });
    const decided = data.timeline.filter((t) => t.decisions.length).map((t) => t.id);
    expect(decided.sort()).toEqual(decisions.map((d) => d.id).sort());
    for (const id of decided) expect(text).toContain(id);
    // Sections in order, and the statement released with its date.
    const order = [
      '1. Summary',
      '2. Timeline',
      '3. Statements issued',
      '4. Outcomes',
      '5. Where the decision differed',
      '6. Policy changes',
    ];
    const at = order.map((h) => text.lastIndexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toMatch(/Approved for release on May 2\d, 2027\. About: lk27-001\./);
    expect(data.statements.map((st) => st.template)).toEqual(['public-statement']);
  });

  it('shows no classified text without --classified, and adds the annex, marked at the highest level, with it', async () => {
    expect(classifiedTexts.length).toBeGreaterThan(0);
    const plain = await report({ languages: ['en', 'fr'] });
    const parts = await readDocx(plain.bytes);
    const everything = [parts.document, ...parts.headers, ...parts.footers].map(xmlText).join('\n');
    for (const secret of classifiedTexts) expect(everything).not.toContain(secret.slice(0, 40));
    expect(everything).not.toMatch(/Classified annex/);
    expect(parts.headers.map(xmlText).join(' ')).toContain('UNCLASSIFIED — FOR THE POST-ELECTION REVIEW');
    expect(parts.headers.map(xmlText).join(' ')).toContain('NON CLASSIFIÉ — POUR L’EXAMEN POSTÉLECTORAL');

    const withAnnex = await report({ languages: ['en'], classified: true });
    expect(withAnnex.made.marking).toBe(highest);
    const text = await docxText(withAnnex.bytes);
    expect(text.lastIndexOf('Classified annex')).toBeGreaterThan(text.lastIndexOf('6. Policy changes'));
    for (const secret of classifiedTexts) expect(text).toContain(secret.slice(0, 40));
    const annexParts = await readDocx(withAnnex.bytes);
    expect(annexParts.headers.map(xmlText).join(' ')).toContain(`${highest} — FOR THE POST-ELECTION REVIEW`);
    const audit = app.db
      .prepare("SELECT details FROM audit_log WHERE action = 'report.written' ORDER BY seq")
      .pluck()
      .all() as string[];
    expect(audit.map((d) => JSON.parse(d).classified)).toEqual(expect.arrayContaining([false, true]));
  });

  it('has real Word styles, a table of contents, headings with outline levels and header rows, in each language', async () => {
    const { bytes } = await report({ languages: ['en', 'fr'] });
    const parts = await readDocx(bytes);
    expect(parts.document).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(parts.document).toMatch(/<w:pStyle w:val="Heading2"\/>/);
    expect(parts.styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:outlineLvl w:val="1"\/>/);
    expect(parts.document).toMatch(/<w:instrText[^>]*>\s*TOC /);
    expect(parts.document).toContain('<w:tblHeader/>');
    expect(parts.files.filter((f) => /^word\/media\/.+\.png$/.test(f)).length).toBeGreaterThanOrEqual(3);
    const text = xmlText(parts.document);
    expect(text).toContain('4. Outcomes');
    expect(text).toContain('4. Résultats');
    expect(parts.document).toContain('w:val="fr-CA"');
    // French typography: no plain space before a colon or inside guillemets.
    expect(text).not.toMatch(/ [:»]|« /);
  });

  it('gives the dashboard’s figures', async () => {
    const dash = await app.call<DashboardData>('dashboard:series', { electionId: ELECTION });
    const data = gatherReport(app.ctx, { electionId: ELECTION, classified: false });
    expect(data.dashboard.byLevel).toEqual(dash.byLevel);
    expect(data.dashboard.byPurpose).toEqual(dash.byPurpose);
    expect(data.dashboard.total).toBe(dash.total);
    expect(data.responses).toEqual(dash.responses);
    expect(dash.responses.responded).toBeGreaterThanOrEqual(5);
    expect(dash.responses.reach.fell).toBeGreaterThan(0);
    expect(dash.responses.firstSeenToDecision.count).toBe(3);
    const text = await docxText((await report({ languages: ['en'] })).bytes);
    expect(text).toContain(`${dash.total} threats were recorded for this election`);
    expect(text).toMatch(new RegExp(`Reach fell after the response\\s+${dash.responses.reach.fell}\\b`));
    expect(text).toMatch(new RegExp(`Reach did not fall\\s+${dash.responses.reach.didNotFall}\\b`));
    const speak = dash.byLevel.find((c) => c.key === 'speak-publicly')!.count;
    expect(text).toMatch(new RegExp(`Speak publicly\\s+${speak}\\s`));
  });

  it('opens in LibreOffice', { timeout: 150_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threshold-report-'));
    try {
      const file = path.join(dir, 'report.docx');
      fs.writeFileSync(file, (await report({ languages: ['en', 'fr'], classified: true })).bytes);
      const result = spawnSync(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${profile}`,
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          file,
        ],
        { encoding: 'utf8', timeout: 140_000 },
      );
      expect(result.status, result.stderr).toBe(0);
      const pdf = fs.readFileSync(path.join(dir, 'report.pdf'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(20_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
