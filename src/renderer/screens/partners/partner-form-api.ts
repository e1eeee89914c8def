// What each part of the partner form gets: the values, a setter, and each field's error by its control id.
import type { PartnerFormValues } from './partner-model';

export interface PartnerFormApi {
  values: PartnerFormValues;
  set<K extends keyof PartnerFormValues>(key: K, value: PartnerFormValues[K]): void;
  /** The message beside the control with this id (see fieldId), in the interface language. */
  error(id: string): string | undefined;
}
