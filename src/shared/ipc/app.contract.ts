// About this installation, and who is using it.
import { z } from 'zod';
import type { AppInfo, Identity } from '../domain/app';
import { IdentitySchema } from '../domain/app';
import { returns } from './define';

export const appContract = {
  'app:info': { request: z.strictObject({}), response: returns<AppInfo>() },
  'app:setIdentity': { request: z.strictObject({ identity: IdentitySchema }), response: returns<Identity>() },
} as const;
