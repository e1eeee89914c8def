// The election form's values and conversion to the contract.
import type { Election } from '../../../shared/domain/workspace';
import { slug } from '../../../shared/slug';

export interface ElectionFormValues {
  id: string;
  name: string;
  jurisdiction: string;
  writIssued: string;
  advanceVotingStart: string;
  pollingDay: string;
  resultsCertified: string;
  parties: string;
  candidates: string;
  /** Official language codes, picked from a labelled list. */
  languages: string[];
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

export function toElectionValues(e?: Election): ElectionFormValues {
  return {
    id: e?.id ?? '',
    name: e?.name ?? '',
    jurisdiction: e?.jurisdiction ?? '',
    writIssued: e?.writIssued ?? '',
    advanceVotingStart: e?.advanceVotingStart ?? '',
    pollingDay: e?.pollingDay ?? '',
    resultsCertified: e?.resultsCertified ?? '',
    parties: (e?.parties ?? []).join('\n'),
    candidates: (e?.candidates ?? []).join('\n'),
    languages: [...(e?.languages ?? ['en', 'fr'])],
  };
}

export const slugId = (name: string): string => slug(name, 'election');

export function fromElectionValues(v: ElectionFormValues, base?: Election): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(base ?? {}) };
  const set = (k: keyof Election, value: unknown) => {
    if (value === '' || value === undefined || (Array.isArray(value) && value.length === 0))
      Reflect.deleteProperty(out, k);
    else out[k] = value;
  };
  set('id', v.id.trim() || slugId(v.name));
  set('name', v.name.trim());
  set('jurisdiction', v.jurisdiction.trim());
  set('writIssued', v.writIssued);
  set('advanceVotingStart', v.advanceVotingStart);
  set('pollingDay', v.pollingDay);
  set('resultsCertified', v.resultsCertified);
  set('parties', lines(v.parties));
  set('candidates', lines(v.candidates));
  set('languages', [...new Set(v.languages.map((x) => x.trim()).filter(Boolean))]);
  return out;
}
