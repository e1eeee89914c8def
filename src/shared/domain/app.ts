import { z } from 'zod';

/** Who is using this copy of the app: recorded with every change and decision. */
export const IdentitySchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter your name').max(200),
  role: z.string().trim().min(1, 'Enter your role').max(200),
});
export type Identity = z.infer<typeof IdentitySchema>;

export interface AppInfo {
  version: string;
  dbPath: string;
  schemaVersion: number;
  threats: number;
  elections: number;
  /** True when the database holds no elections and no threats: offer the sample. */
  empty: boolean;
  identity: Identity | null;
  mode: 'electron' | 'browser';
}
