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
  /** Goes to a screen; with unsaved changes on screen, asks first (see `pendingRoute`). */
  navigate(route: Route): void;
  /** Editors with unsaved changes on screen (each says so under its own name). */
  unsaved: string[];
  setUnsaved(owner: string, unsaved: boolean): void;
  /** Where the person asked to go while something was unsaved: the app's dialog asks to confirm. */
  pendingRoute: Route | null;
  confirmLeave(): void;
  cancelLeave(): void;
  /** After a record is created and opened, the panel's heading takes the focus once. */
  focusHeading: boolean;
  setFocusHeading(on: boolean): void;
  syncRouteFromLocation(): void;
  loadInfo(): Promise<void>;
  loadElections(): Promise<void>;
  setElection(id: string): void;
  /** Ends this window's session (the page then shows the sign-in). */
  signOut(): Promise<void>;
  /** A command from the desktop menu that the log screen carries out (find, import, export). */
  logCommand: MenuCommand | null;
  /** The log's export dialog is open (a menu command can open it). */
  exportOpen: boolean;
  setExportOpen(open: boolean): void;
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
  unsaved: [],
  setUnsaved(owner, unsaved) {
    const others = get().unsaved.filter((o) => o !== owner);
    set({ unsaved: unsaved ? [...others, owner] : others });
  },
  pendingRoute: null,
  navigate(route) {
    if (get().unsaved.length) {
      set({ pendingRoute: route });
      return;
    }
    const hash = formatRoute(route);
    if (window.location.hash !== hash) window.history.pushState(null, '', hash);
    set({ route, pendingRoute: null });
  },
  confirmLeave() {
    const route = get().pendingRoute;
    set({ unsaved: [], pendingRoute: null });
    if (route) get().navigate(route);
  },
  cancelLeave() {
    set({ pendingRoute: null });
  },
  focusHeading: false,
  setFocusHeading(on) {
    set({ focusHeading: on });
  },
  syncRouteFromLocation() {
    const route = parseRoute(window.location.hash);
    if (get().unsaved.length && formatRoute(route) !== formatRoute(get().route)) {
      // Back or forward with unsaved changes: stay where we are until the person confirms.
      window.history.pushState(null, '', formatRoute(get().route));
      set({ pendingRoute: route });
      return;
    }
    set({ route });
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
  exportOpen: false,
  setExportOpen(open) {
    set({ exportOpen: open });
  },
  runMenuCommand(command) {
    const screen = SCREEN_OF[command];
    if (screen) return get().navigate({ screen } as Route);
    if (command === 'new-threat') return get().navigate({ screen: 'threat-new' });
    get().navigate({ screen: 'log' });
    if (command === 'export-json') set({ exportOpen: true });
    else set({ logCommand: command });
  },
  clearLogCommand() {
    set({ logCommand: null });
  },
});
