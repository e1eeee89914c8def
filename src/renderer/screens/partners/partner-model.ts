// The partner form's values (strings, as inputs hold them) and their conversion to the contract.
import type { z } from 'zod';
import type {
  ContactChannel,
  ContactPerson,
  NotifyRule,
  Partner,
  PartnerKind,
} from '../../../shared/domain/partners';
import type { Purpose, TargetKind, ThreatType } from '../../../shared/domain/enums';
import { PartnerInputSchema } from '../../../shared/ipc/partners.contract';
import { problemOfIssue } from '../../../shared/domain/problems';
import type { ProblemLocation } from '../../../shared/errors';

export interface PersonValues {
  name: string;
  affiliation: string;
  phone: string;
  secureLine: string;
  email: string;
}

export interface RoleValues {
  role: string;
  primary: PersonValues;
  backup: PersonValues;
}

export interface RuleValues {
  purposes: Purpose[];
  types: ThreatType[];
  targetKinds: TargetKind[];
  regions: string;
  /** Threat channel codes ("x", "facebook"), picked from a labelled list. */
  channels: string[];
  minBreakout: string;
  note: string;
}

export interface PartnerFormValues {
  name: string;
  kind: PartnerKind;
  description: string;
  regions: string;
  handles: string;
  /** Language codes, picked from a labelled list. */
  languages: string[];
  channels: ContactChannel[];
  roles: RoleValues[];
  notify: RuleValues[];
  notes: string;
}

export const emptyPerson = (): PersonValues => ({
  name: '',
  affiliation: '',
  phone: '',
  secureLine: '',
  email: '',
});
export const emptyRole = (): RoleValues => ({ role: '', primary: emptyPerson(), backup: emptyPerson() });
export const emptyRule = (): RuleValues => ({
  purposes: [],
  types: [],
  targetKinds: [],
  regions: '',
  channels: [],
  minBreakout: '',
  note: '',
});

const list = (s: string): string[] =>
  s
    .split(/[,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

function toPersonValues(p?: ContactPerson): PersonValues {
  return {
    name: p?.name ?? '',
    affiliation: p?.affiliation ?? '',
    phone: p?.phone ?? '',
    secureLine: p?.secureLine ?? '',
    email: p?.email ?? '',
  };
}

export function toFormValues(p?: Partner): PartnerFormValues {
  return {
    name: p?.name ?? '',
    kind: p?.kind ?? 'election-authority',
    description: p?.description ?? '',
    regions: (p?.regions ?? []).join(', '),
    handles: (p?.handles ?? []).join(', '),
    languages: [...(p?.languages ?? ['en', 'fr'])],
    channels: p?.channels ?? [],
    roles: p
      ? p.roles.map((r) => ({
          role: r.role,
          primary: toPersonValues(r.primary),
          backup: toPersonValues(r.backup),
        }))
      : [emptyRole()],
    notify: (p?.notify ?? []).map((r) => ({
      purposes: r.purposes ?? [],
      types: r.types ?? [],
      targetKinds: r.targetKinds ?? [],
      regions: (r.regions ?? []).join(', '),
      channels: [...(r.channels ?? [])],
      minBreakout: r.minBreakout ? String(r.minBreakout) : '',
      note: r.note ?? '',
    })),
    notes: p?.notes ?? '',
  };
}

const isBlank = (p: PersonValues) => !Object.values(p).some((v) => v.trim());

function toPerson(p: PersonValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) if (v.trim()) out[k] = v.trim();
  return out;
}

/** The partner document the form describes, keeping whatever the form does not edit (contact log, extra fields). */
export function fromFormValues(v: PartnerFormValues, base?: Partner): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(base ?? {}) };
  const set = (k: string, value: unknown) => {
    const empty = value === '' || value === undefined || (Array.isArray(value) && value.length === 0);
    // An empty list the document already had stays as it was, so an untouched form changes nothing.
    const before = (base as Record<string, unknown> | undefined)?.[k];
    const keptEmpty = Array.isArray(before) && before.length === 0;
    if (!empty) out[k] = value;
    else if (!keptEmpty) Reflect.deleteProperty(out, k);
  };
  set('name', v.name.trim());
  set('kind', v.kind);
  set('description', v.description.trim());
  set('regions', list(v.regions));
  set('handles', list(v.handles));
  set('languages', v.languages);
  set('channels', v.channels);
  out.roles = v.roles.map((r) => ({
    role: r.role.trim(),
    primary: toPerson(r.primary),
    ...(isBlank(r.backup) ? {} : { backup: toPerson(r.backup) }),
  }));
  set(
    'notify',
    v.notify.map((r) => {
      const rule: Record<string, unknown> = {};
      if (r.purposes.length) rule.purposes = r.purposes;
      if (r.types.length) rule.types = r.types;
      if (r.targetKinds.length) rule.targetKinds = r.targetKinds;
      if (list(r.regions).length) rule.regions = list(r.regions);
      if (r.channels.length) rule.channels = r.channels;
      if (r.minBreakout) rule.minBreakout = Number(r.minBreakout);
      if (r.note.trim()) rule.note = r.note.trim();
      return rule as NotifyRule;
    }),
  );
  set('notes', v.notes.trim());
  return out;
}

export function validatePartnerForm(
  doc: Record<string, unknown>,
): { ok: true; partner: z.output<typeof PartnerInputSchema> } | { ok: false; problems: ProblemLocation[] } {
  const parsed = PartnerInputSchema.safeParse(doc);
  if (parsed.success) return { ok: true, partner: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => problemOfIssue(i)) };
}

/** The form control a problem belongs to (the id its input carries). */
export function fieldId(path: readonly (string | number)[]): string {
  return `partner-${path.join('-')}`;
}
