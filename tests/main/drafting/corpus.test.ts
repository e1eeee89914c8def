// The drafts a communications director would sign: every sample threat × every template × both languages,
// with the sample's complete organisation profile, through the service as the app and the CLI use it. Each
// draft and its exported files are read back for what the issue asks of them: the claim at most once, the
// fact first, no English in the French outside quotations, no placeholder, the reading grade within target
// (for the texts the public reads), release metadata that is clean, and the sign-off record kept apart.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft, DraftLang } from '../../../src/shared/domain/drafting';
import { TEMPLATE_IDS, isPublicTemplate } from '../../../src/shared/domain/drafting';
import type { DraftExport, DraftRecord, PlanRecord } from '../../../src/shared/domain/drafting-records';
import type { Workspace } from '../../../src/shared/domain/workspace';
import { buildClaimIndex, claimOccurrences } from '../../../src/main/drafting/text/claim-occurrences';
import { tokenize } from '../../../src/main/drafting/text/normalize';
import { hasPlaceholder } from '../../../src/main/drafting/text/placeholders';
import { ENGLISH_STOP_WORDS } from '../../../src/main/drafting/text/stop-words';
import { threatFacts, threatText } from '../../../src/main/drafting/templates/free-text';
import { ASSETS_DIR, openTestApp, type TestApp } from '../../helpers/db';

const AS_OF = '2027-05-16T12:00:00Z';
const LANGS: DraftLang[] = ['en', 'fr'];
const STAFF = { name: 'Ana Ruiz', role: 'Communications lead' };
const sample = JSON.parse(
  fs.readFileSync(path.join(ASSETS_DIR, 'sample-workspace.json'), 'utf8'),
) as Workspace;
const threats = sample.threats;

interface Made {
  plan: PlanRecord;
  record: DraftRecord;
  exported: DraftExport;
  release: Record<string, string>;
  signoff: Record<string, string>;
}

async function parts(base64: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n)))
    out[name] = await zip.file(name)!.async('string');
  return out;
}

let app: TestApp;
const made = new Map<string, Made>();

beforeAll(async () => {
  app = openTestApp({ keep: true, clock: () => new Date(AS_OF) });
  await app.call('workspace:loadSample');
  await app.call('app:setIdentity', { identity: STAFF });
  for (const t of threats) {
    const plan = await app.call<PlanRecord>('drafting:createPlan', {
      threatIds: [t.id],
      cluster: false,
      asOf: AS_OF,
    });
    for (const template of TEMPLATE_IDS) {
      const record = await app.call<DraftRecord>('drafting:createDraft', {
        planId: plan.id,
        template,
        languages: LANGS,
      });
      const exported = await app.call<DraftExport>('drafting:export', { draftId: record.id, asOf: AS_OF });
      made.set(`${t.id} ${template}`, {
        plan,
        record,
        exported,
        release: await parts(exported.base64),
        signoff: await parts(exported.signoff.base64),
      });
    }
  }
}, 600_000);

afterAll(() => app?.close());

const cases = threats.flatMap((t) => TEMPLATE_IDS.map((template) => [t.id, template] as const));
const draftOf = (id: string, template: string): Draft => made.get(`${id} ${template}`)!.record.draft;
const threatOf = (id: string) => threats.find((t) => t.id === id)!;

/** French text outside quotation marks, and outside sections that quote another language. */
function frenchOwnWords(d: Draft): string {
  return (d.sections.fr ?? [])
    .filter((s) => s.sourceLang === undefined)
    .map((s) => `${s.heading ?? ''}\n${s.text}`)
    .join('\n')
    .replace(/«[^»]*»|“[^”]*”/g, ' ')
    .replace(/\S+@\S+|\b[\w-]+(\.[\w-]+)+\b/g, ' ');
}

