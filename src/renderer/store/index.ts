// One store joined from slices by concern; components read small selectors.
import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice';
import { createAssessmentSlice, type AssessmentSlice } from './assessment-slice';
import { createDashboardSlice, type DashboardSlice } from './dashboard-slice';
import { createDraftingSlice, type DraftingSlice } from './drafting-slice';
import { createLiveSlice, type LiveSlice } from './live-slice';
import { createLogSlice, type LogSlice } from './log-slice';
import { createPartnersSlice, type PartnersSlice } from './partners-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createThreatSlice, type ThreatSlice } from './threat-slice';
import { createToastSlice, type ToastSlice } from './toast-slice';

export type StoreState = AppSlice &
  AssessmentSlice &
  LogSlice &
  ThreatSlice &
  ToastSlice &
  DraftingSlice &
  PartnersSlice &
  DashboardSlice &
  SessionSlice &
  LiveSlice;

export const useStore = create<StoreState>()((...a) => ({
  ...createAppSlice(...a),
  ...createAssessmentSlice(...a),
  ...createLogSlice(...a),
  ...createThreatSlice(...a),
  ...createToastSlice(...a),
  ...createDraftingSlice(...a),
  ...createPartnersSlice(...a),
  ...createDashboardSlice(...a),
  ...createSessionSlice(...a),
  ...createLiveSlice(...a),
}));
