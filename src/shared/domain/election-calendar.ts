// The election calendar's own consistency: dates in the order an election runs.
import type { Election } from './workspace';

const ORDER: [keyof Election, string][] = [
  ['writIssued', 'the writ'],
  ['advanceVotingStart', 'advance voting'],
  ['pollingDay', 'polling day'],
  ['resultsCertified', 'certification of results'],
];

export function calendarProblems(election: Election): { where: string; message: string }[] {
  const problems: { where: string; message: string }[] = [];
  const present = ORDER.filter(([key]) => typeof election[key] === 'string');
  for (let i = 1; i < present.length; i++) {
    const [prevKey, prevLabel] = present[i - 1]!;
    const [key, label] = present[i]!;
    if ((election[key] as string) < (election[prevKey] as string)) {
      problems.push({
        where: `$.election.${String(key)}`,
        message: `${label} (${String(election[key])}) comes before ${prevLabel} (${String(election[prevKey])})`,
      });
    }
  }
  return problems;
}
