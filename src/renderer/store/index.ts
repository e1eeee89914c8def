// One store joined from slices by concern; components read small selectors.
import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice';
import { createLogSlice, type LogSlice } from './log-slice';
import { createThreatSlice, type ThreatSlice } from './threat-slice';
import { createToastSlice, type ToastSlice } from './toast-slice';

export type StoreState = AppSlice & LogSlice & ThreatSlice & ToastSlice;

export const useStore = create<StoreState>()((...a) => ({
  ...createAppSlice(...a),
  ...createLogSlice(...a),
  ...createThreatSlice(...a),
  ...createToastSlice(...a),
}));
