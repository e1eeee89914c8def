// About this installation.
import { z } from 'zod';
import type { AppInfo } from '../domain/app';
import { returns } from './define';

export const appContract = {
  'app:info': { request: z.strictObject({}), response: returns<AppInfo>() },
} as const;