describe('the sample corpus, every threat × every template × both languages', () => {
  it.each(cases)('%s %s: the claim at most once, the fact first, no placeholder', (id, template) => {
    const t = threatOf(id);
    const d = draftOf(id, template);
    expect(d.languages).toEqual(LANGS);
    const claims = LANGS.map((l) => threatText(t, 'falseClaim', l)).filter(
      (c): c is string => c !== undefined,
    );
    const facts = LANGS.flatMap((l) => threatFacts(t, l));
    const index = buildClaimIndex(claims, facts);
    for (const lang of LANGS) {
      const sections = d.sections[lang]!;
      const occurrences = sections.flatMap((s) => claimOccurrences(s.text, index));
      expect(occurrences.length, `${lang}: the claim's words`).toBeLessThanOrEqual(1);
      const claim = threatText(t, 'falseClaim', lang);
      if (claim) {
        const said = sections
          .map((s) => s.text.split(claim.replace(/\.$/, '')).length - 1)
          .reduce((a, b) => a + b, 0);
        expect(said, `${lang}: the claim verbatim`).toBeLessThanOrEqual(1);
      }
      // The fact first: the first section of prose is a fact, and it opens with the record's first fact.
      const prose = sections.find((s) => !['headline', 'dateline', 'recipients'].includes(s.kind))!;
      expect(prose.kind, `${lang}: the first section`).toBe('fact');
      const fact = threatFacts(t, lang)[0]!;
      expect(prose.text.replace(/[\u00A0\u202F]/g, ' ')).toContain(
        fact
          .replace(/[\u00A0\u202F]/g, ' ')
          .split(/(?<=[.!?])\s/)[0]!
          .slice(0, 40),
      );
      for (const s of sections)
        expect(hasPlaceholder(`${s.heading ?? ''} ${s.text}`), `${lang} ${s.id}: ${s.text}`).toBe(false);
      expect(hasPlaceholder(d.title[lang] ?? '')).toBe(false);
    }
  });

  it.each(cases)('%s %s: no English word in the French outside quotations', (id, template) => {
    const english = tokenize(frenchOwnWords(draftOf(id, template)))
      .map((w) => w.norm)
      .filter((w) => ENGLISH_STOP_WORDS.has(w));
    expect(english).toEqual([]);
  });

  it.each(cases)(
    '%s %s: no error-level check; the public texts within the reading grade target',
    (id, template) => {
      const { record } = made.get(`${id} ${template}`)!;
      expect(record.report.checks.filter((c) => c.severity === 'error')).toEqual([]);
      if (isPublicTemplate(template as (typeof TEMPLATE_IDS)[number]))
        for (const lang of LANGS)
          expect(record.report.readability.byLanguage[lang], lang).toBeLessThanOrEqual(
            record.report.readability.target,
          );
    },
  );

  it.each(cases)('%s %s: release metadata clean; the sign-off record separate', (id, template) => {
    const { release, signoff, record, plan, exported } = made.get(`${id} ${template}`)!;
    const internal = [id, record.id, plan.id, STAFF.name, STAFF.role];
    for (const [name, xml] of Object.entries(release)) {
      if (!/^(docProps|word)\//.test(name)) continue;
      for (const s of internal) expect(xml, `${s} in ${name}`).not.toContain(s);
      expect(xml, name).not.toMatch(
        /<w:ins\b|<w:del\b|<w:commentReference|w:rsid|<cp:revision>|<cp:keywords>/,
      );
    }
    expect(Object.keys(release).some((n) => /comments/.test(n))).toBe(false);
    const core = release['docProps/core.xml']!;
    expect(core).toContain('<dc:creator>Elections Lakeshore</dc:creator>');
    expect(core).toContain('<dc:language>en-CA</dc:language>');
    expect(core).toMatch(/<dc:title>[^<]+<\/dc:title>/);
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2027-05-16T00:00:00Z</dcterms:created>',
    );
    expect(release['docProps/app.xml']).toContain('<Company>Elections Lakeshore</Company>');
    // Who drafted it is in the sign-off record, with the draft's and the threat's ids, and not in the release.
    const record_ = signoff['word/document.xml']!;
    expect(record_).toContain(STAFF.name);
    expect(record_).toContain(record.id);
    expect(record_).toContain(id);
    expect(record_).toContain('<w:tblHeader/>');
    expect(exported.fileName).not.toContain(id);
    expect(exported.signoff.fileName).toContain(record.id);
  });
});
