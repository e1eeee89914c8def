// draftDocxRatio: a full public-statement draft — assessment, communication plan, templates in the
// election's languages, every check, the .docx — through the same functions the drafting service
// composes, against packing a bare .docx of the same paragraphs with the docx library.
// (Saving plans and drafts is the database's work, measured by the other figures.)
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { assessThreat } from '../../src/main/assessment/engine';
import { DEFAULT_POLICY } from '../../src/main/assessment/default-policy';
import { buildPlan, renderDraft, runChecks, writeDocx } from '../../src/main/drafting';
import { planOptionsFrom, TARGET_GRADE } from '../../src/main/drafting/service';
import type { Draft } from '../../src/shared/domain/drafting';
import type { OrganisationProfile } from '../../src/shared/domain/organisation';
import type { Figure } from '../figures';
import { median, now } from '../measure';

const RUNS = 30;
const PROFILE: OrganisationProfile = {
  name: { en: 'Elections Lakeshore', fr: 'Élections Lakeshore' },
  website: 'elections.lakeshore.example',
  phone: '1-800-555-0127',
  mediaContact: { name: 'Sam Okoro', phone: '1-800-555-0199', email: 'media@elections.lakeshore.example' },
  endMark: true,
};

export const draftDocxRatio: Figure = {
  id: 'draftDocxRatio',
  what:
    'a full public-statement draft (plan, templates, all checks, .docx) ÷ packing a bare ' +
    '.docx of the same paragraphs',
  goalText: '≤ 3',
  met: (v) => v <= 3,
  async measure(ctx) {
    const election = ctx.workspace.elections[0]!;
    const threats = ctx.workspace.threats
      .filter((t) => t.falseClaim && t.translations?.fr && t.electionId === election.id)
      .slice(0, RUNS + 3);
    const asOf = '2027-05-12T12:00:00Z';
    const full = async (i: number) => {
      const threat = threats[i]!;
      const assessment = assessThreat(threat, election, DEFAULT_POLICY, { asOf, version: 1 });
      const plan = buildPlan([threat], election, assessment, planOptionsFrom(PROFILE, asOf));
      const draft = renderDraft('public-statement', {
        threats: [threat],
        election,
        assessment,
        plan,
        organisation: PROFILE,
        languages: ['en', 'fr'],
        draftId: `D-${i}`,
        createdAt: asOf,
      });
      runChecks(draft, {
        threats: [threat],
        election,
        assessment: { attributionMayBeStated: assessment.attributionMayBeStated },
        targetGrade: TARGET_GRADE,
        organisation: PROFILE,
      });
      // The release (the sign-off record that goes with it is a separate, small document).
      await writeDocx(draft, { date: asOf.slice(0, 10), organisation: PROFILE, languages: ['en', 'fr'] });
      return draft;
    };
    const bare = async (draft: Draft) => {
      const paragraphs = Object.values(draft.sections).flatMap((sections) =>
        (sections ?? []).map((s) => new Paragraph({ children: [new TextRun(s.text)] })),
      );
      return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
    };
    for (let i = 0; i < 3; i++) await bare(await full(i));
    // The first drafts warm the caches the editor keeps (check contexts, parsed paragraphs).
    const appMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 3; i < threats.length; i++) {
      let t = now();
      const draft = await full(i);
      appMs.push(now() - t);
      t = now();
      await bare(draft);
      bareMs.push(now() - t);
    }
    ctx.progress(
      `  draft: full median ${median(appMs).toFixed(1)} ms, bare docx ${median(bareMs).toFixed(1)} ms`,
    );
    // Three rounds of ten drafts: each round's ratio of medians is one run of the figure.
    return [0, 1, 2].map((r) => {
      const round = (xs: number[]) => xs.slice(r * 10, r * 10 + 10);
      return median(round(appMs)) / median(round(bareMs));
    });
  },
};
