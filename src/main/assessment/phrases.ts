// Plain-language phrases for the explanation sentences (English; the renderer may translate by id).
import type { Actor, Purpose, ThreatType } from '../../shared/domain/enums';
import type { TimingPhase } from '../../shared/domain/policy';

export const PURPOSE_PHRASE: Record<Purpose, string> = {
  'suppress-turnout': 'aims to keep people from voting',
  'mislead-voting-process': 'misleads people about how, when or where to vote',
  'undermine-results': 'undermines trust in the results',
  'disrupt-administration': 'disrupts the administration of the election',
  intimidate: 'intimidates voters, candidates or officials',
  polarize: 'sows division',
  'discredit-candidate': 'discredits a candidate or party',
  'promote-candidate': 'promotes a candidate or party',
  other: 'has another purpose',
};

export const TYPE_PHRASE: Record<ThreatType, string> = {
  disinformation: 'disinformation',
  misinformation: 'misinformation',
  malinformation: 'malinformation',
  'hack-and-leak': 'a hack and leak',
  impersonation: 'impersonation',
  'synthetic-media': 'synthetic media',
  'inauthentic-behaviour': 'inauthentic behaviour',
  'cyber-intrusion': 'a cyber intrusion',
  'denial-of-service': 'a denial of service',
  intimidation: 'intimidation',
  'covert-funding': 'covert funding',
  other: 'other means',
};

export const BREAKOUT_PHRASE = [
  '',
  'one platform, one community',
  'one community on many platforms, or many communities on one',
  'many platforms and many communities',
  'broken out into mainstream media',
  'amplified by high-profile people',
  'a policy response, concrete action or a call for violence',
] as const;

export const ACTOR_PHRASE: Record<Actor, string> = {
  'foreign-state': 'a foreign state',
  'foreign-proxy': 'a foreign proxy',
  domestic: 'a domestic actor',
  unknown: 'an unknown actor',
};

export const PHASE_PHRASE: Record<TimingPhase, string> = {
  'no-election': 'no election is given, so timing is neutral',
  'outside-election-period': 'outside the election period',
  'election-period': 'in the election period, before the critical window',
  'critical-window': 'inside the critical window',
  'polling-day': 'on polling day',
  count: 'during the count, before the results are certified',
  'after-certification': 'after the results were certified',
};

/** 1234567 → "1,234,567" without Intl (fast, and the same on every machine). */
export function thousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}
