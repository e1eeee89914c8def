// What each part of the threat form gets: the values, a setter, and each field's error and control id.
import { controlId, type ThreatFormValues } from './form-model';

export type Setter = <K extends keyof ThreatFormValues>(key: K, value: ThreatFormValues[K]) => void;

export interface ThreatFormApi {
  values: ThreatFormValues;
  set: Setter;
  /** The message to show beside a field, in the interface language. */
  error(key: keyof ThreatFormValues): string | undefined;
}

/** What binds a control to one field of the form: its id, its value and setter, and its error. */
export function bindField<K extends keyof ThreatFormValues>(form: ThreatFormApi, key: K) {
  return {
    id: controlId(key),
    value: form.values[key],
    onChange: (value: ThreatFormValues[K]) => form.set(key, value),
    error: form.error(key),
  };
}
