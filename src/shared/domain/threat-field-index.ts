// Lookups in the field table by contract path, derived from the one list (./threat-fields).
import { THREAT_FIELDS, type ThreatField } from './threat-fields';

const byPath = new Map(THREAT_FIELDS.map((f) => [f.path, f]));

/** The field at a contract path; throws for a path that is not a field (a programming error). */
export function threatField(path: string): ThreatField {
  const field = byPath.get(path);
  if (!field) throw new Error(`${path} is not a field of a threat`);
  return field;
}

/** The STIX property of a field, by its contract path. */
export function stixProperty(path: string): string {
  const prop = threatField(path).stix;
  if (!prop) throw new Error(`${path} has no STIX property`);
  return prop;
}

/** Contract path → the threat form's input that shows it (for validation messages). */
export const FORM_FIELD_OF_PATH: Readonly<Record<string, string>> = Object.fromEntries(
  THREAT_FIELDS.flatMap((f) => (f.form ? [[f.path, f.form]] : [])),
);
