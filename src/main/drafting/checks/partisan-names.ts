// The names a public text must not use: the election's parties and candidates, with their short forms.
// Names the organisation listed (and aliases in brackets) are errors; forms Threshold derives (initials,
// a surname alone, "Greens" for "Green Party") are warnings, since they can be ordinary words.
import type { Election } from '../../../shared/domain/workspace';

export interface PartisanName {
  phrase: string;
  /** The name as the election lists it, for the message. */
  of: string;
  derived: boolean;
}

const LEADING = /^(the|le|la|les|parti|party)\s+/i;
const TRAILING = /\s+(party|parti)$/i;
const SMALL_WORDS = new Set(['of', 'the', 'and', 'de', 'du', 'des', 'la', 'le', 'les', 'et', 'l', 'd']);

function initials(name: string): string | undefined {
  const letters = name
    .split(/[\s-]+/)
    .filter((w) => w !== '' && !SMALL_WORDS.has(w.toLowerCase()))
    .map((w) => w.charAt(0))
    .join('');
  return letters.length >= 2 && letters.length <= 6 ? letters : undefined;
}

function partyForms(entry: string): PartisanName[] {
  const out: PartisanName[] = [];
  const alias = /\(([^)]+)\)/.exec(entry)?.[1]?.trim();
  const name = entry
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (name) out.push({ phrase: name, of: entry, derived: false });
  if (alias) out.push({ phrase: alias, of: entry, derived: false });
  if (name.split(' ').length >= 2) {
    const i = initials(name);
    if (i) out.push({ phrase: i, of: entry, derived: true });
    const core = name.replace(LEADING, '').replace(TRAILING, '').trim();
    if (core && core !== name) {
      out.push({ phrase: core, of: entry, derived: true });
      // "Greens", "Liberals"; "libéraux" for "libéral".
      out.push({
        phrase: /al$/i.test(core) ? core.replace(/al$/i, 'aux') : `${core}s`,
        of: entry,
        derived: true,
      });
    }
  }
  return out;
}

function candidateForms(entry: string): PartisanName[] {
  const name = entry.replace(/\s+/g, ' ').trim();
  const parts = name.split(' ');
  const out: PartisanName[] = [{ phrase: name, of: entry, derived: false }];
  const surname = parts.at(-1) ?? name;
  if (parts.length >= 3) out.push({ phrase: `${parts[0]} ${surname}`, of: entry, derived: false });
  if (parts.length >= 2 && surname.replace(/[^\p{L}]/gu, '').length >= 3)
    out.push({ phrase: surname, of: entry, derived: true });
  return out;
}

export function partisanNames(election: Election | undefined, extra: readonly string[] = []): PartisanName[] {
  const names = [
    ...(election?.parties ?? []).flatMap(partyForms),
    ...(election?.candidates ?? []).flatMap(candidateForms),
    ...extra.map((phrase) => ({ phrase, of: phrase, derived: false })),
  ];
  // Listed names first, so that a name both listed and derived counts as listed.
  return [...names.filter((n) => !n.derived), ...names.filter((n) => n.derived)];
}
