// `threshold policy`: show the intervention policy in force (or a past version), list its versions,
// preview what an edited policy would change, and set a new one from a file.
import path from 'node:path';
import type { Policy } from '../../shared/domain/policy';
import { type Command, JSON_OPTION, text } from '../command';
import { unwrap } from '../session';
import { json, table } from '../format';
import { UsageError } from '../io';
import { readJsonFile } from '../json-file';
import { LEVEL_TEXT } from './assessment-text';

const USAGE = `threshold policy show [--json] [--version N]
       threshold policy versions [--json]
       threshold policy preview <file> [--json]
       threshold policy set <file> [--note TEXT]

  show       the policy in force (or version N); --json prints the policy document itself,
             which \`policy set\` accepts back
  versions   every saved version, newest first
  preview    what the policy in <file> would change in the log (as of now), without saving it
  set        validate the policy in <file> and save it as the next version; every threat's level is
             recomputed. A bad file is refused with its reasons and the current policy stays.`;

function readPolicyFile(cwd: string, file: string | undefined): unknown {
  if (!file) throw new UsageError(`name the policy file\nUsage: ${USAGE}`);
  return readJsonFile(cwd, file, 'policy-invalid', 'cli/policy-not-json');
}

function policyText(p: Policy): string {
  const lines = [
    `${p.name} — version ${p.version}`,
    p.description,
    '',
    `Thresholds: engage privately at ${p.thresholds.engagePrivately}, speak publicly at ` +
      `${p.thresholds.speakPublicly}`,
    p.electionPeriodThresholds
      ? `During the election period: engage privately at ${p.electionPeriodThresholds.engagePrivately}, ` +
        `speak publicly at ${p.electionPeriodThresholds.speakPublicly}`
      : 'During the election period: the same thresholds',
    '',
    'Factors (weight):',
    ...p.factors.map((f) => `  ${String(f.weight).padStart(5)}  ${f.label} — ${f.description}`),
    `  ${String(p.factors.reduce((s, f) => s + f.weight, 0)).padStart(5)}  total`,
    '',
    `Critical window: opens ${p.criticalWindow.daysBeforeAdvanceVoting.value} days before ` +
      `advance voting (${p.criticalWindow.daysBeforePollingDayIfNoAdvanceVoting.value} days ` +
      `before polling day without it)`,
    '',
    'Gates:',
    `  [${p.gates.domesticPoliticalDebate.enabled ? 'on' : 'off'}] Domestic political ` +
      `debate — ${p.gates.domesticPoliticalDebate.description}`,
    `  [${p.gates.containedItem.enabled ? 'on' : 'off'}] Contained item (Breakout ≤ ${p.gates.containedItem.maxBreakout.value}) ` +
      `— ${p.gates.containedItem.description}`,
    `  [${p.gates.lowConfidenceAttribution.enabled ? 'on' : 'off'}] Low-confidence attribution ` +
      `(below ${p.gates.lowConfidenceAttribution.minimumConfidence.value}) — ${p.gates.lowConfidenceAttribution.description}`,
  ];
  return lines.join('\n');
}

export const policyCommand: Command = {
  name: 'policy',
  summary: 'Show, preview or set the intervention policy (the thresholds, factors and gates)',
  usage: USAGE,
  options: { ...JSON_OPTION, version: { type: 'string' }, note: { type: 'string' } },
  async run({ positionals, values, io, session }) {
    const [sub, ...rest] = positionals;
    switch (sub) {
      case 'show': {
        if (rest.length) throw new UsageError('policy show takes no file');
        let version: number | undefined;
        if (values.version !== undefined) {
          version = Number(values.version);
          if (!Number.isInteger(version) || version < 1)
            throw new UsageError('--version must be a whole number, 1 or more');
        }
        const policy = await unwrap(
          (await session()).api.policy.get(version === undefined ? {} : { version }),
        );
        io.out(values.json ? json(policy) : policyText(policy));
        return 0;
      }
      case 'versions': {
        const versions = await unwrap((await session()).api.policy.versions({}));
        if (values.json) io.out(json(versions));
        else
          io.out(
            table(
              ['Version', 'Saved', 'By', 'Note'],
              versions.map((v) => [
                `${v.version}${v.current ? ' (in force)' : ''}`,
                v.savedAt ?? 'shipped default',
                v.savedBy ?? '',
                v.note ?? '',
              ]),
            ),
          );
        return 0;
      }
      case 'preview': {
        if (rest.length !== 1) throw new UsageError('policy preview takes exactly one file');
        const preview = await unwrap(
          (await session()).api.policy.preview({
            policy: readPolicyFile(io.cwd, rest[0]),
          }),
        );
        if (values.json) {
          io.out(json(preview));
          return 0;
        }
        const levels = ['monitor', 'engage-privately', 'speak-publicly'] as const;
        io.out(
          [
            `Over ${preview.total} threats, as of ${preview.asOf}:`,
            table(
              ['Level', 'Now', 'With this policy'],
              levels.map((l) => [LEVEL_TEXT[l], String(preview.current[l]), String(preview.proposed[l])]),
            ),
            '',
            `${preview.changed} threats would change level${preview.changed > preview.changes.length ? ` (the first ${preview.changes.length} shown)` : ''}:`,
            ...preview.changes.map(
              (c) => `  ${c.id}  ${c.from ? LEVEL_TEXT[c.from] : '—'} → ${LEVEL_TEXT[c.to]}  ${c.title}`,
            ),
          ].join('\n'),
        );
        return 0;
      }
      case 'set': {
        if (rest.length !== 1) throw new UsageError('policy set takes exactly one file');
        const [file = ''] = rest;
        const note = text(values, 'note') ?? `set from ${path.basename(file)}`;
        const saved = await unwrap(
          (await session()).api.policy.save({
            policy: readPolicyFile(io.cwd, file),
            note,
          }),
        );
        io.out(
          `Policy version ${saved.version} saved and in force: engage privately at ${saved.thresholds.engagePrivately}, ` +
            `speak publicly at ${saved.thresholds.speakPublicly}. Every threat's level was recomputed.`,
        );
        return 0;
      }
      default:
        throw new UsageError(`policy needs a subcommand: show, versions, preview or set\nUsage: ${USAGE}`);
    }
  },
};
