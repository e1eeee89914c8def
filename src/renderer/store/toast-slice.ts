// Short messages, some with an action (Undo). Text is given as i18n keys so it follows the language.
import type { StateCreator } from 'zustand';
import type { StoreState } from './index';

export interface Message {
  key: string;
  values?: Record<string, unknown>;
}

export interface Toast {
  id: number;
  message: Message;
  tone?: 'info' | 'error';
  action?: { label: Message; run: () => unknown };
}

export interface ToastSlice {
  toasts: Toast[];
  pushToast(toast: Omit<Toast, 'id'>): void;
  dismissToast(id: number): void;
}

let nextId = 1;

export const createToastSlice: StateCreator<StoreState, [], [], ToastSlice> = (set, get) => ({
  toasts: [],
  pushToast(toast) {
    const id = nextId++;
    set({ toasts: [...get().toasts.slice(-3), { ...toast, id }] });
    // Long enough to read and reach with the keyboard; errors stay until dismissed.
    if (toast.tone !== 'error') setTimeout(() => get().dismissToast(id), toast.action ? 15000 : 6000);
  },
  dismissToast(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
});
