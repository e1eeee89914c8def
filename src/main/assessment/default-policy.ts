// The default intervention policy shipped with Threshold (assets/policy/default-policy.json), validated.
import json from '../../../assets/policy/default-policy.json';
import { parsePolicy, type Policy } from '../../shared/domain/policy';

function load(): Policy {
  const r = parsePolicy(json);
  if (!r.ok) throw new Error(`The default policy is invalid:\n${r.errors.join('\n')}`);
  return r.policy;
}

export const DEFAULT_POLICY: Policy = load();
