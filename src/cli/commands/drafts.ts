// `threshold drafts`: the drafts in the workspace, and their sign-off. Review and approval are refused while
// an error-level check fails (the service refuses them; the command says which checks, in the --lang
// language), and an approval needs a second person (four eyes).
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { Command } from '../command';
import { json, table } from '../format';
import { EXIT, UsageError } from '../io';
import { unwrap } from '../session';

const USAGE = `threshold drafts list [--threat ID] [--json]
       threshold drafts show <draft-id> [--json]
       threshold drafts review <draft-id> --by NAME --role ROLE
       threshold drafts approve <draft-id> --by NAME --role ROLE
       threshold drafts export <draft-id> --out FILE.docx

  list      every draft (or those about one threat), newest first
  show      a draft's text, status and checks
  review    sign the current version off as reviewed
  approve   approve the reviewed version (by someone other than its reviewer); it becomes read-only
  export    write the current version as FILE.docx and its sign-off record as FILE.signoff.docx

Review and approval are refused (exit 3) while an error-level check fails; the checks are listed.`;

export const draftsCommand: Command = {
  name: 'drafts',
  summary:
    'List drafts, show one, review or approve it (refused while an error-level check fails), export it',
  usage: USAGE,
  options: {
    threat: { type: 'string' },
    json: { type: 'boolean' },
    by: { type: 'string' },
    role: { type: 'string' },
    out: { type: 'string', short: 'o' },
  },
  async run({ positionals, values, io, i18n, session }) {
    const [action, id, ...extra] = positionals;
    if (extra.length) throw new UsageError(`too many arguments\nUsage: ${USAGE}`);
    const s = session();
    if (action === 'list') {
      const { drafts } = await unwrap(
        s.api.drafting.list({ ...(typeof values.threat === 'string' ? { threatId: values.threat } : {}) }),
      );
      if (values.json) io.out(json(drafts));
      else
        io.out(
          drafts.length === 0
            ? 'No drafts.'
            : table(
                ['Draft', 'Template', 'Threats', 'Version', 'Status', 'Title'],
                drafts.map((d) => [
                  d.id,
                  d.template,
                  d.threatIds.join(', '),
                  String(d.version),
                  d.status,
                  d.title,
                ]),
                [24, 20, 24, 7, 9, 60],
              ),
        );
      return EXIT.ok;
    }
    if (!id) throw new UsageError(`name the draft\nUsage: ${USAGE}`);
    const record = await unwrap(s.api.drafting.getDraft({ draftId: id }));
    const errors = record.report.checks.filter((c) => c.severity === 'error');
    const listChecks = (checks: typeof record.report.checks) => {
      for (const c of checks)
        io.out(
          `  ${c.severity.padEnd(7)} ${c.id} [${c.lang}${c.sectionId ? ` ${c.sectionId}` : ''}] ${i18n.render(c.message)}`,
        );
    };
    if (action === 'show') {
      if (values.json) {
        io.out(
          json({
            ...record,
            report: {
              ...record.report,
              checks: record.report.checks.map((c) => ({ ...c, text: i18n.render(c.message) })),
            },
          }),
        );
        return EXIT.ok;
      }
      io.out(
        `${record.id} (${record.template}), version ${record.version} of ${record.currentVersion}: ${record.draft.status}`,
      );
      for (const lang of record.draft.languages) {
        io.out(`\n[${lang}] ${record.draft.title[lang] ?? ''}`);
        for (const section of record.draft.sections[lang] ?? [])
          io.out(`${section.heading ? `${section.heading}\n` : ''}${section.text}\n`);
      }
      io.out(`Checks: ${record.report.errors} error(s), ${record.report.warnings} warning(s).`);
      listChecks(record.report.checks);
      return EXIT.ok;
    }
    if (action === 'review' || action === 'approve') {
      const by = (values.by as string | undefined)?.trim();
      const role = (values.role as string | undefined)?.trim();
      if (!by || !role) throw new UsageError(`--by NAME and --role ROLE are required\nUsage: ${USAGE}`);
      if (errors.length > 0) {
        io.err(
          `threshold: ${errors.length} error-level check(s) must be fixed before the draft can be ${action === 'review' ? 'reviewed' : 'approved'}:`,
        );
        for (const c of errors)
          io.err(`  ${c.id} [${c.lang}${c.sectionId ? ` ${c.sectionId}` : ''}] ${i18n.render(c.message)}`);
      }
      try {
        const request = { draftId: id, expectedVersion: record.currentVersion, signer: { name: by, role } };
        const signed = await unwrap(
          action === 'review' ? s.api.drafting.review(request) : s.api.drafting.approve(request),
        );
        io.out(`Draft ${id} version ${signed.version} is ${signed.draft.status}.`);
        return EXIT.ok;
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict' && errors.length > 0) return EXIT.checksFailed;
        throw err;
      }
    }
    if (action === 'export') {
      const out = values.out as string | undefined;
      if (!out || !/\.docx$/i.test(out)) throw new UsageError(`--out FILE.docx is required\nUsage: ${USAGE}`);
      const exported = await unwrap(s.api.drafting.export({ draftId: id }));
      const file = path.resolve(io.cwd, out);
      fs.writeFileSync(file, Buffer.from(exported.base64, 'base64'));
      const signoff = file.replace(/\.docx$/i, '.signoff.docx');
      fs.writeFileSync(signoff, Buffer.from(exported.signoff.base64, 'base64'));
      io.out(`Wrote ${file}${exported.markedDraft ? ' (marked DRAFT — NOT FOR RELEASE)' : ''}.`);
      io.out(`Wrote the sign-off record ${signoff} (marked ${exported.signoff.marking}).`);
      listChecks(exported.report.checks);
      return exported.report.errors > 0 ? EXIT.checksFailed : EXIT.ok;
    }
    throw new UsageError(`drafts needs list, show, review, approve or export\nUsage: ${USAGE}`);
  },
};
