// `threshold draft`: a communication plan and a draft from a template for one threat (or a cluster), written
// as two Word documents: the text as it would be released, and its internal sign-off record. The plan and the
// draft are saved in the workspace like those made in the app, and the export is audited. Exit 0 when no
// error-level check fails; 3 when one does (the file is still written, marked DRAFT — NOT FOR RELEASE, as
// every unapproved draft is). Messages are in the --lang language.
import fs from 'node:fs';
import path from 'node:path';
import { DRAFT_LANGS, TEMPLATE_IDS, type DraftLang, type TemplateId } from '../../shared/domain/drafting';
import { DateTimeString } from '../../shared/domain/workspace';
import { AS_OF_OPTION, DOCX_OUT_OPTION, type Command, docxOut, JSON_OPTION } from '../command';
import { unwrap } from '../session';
import { json } from '../format';
import { EXIT, UsageError } from '../io';

const USAGE = `threshold draft <id>... [--cluster] --template ${TEMPLATE_IDS.join('|')} [--languages en|fr|en,fr] --out FILE.docx [--json] [--as-of ISO]

  <id>...      the threat to write about; several ids only with --cluster (they are assessed together, as one
               cluster, and make one plan and one draft). Several ids without --cluster is a usage error:
               run the command once per threat to get one draft each.
  --template   the kind of text
  --languages  the languages to write, comma-separated (default: the election's official languages);
               a bilingual document has one section per language. (--lang is the language of messages.)
  --out        the .docx file to write (overwritten); the sign-off record (who drafted, reviewed and
               approved it, marked with the highest classification it cites) goes beside it as
               FILE.signoff.docx
  --json       print {"file", "signoff": {"file", "marking"}, "draft", "warnings": [text],
               "checks": [{"id", "severity", "message", "messageId", "params", "lang", "section"}],
               "readability": {"grade"}} on stdout (messages in the --lang language);
               grade is the hardest language's reading grade (target 8)
  --as-of      the date and time the plan is made as of, e.g. 2027-05-12T12:00:00Z (default: now)

Exit status: 0 when no error-level check fails; 3 when one does (the file is still written, marked DRAFT);
2 for a usage error; 1 for any other error.`;

function parseLanguages(value: string | undefined): DraftLang[] | undefined {
  if (value === undefined) return undefined;
  const langs = value
    .split(',')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l !== '');
  if (
    langs.length === 0 ||
    langs.some((l) => !(DRAFT_LANGS as readonly string[]).includes(l)) ||
    new Set(langs).size !== langs.length
  ) {
    throw new UsageError(`--languages must be en, fr or en,fr (got "${value}")`);
  }
  return langs as DraftLang[];
}

export const draftCommand: Command = {
  name: 'draft',
  summary: 'Draft what to say about a threat (or a cluster) and write it as a Word document, with its checks',
  usage: USAGE,
  options: {
    cluster: { type: 'boolean' },
    template: { type: 'string', short: 't' },
    languages: { type: 'string' },
    ...DOCX_OUT_OPTION,
    ...JSON_OPTION,
    ...AS_OF_OPTION,
  },
  async run({ positionals, values, io, i18n, session }) {
    const ids = positionals;
    if (ids.length === 0)
      throw new UsageError(`name the threat to write about\nUsage: ${USAGE.split('\n')[0]}`);
    const cluster = Boolean(values.cluster);
    if (ids.length > 1 && !cluster) {
      throw new UsageError(
        'several threats make one draft only with --cluster; run the command once per threat ' +
          'for one draft each',
      );
    }
    const template = values.template as string | undefined;
    if (!template) throw new UsageError(`--template is required: ${TEMPLATE_IDS.join(', ')}`);
    if (!(TEMPLATE_IDS as readonly string[]).includes(template))
      throw new UsageError(`--template must be one of ${TEMPLATE_IDS.join(', ')} (got "${template}")`);
    const languages = parseLanguages(values.languages as string | undefined);
    const out = docxOut(values);
    const asOf = values['as-of'] as string | undefined;
    if (asOf !== undefined && !DateTimeString.safeParse(asOf).success) {
      throw new UsageError(
        `--as-of must be a date and time with a time zone, e.g. 2027-05-12T12:00:00Z (got "${asOf}")`,
      );
    }

    const s = await session();
    const plan = await unwrap(
      s.api.drafting.createPlan({
        threatIds: ids,
        cluster,
        ...(asOf ? { asOf } : {}),
      }),
    );
    const draft = await unwrap(
      s.api.drafting.createDraft({
        planId: plan.id,
        template: template as TemplateId,
        ...(languages ? { languages } : {}),
      }),
    );
    const exported = await unwrap(
      s.api.drafting.export({
        draftId: draft.id,
        ...(asOf ? { asOf } : {}),
      }),
    );
    const file = path.resolve(io.cwd, out);
    fs.writeFileSync(file, Buffer.from(exported.base64, 'base64'));
    const signoffFile = file.replace(/\.docx$/i, '.signoff.docx');
    fs.writeFileSync(signoffFile, Buffer.from(exported.signoff.base64, 'base64'));
    // What the person making the plan should know about the record (e.g. a first-seen time in the future).
    const warnings = (plan.plan.warnings ?? []).map((w) => i18n.render(w));
    for (const w of warnings) io.err(`threshold: warning: ${w}`);

    const { checks, readability } = exported.report;
    const failed = checks.some((c) => c.severity === 'error');
    if (values.json) {
      io.out(
        json({
          file,
          signoff: { file: signoffFile, marking: exported.signoff.marking },
          draft: draft.id,
          warnings,
          checks: checks.map((c) => ({
            id: c.id,
            severity: c.severity,
            message: i18n.render(c.message),
            messageId: c.message.id,
            params: c.message.params ?? {},
            lang: c.lang,
            section: c.sectionId,
          })),
          readability: { grade: readability.grade },
        }),
      );
    } else {
      const grades = Object.entries(readability.byLanguage)
        .map(([lang, grade]) => `${lang} ${grade}`)
        .join(', ');
      io.out(`Wrote ${file}${exported.markedDraft ? ' (marked DRAFT — NOT FOR RELEASE)' : ''}.`);
      io.out(`Wrote the sign-off record ${signoffFile} (marked ${exported.signoff.marking}).`);
      io.out(`Plan ${plan.id} (level ${plan.plan.level}), draft ${draft.id} version ${exported.version}.`);
      io.out(`Reading grade: ${grades} (target ${readability.target}).`);
      if (checks.length === 0) io.out('Checks: all pass.');
      else {
        io.out(`Checks: ${exported.report.errors} error(s), ${exported.report.warnings} warning(s).`);
        for (const c of checks)
          io.out(
            `  ${c.severity.padEnd(7)} ${c.id} [${c.lang}${c.sectionId ? ` ${c.sectionId}` : ''}] ${i18n.render(c.message)}`,
          );
      }
    }
    if (failed) io.err('threshold: error-level checks fail; the document is marked DRAFT — NOT FOR RELEASE.');
    return failed ? EXIT.checksFailed : EXIT.ok;
  },
};
