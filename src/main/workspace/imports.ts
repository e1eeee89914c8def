// The streamed imports of one database: at most one at a time (one connection, one transaction). While
// it is open, every other request is refused with "locked": it would otherwise run inside the import's
// transaction, see threats that a cancel removes, or be rolled back with it. An import that receives
// nothing for a while (its window closed, its terminal killed) is rolled back, so the log never stays
// locked.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { ImportProgress, ImportReport } from '../../shared/domain/transfer';
import type { ServiceContext } from '../context';
import type { ThreatScoring } from '../threats/scoring';
import type { ImportSession } from '../transfer/import-session';

/** The channels an open import answers (and the desktop app's reads of the file it imports, which touch
 *  no data); everything else waits for it. */
const IMPORT_CHANNELS = new Set([
  'workspace:importChunk',
  'workspace:importEnd',
  'workspace:importCancel',
  'files:read',
  'files:close',
]);

export interface ImportsOptions {
  /** An import without a piece for this long is cancelled (default: one minute). */
  idleMs?: number;
}

export class StreamedImports {
  private current: { id: string; session: ImportSession; idle: NodeJS.Timeout } | null = null;
  private readonly idleMs: number;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly scoring: ThreatScoring,
    private readonly open: (
      ctx: ServiceContext,
      scoring: ThreatScoring,
      format: 'json' | 'csv',
      fileName: string,
    ) => ImportSession,
    opts: ImportsOptions = {},
  ) {
    this.idleMs = opts.idleMs ?? 60_000;
  }

  begin(format: 'json' | 'csv', fileName: string): { importId: string } {
    if (this.current) throw this.busy();
    const session = this.open(this.ctx, this.scoring, format, fileName);
    const id = randomUUID();
    this.current = { id, session, idle: this.idleTimer() };
    return { importId: id };
  }

  chunk(importId: string, text: string): ImportProgress {
    const { session } = this.take(importId);
    try {
      const progress = session.write(text);
      this.keepAlive();
      return { ...progress };
    } finally {
      if (!session.open) this.close();
    }
  }

  end(importId: string): ImportReport {
    const { session } = this.take(importId);
    try {
      return session.finish();
    } finally {
      this.close();
    }
  }

  cancel(importId: string): { cancelled: boolean } {
    if (this.current?.id !== importId) return { cancelled: false };
    this.current.session.cancel();
    this.close();
    return { cancelled: true };
  }

  /** The handlers, refusing everything but the import's own channels while one is open. */
  guard<H extends object>(handlers: H): H {
    const guarded: Record<string, (payload: never) => unknown> = {};
    for (const [channel, handler] of Object.entries(handlers) as [string, (payload: never) => unknown][]) {
      guarded[channel] = IMPORT_CHANNELS.has(channel)
        ? handler
        : (payload) => {
            if (this.current) throw this.busy();
            return handler(payload);
          };
    }
    return guarded as unknown as H;
  }

  private take(importId: string): { session: ImportSession } {
    if (!this.current || this.current.id !== importId)
      throw new AppError('not-found', { id: 'workspace/import-has-ended-finished' });
    return this.current;
  }

  private busy(): AppError {
    const fileName = this.current?.session.fileName ?? 'a file';
    return new AppError('locked', { id: 'workspace/import-progress-wait-for', params: { fileName } });
  }

  private idleTimer(): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.current?.session.cancel();
      this.close();
    }, this.idleMs);
    timer.unref();
    return timer;
  }

  private keepAlive(): void {
    if (!this.current) return;
    clearTimeout(this.current.idle);
    this.current.idle = this.idleTimer();
  }

  private close(): void {
    if (this.current) clearTimeout(this.current.idle);
    this.current = null;
  }
}
