// Who is signed in here, as the services say (session:status), and the steps that change it: sign in,
// lock, unlock, sign out. The services decide; this slice only mirrors their answer, so that the shell
// shows setup, the sign-in, the lock screen or the app, and hides what the person may not do.
import type { StateCreator } from 'zustand';
import type { SessionStatus } from '../../shared/domain/session';
import type { Action } from '../../shared/domain/permissions';
import { api, call } from '../api/bridge';
import type { StoreState } from './index';

export interface SessionSlice {
  session: SessionStatus | null;
  /** The lock screen asks for someone else's name ("switch user") rather than the passphrase. */
  switching: boolean;
  refreshSession(): Promise<SessionStatus>;
  /** Sets the session from an answer the services gave (setup, unlock …). */
  setSession(status: SessionStatus): void;
  signIn(name: string, passphrase: string): Promise<SessionStatus>;
  unlock(passphrase: string): Promise<SessionStatus>;
  lockNow(): Promise<void>;
  /** Locks this session and asks who is signing in instead. */
  switchUser(): Promise<void>;
  setSwitching(switching: boolean): void;
  /** Whether the signed-in person's roles allow `action` (the services check it again on every call). */
  can(action: Action): boolean;
}

export const createSessionSlice: StateCreator<StoreState, [], [], SessionSlice> = (set, get) => ({
  session: null,
  switching: false,
  async refreshSession() {
    const status = await call(api.session.status({}));
    get().setSession(status);
    return status;
  },
  setSession(status) {
    // An unchanged answer keeps the same object, so that polling does not re-render the whole shell.
    const current = get().session;
    if (current && JSON.stringify(current) === JSON.stringify(status)) return;
    set({ session: status });
  },
  async signIn(name, passphrase) {
    // `switching` stays until the lock screen has decided what to do with the page (see LockScreen).
    const status = await call(api.session.signIn({ name, passphrase }));
    set({ session: status });
    return status;
  },
  async unlock(passphrase) {
    const status = await call(api.session.unlock({ passphrase }));
    set({ session: status, switching: false });
    return status;
  },
  async lockNow() {
    set({ session: await call(api.session.lock({})) });
  },
  async switchUser() {
    set({ switching: true });
    await get().lockNow();
  },
  setSwitching(switching) {
    set({ switching });
  },
  can(action) {
    return get().session?.allowed.includes(action) ?? false;
  },
});
