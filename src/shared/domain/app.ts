/** Who is acting, as history rows and audit entries name them: the signed-in account's name, and the
 *  role it acts in (or its roles). It comes from the session, never from what a person types. */
export interface Identity {
  name: string;
  role: string;
}

export interface AppInfo {
  version: string;
  dbPath: string;
  schemaVersion: number;
  threats: number;
  elections: number;
  /** True when the database holds no elections and no threats: offer the sample. */
  empty: boolean;
  /** The signed-in person (from the session). */
  identity: Identity | null;
  mode: 'electron' | 'browser';
}
