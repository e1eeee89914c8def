// What each part of the threat form gets: the values, a setter, and each field's error and control id.
import type { ThreatFormValues } from './form-model';

export type Setter = <K extends keyof ThreatFormValues>(key: K, value: ThreatFormValues[K]) => void;

export interface ThreatFormApi {
  values: ThreatFormValues;
  set: Setter;
  /** The message to show beside a field, in the interface language. */
  error(key: keyof ThreatFormValues): string | undefined;
}
