// The official TLP 2.0 marking definitions (OASIS CTI TC, cti-stix-common-objects,
// extension-definition-specifications/tlp-2.0): fixed ids and content, recognised by id.
import type { TlpLevel } from '../../shared/domain/stix';

export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

export const TLP2_MARKING_IDS = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
} as const;

/** TLP 1.0 markings of the STIX 2.1 specification, recognised on import. */
export const TLP1_MARKING_IDS = {
  white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
} as const;

export interface MarkingDefinition {
  type: 'marking-definition';
  spec_version: '2.1';
  id: string;
  created: string;
  name: string;
  extensions: Record<string, { extension_type: 'property-extension'; tlp_2_0: string }>;
}

export function tlpMarking(level: TlpLevel): MarkingDefinition {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKING_IDS[level],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${level.toUpperCase()}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: level } },
  };
}

/** The TLP name (e.g. "TLP:AMBER") of a marking-definition id, TLP 2.0 or 1.0, or null. */
export function tlpNameOf(id: string): string | null {
  for (const [level, markingId] of Object.entries(TLP2_MARKING_IDS))
    if (markingId === id) return `TLP:${level.toUpperCase()}`;
  for (const [level, markingId] of Object.entries(TLP1_MARKING_IDS))
    if (markingId === id) return `TLP:${level.toUpperCase()}`;
  return null;
}
