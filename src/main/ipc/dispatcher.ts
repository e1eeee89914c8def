// The one guarded entry for every request, from Electron IPC, browser mode or the CLI: known channel,
// safe shape, then the caller's session (the gate: signed in, unlocked, a role that allows the channel:
// someone who may not call a channel learns nothing from it, not even what its payload should be), then a
// valid payload (zod), then the handler, run as the session's account; always a result envelope, never a
// throw.
import { AppError, errorShape, type ErrorText, type Result } from '../../shared/errors';
import { contract, type Channel, type Contract } from '../../shared/ipc/contract';
import type { HandlersOf } from '../../shared/ipc/define';
import { problemOfIssue } from '../../shared/domain/problems';
import { findUnsafeShape } from '../../shared/domain/safe-shape';
import { runInScope, type Acting } from '../scope';
import { EXCLUSIVE_CHANNELS, isWriteChannel } from '../../shared/ipc/access';
import { busyError, isBusyError } from '../concurrency/busy';
import type { WriterQueue } from '../concurrency/writer-queue';

export type Handlers = HandlersOf<Contract>;

/** Who is calling, as the host knows it: the session of a desktop window, of a browser (its session
 *  cookie), or of a CLI run. Never taken from a payload. */
export interface Caller {
  session: string;
}

export type Dispatch = (channel: unknown, payload: unknown, caller?: Caller) => Promise<Result<unknown>>;

/** Decides whether the caller may call the channel, and as whom; throws an AppError when not. */
export type Gate = (channel: Channel, caller: Caller | undefined) => Acting | null;

export interface DispatcherOptions {
  gate?: Gate;
  onInternalError?: (err: unknown, channel: string) => void;
  /** The process's one writer queue: every write channel runs in it, one at a time. */
  writer?: WriterQueue;
  /** Told after a write channel answered ok (what live updates announce). */
  onWritten?: (channel: Channel, acting: Acting | null) => void;
}

export function isChannel(channel: unknown): channel is Channel {
  return typeof channel === 'string' && Object.prototype.hasOwnProperty.call(contract, channel);
}

export function createDispatcher(
  handlers: Handlers | (() => Handlers),
  options: DispatcherOptions | ((err: unknown, channel: string) => void) = {},
): Dispatch {
  const {
    gate,
    onInternalError = logInternal,
    writer,
    onWritten,
  } = typeof options === 'function' ? ({ onInternalError: options } as DispatcherOptions) : options;
  const handlerMap = typeof handlers === 'function' ? handlers : () => handlers;
  return async (channel, payload, caller) => {
    if (!isChannel(channel)) {
      // Not String(channel): an object without a prototype (or with a throwing toString) would throw here.
      const name =
        typeof channel === 'string' ? JSON.stringify(channel.slice(0, 100)) : `of type ${typeof channel}`;
      return fail('unknown-channel', { id: 'ipc/unknown-channel', params: { channel: name } });
    }
    try {
      const unsafe = findUnsafeShape(payload);
      if (unsafe) return fail('invalid-request', { id: 'ipc/request-refused', params: { reason: unsafe } });
      const acting = gate ? gate(channel, caller) : null;
      let parsed;
      try {
        parsed = contract[channel].request.safeParse(payload);
      } catch (err) {
        // zod itself can throw on exotic values (e.g. a "length" that is an object without a prototype,
        // found by tests/trust/fuzz-ipc.test.ts): that is a request we cannot read, not an internal error.
        return fail('invalid-request', {
          id: 'ipc/request-unreadable',
          params: { channel, reason: (err as Error).message },
        });
      }
      if (!parsed.success) {
        const problems = parsed.error.issues.slice(0, 20).map((i) => problemOfIssue(i));
        const list = problems.map((p) => `${p.where}: ${p.message}`).join('; ');
        return {
          ok: false,
          error: new AppError(
            'invalid-request',
            { id: 'ipc/request-invalid', params: { channel, problems: list } },
            problems,
          ).toShape(),
        };
      }
      const write = isWriteChannel(channel);
      if (writer && EXCLUSIVE_CHANNELS.has(channel) && writer.inFlight > 0)
        throw new AppError('try-later', {
          id: 'ipc/change-are-being-saved',
          params: { inFlight: writer.inFlight },
        });
      const run = () =>
        runInScope({ session: caller?.session ?? null, acting }, () => {
          // Read when its turn comes: a restore may have swapped the database while this one waited.
          const handler = handlerMap()[channel] as (request: unknown) => unknown;
          return handler(parsed.data);
        });
      const value = await (write && writer ? writer.run(run) : run());
      if (write) onWritten?.(channel, acting);
      return { ok: true, value };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toShape() };
      if (isBusyError(err)) return { ok: false, error: busyError().toShape() };
      onInternalError(err, channel);
      return fail('internal', { id: 'ipc/internal' });
    }
  };
}

function fail(code: 'unknown-channel' | 'invalid-request' | 'internal', text: ErrorText): Result<never> {
  return { ok: false, error: errorShape(code, text) };
}

function logInternal(err: unknown, channel: string): void {
  console.error(`[threshold] ${channel} failed:`, err);
}
