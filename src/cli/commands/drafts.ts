// `threshold drafts`: the drafts in the workspace, and their sign-off, as the signed-in person. Review and
// approval are refused while an error-level check fails (exit 3; the command says which checks, in the
// --lang language), and by the four-eyes rule (exit 4, with the reason): nobody reviews what they wrote,
// nobody approves what they wrote or reviewed. Approving signs the text with a fresh signature: the
// passphrase again (THRESHOLD_PASSPHRASE, or a prompt). `threshold review <id>` and `threshold approve <id>`
// are the same steps.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { type Command, JSON_OPTION } from '../command';
import { json, table } from '../format';
import { EXIT, UsageError } from '../io';
import { passphraseFor, unwrap } from '../session';

const USAGE = `threshold drafts list [--threat ID] [--json]
       threshold drafts show <draft-id> [--json]
       threshold --user NAME drafts review <draft-id>
       threshold --user NAME drafts approve <draft-id>
       threshold drafts export <draft-id> --out FILE.docx

  list      every draft (or those about one threat), newest first
  show      a draft's text, status and checks
  review    sign the current version off as reviewed (as the signed-in reviewer, not an author)
  approve   approve the current version (as the signed-in approver, neither an author nor its reviewer),
            signed with the passphrase again; it becomes read-only
  export    write the current version as FILE.docx and its sign-off record as FILE.signoff.docx

Review and approval are refused while an error-level check fails (exit 3; the checks are listed), and
when the four-eyes rule or the person's roles do not allow them (exit 4, with the reason).`;

export const draftsCommand: Command = {
  name: 'drafts',
  summary:
    'List drafts, show one, review or approve it (refused while an error-level check fails), export it',
  usage: USAGE,
  options: {
    threat: { type: 'string' },
    ...JSON_OPTION,
    out: { type: 'string', short: 'o' },
  },
  async run({ positionals, values, io, i18n, session }) {
    const [action, id, ...extra] = positionals;
    if (extra.length) throw new UsageError(`too many arguments\nUsage: ${USAGE}`);
    const s = await session();
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
      if (errors.length > 0) {
        io.err(
          `threshold: ${errors.length} error-level check(s) must be fixed before the draft can be ${action === 'review' ? 'reviewed' : 'approved'}:`,
        );
        for (const c of errors)
          io.err(`  ${c.id} [${c.lang}${c.sectionId ? ` ${c.sectionId}` : ''}] ${i18n.render(c.message)}`);
      }
      try {
        const request = { draftId: id, expectedVersion: record.currentVersion };
        const signed = await unwrap(
          action === 'review'
            ? s.api.drafting.review(request)
            : s.api.drafting.approve({
                ...request,
                passphrase: passphraseFor(s.acting.name, io.env, io.promptSecret?.bind(io)),
              }),
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

/** `threshold review <id>` and `threshold approve <id>`: the same steps as `drafts review|approve`. */
function step(name: 'review' | 'approve'): Command {
  return {
    name,
    summary:
      name === 'review'
        ? 'Sign a draft off as reviewed, as the signed-in reviewer (exit 4 when refused)'
        : 'Approve a draft, as the signed-in approver, with the passphrase again (exit 4 when refused)',
    usage: `threshold --user NAME ${name} <draft-id>`,
    options: {},
    run: (run) => draftsCommand.run({ ...run, positionals: [name, ...run.positionals] }),
  };
}

export const reviewCommand = step('review');
export const approveCommand = step('approve');
