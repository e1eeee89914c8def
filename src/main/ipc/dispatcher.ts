// The one guarded entry for every request, from Electron IPC or browser mode: known channel,
// safe shape, valid payload (zod), then the handler; always a result envelope, never a throw.
import { AppError, type Result } from '../../shared/errors';
import { contract, type Channel, type Contract } from '../../shared/ipc/contract';
import type { HandlersOf } from '../../shared/ipc/define';
import { problemOfIssue } from '../../shared/domain/problems';
import { findUnsafeShape } from '../../shared/domain/safe-shape';

export type Handlers = HandlersOf<Contract>;
export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

export function isChannel(channel: unknown): channel is Channel {
  return typeof channel === 'string' && Object.prototype.hasOwnProperty.call(contract, channel);
}

export function createDispatcher(
  handlers: Handlers,
  onInternalError: (err: unknown, channel: string) => void = logInternal,
): Dispatch {
  return async (channel, payload) => {
    if (!isChannel(channel)) {
      // Not String(channel): an object without a prototype (or with a throwing toString) would throw here.
      const name =
        typeof channel === 'string' ? JSON.stringify(channel.slice(0, 100)) : `of type ${typeof channel}`;
      return fail('unknown-channel', `There is no channel named ${name}.`);
    }
    try {
      const unsafe = findUnsafeShape(payload);
      if (unsafe) return fail('invalid-request', `The request was refused: ${unsafe}.`);
      let parsed;
      try {
        parsed = contract[channel].request.safeParse(payload);
      } catch (err) {
        // zod itself can throw on exotic values (e.g. a "length" that is an object without a prototype,
        // found by tests/trust/fuzz-ipc.test.ts): that is a request we cannot read, not an internal error.
        return fail(
          'invalid-request',
          `The request to ${channel} could not be read: ${(err as Error).message}.`,
        );
      }
      if (!parsed.success) {
        const problems = parsed.error.issues.slice(0, 20).map((i) => problemOfIssue(i));
        return {
          ok: false,
          error: {
            code: 'invalid-request',
            message: `The request to ${channel} is not valid: ${problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`,
            problems,
          },
        };
      }
      const handler = handlers[channel] as (request: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toShape() };
      onInternalError(err, channel);
      return fail(
        'internal',
        'Something went wrong inside Threshold; nothing was changed. The details are in the log.',
      );
    }
  };
}

function fail(code: 'unknown-channel' | 'invalid-request' | 'internal', message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function logInternal(err: unknown, channel: string): void {
  console.error(`[threshold] ${channel} failed:`, err);
}
