// The election calendar's own consistency: dates in the order an election runs.
import type { ProblemLocation } from '../errors';
import type { Election } from './workspace';
import { at } from '../collections';

const ORDER: [keyof Election, string][] = [
  ['writIssued', 'the writ'],
  ['advanceVotingStart', 'advance voting'],
  ['pollingDay', 'polling day'],
  ['resultsCertified', 'certification of results'],
];

export function calendarProblems(election: Election): ProblemLocation[] {
  const problems: ProblemLocation[] = [];
  const present = ORDER.filter(([key]) => typeof election[key] === 'string');
  for (let i = 1; i < present.length; i++) {
    const [prevKey, prevLabel] = at(present, i - 1);
    const [key, label] = at(present, i);
    if ((election[key] as string) < (election[prevKey] as string)) {
      problems.push({
        where: `$.election.${String(key)}`,
        path: ['election', String(key)],
        code: 'calendarOrder',
        params: { field: String(key), before: String(prevKey) },
        message: `${label} (${String(election[key])}) comes before ${prevLabel} (${String(election[prevKey])})`,
      });
    }
  }
  return problems;
}
