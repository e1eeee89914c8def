import type { StateCreator } from 'zustand';
import type { AppInfo } from '../../shared/domain/app';
import type { Election } from '../../shared/domain/workspace';
import { api, call } from '../api/bridge';
import { formatRoute, parseRoute, type Route } from './route';
import type { StoreState } from './index';
import type { MenuCommand } from '../../shared/ipc/menu-commands';

export interface AppSlice {
  info: AppInfo | null;
  route: Route;
  elections: Election[];
  /** The election the log and new threats are scoped to ('' = all). */
  electionId: string;
  navigate(route: Route): void;
  /** Asked before leaving the current screen (e.g. a form with unsaved changes); false stays. */
  leaveGuard: (() => boolean) | null;
  setLeaveGuard(guard: (() => boolean) | null): void;
  syncRouteFromLocation(): void;
  loadInfo(): Promise<void>;
  loadElections(): Promise<void>;
  setElection(id: string): void;
  /** Ends this window's session (the page then shows the sign-in). */
  signOut(): Promise<void>;
  /** A command from the desktop menu that the log screen carries out (find, import, export). */
  logCommand: MenuCommand | null;
  runMenuCommand(command: MenuCommand): void;
  clearLogCommand(): void;
}

const SCREEN_OF: Partial<Record<MenuCommand, string>> = {
  'go-log': 'log',
  'go-dashboard': 'dashboard',
  'go-partners': 'partners',
  'go-policy': 'policy',
  'go-audit': 'audit',
  'go-settings': 'settings',
  'go-elections': 'elections',
};

export const createAppSlice: StateCreator<StoreState, [], [], AppSlice> = (set, get) => ({
  info: null,
  route: parseRoute(window.location.hash),
  elections: [],
  electionId: localStorage.getItem('threshold.election') ?? '',
  leaveGuard: null,
  setLeaveGuard(guard) {
    set({ leaveGuard: guard });
  },
  navigate(route) {
    const guard = get().leaveGuard;
    if (guard && !guard()) return;
    set({ leaveGuard: null });
    const hash = formatRoute(route);
    if (window.location.hash !== hash) window.history.pushState(null, '', hash);
    set({ route });
  },
  syncRouteFromLocation() {
    set({ route: parseRoute(window.location.hash) });
  },
  async loadInfo() {
    set({ info: await call(api.app.info({})) });
  },
  async loadElections() {
    const elections = await call(api.elections.list({}));
    const current = get().electionId;
    set({ elections, electionId: current && !elections.some((e) => e.id === current) ? '' : current });
  },
  setElection(id) {
    localStorage.setItem('threshold.election', id);
    set({ electionId: id });
    get().setFilter({ electionId: id || undefined });
  },
  async signOut() {
    await call(api.session.signOut({}));
    window.location.reload();
  },
  logCommand: null,
  runMenuCommand(command) {
    const screen = SCREEN_OF[command];
    if (screen) return get().navigate({ screen } as Route);
    if (command === 'new-threat') return get().navigate({ screen: 'threat-new' });
    get().navigate({ screen: 'log' });
    set({ logCommand: command });
  },
  clearLogCommand() {
    set({ logCommand: null });
  },
});
