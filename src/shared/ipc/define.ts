// Building blocks of the IPC contract: one entry per channel, a request schema and a response type.
import { z } from 'zod';
import { LIMITS } from '../domain/workspace';

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res = unknown> {
  request: Req;
  /** Phantom: carries the response type only. */
  response: Res;
}

/** Declares a channel's response type without a runtime value. */
export function returns<T>(): T {
  return undefined as T;
}

export type ContractMap = Record<`${string}:${string}`, ChannelSpec>;

export type RequestOf<C extends ChannelSpec> = z.input<C['request']>;
export type ParsedRequestOf<C extends ChannelSpec> = z.output<C['request']>;
export type ResponseOf<C extends ChannelSpec> = C['response'];

/** The main-process side: one handler per channel, receiving the parsed request. */
export type HandlersOf<M extends { [K in keyof M]: ChannelSpec }> = {
  [K in keyof M]: (request: ParsedRequestOf<M[K]>) => ResponseOf<M[K]> | Promise<ResponseOf<M[K]>>;
};

/** A request naming one record by its id. */
export const IdRequest = z.strictObject({ id: z.string().min(1).max(LIMITS.id) });

/** A confirmation the user gave in the interface; required for what replaces or reveals. */
export const Confirmed = z.literal(true);
