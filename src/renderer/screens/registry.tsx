// Where each domain plugs its screens and its tabs of the threat panel into the shell.
import type { ComponentType } from 'react';
import type { Action } from '../../shared/domain/permissions';
import type { ThreatDetail } from '../../shared/domain/threat-log';
import { AccountsScreen } from './accounts/AccountsScreen';
import { AssessmentTab } from './assessment/AssessmentTab';
import { AssessScreen } from './assessment/AssessScreen';
import { PolicyScreen } from './policy/PolicyScreen';
import { AuditScreen } from './audit/AuditScreen';
import { DashboardEntry } from './dashboard';
import { DraftingScreen } from './drafting/DraftingScreen';
import { DraftsTab } from './drafting/DraftsTab';
import { ElectionsScreen } from './elections/ElectionsScreen';
import { OutcomesTab } from './outcomes/OutcomesTab';
import { PartnersScreen } from './partners/PartnersScreen';
import { SettingsScreen } from './settings/SettingsScreen';

export interface NavEntry {
  screen: string;
  /** i18n key in the common namespace. */
  labelKey: string;
  Component: ComponentType<{ params: Record<string, string> }>;
  /** Offered only to people whose roles allow this (the services enforce it regardless). */
  requires?: Action;
}

export interface DetailTab {
  id: string;
  labelKey: string;
  Component: ComponentType<{ detail: ThreatDetail }>;
}

/** Screens beyond the log, in the order of the navigation bar. */
export const NAV_ENTRIES: NavEntry[] = [
  { screen: 'dashboard', labelKey: 'dashboard:nav', Component: DashboardEntry },
  { screen: 'assess', labelKey: 'assessment:nav.assess', Component: AssessScreen },
  { screen: 'drafting', labelKey: 'drafting:nav', Component: DraftingScreen },
  { screen: 'partners', labelKey: 'partners:nav', Component: PartnersScreen },
  { screen: 'policy', labelKey: 'assessment:nav.policy', Component: PolicyScreen },
  { screen: 'elections', labelKey: 'nav.elections', Component: ElectionsScreen },
  { screen: 'audit', labelKey: 'nav.audit', Component: AuditScreen },
  { screen: 'settings', labelKey: 'settings:nav', Component: SettingsScreen },
  { screen: 'accounts', labelKey: 'accounts:nav', Component: AccountsScreen, requires: 'accounts.manage' },
];

/** Tabs of the threat panel after Details and History. */
export const DETAIL_TABS: DetailTab[] = [
  { id: 'assessment', labelKey: 'assessment:tab.label', Component: AssessmentTab },
  { id: 'drafts', labelKey: 'drafting:tab', Component: DraftsTab },
  { id: 'timeline', labelKey: 'outcomes:tab', Component: OutcomesTab },
];
