// The live updates of one process: what its writes changed, what other programs (the CLI importing)
// wrote to the same file, and a restore taking the database offline, told to every subscriber (the
// browser server's event streams, the desktop app's windows). Another program's writes are seen by
// polling SQLite's data_version, which changes only when another connection commits.
import type { LiveNotice, LiveTopic } from '../../shared/domain/live';
import { LIVE_TOPICS } from '../../shared/domain/live';

export type LiveListener = (notice: LiveNotice) => void;

/** What the server's event stream and the desktop shell subscribe to. */
export interface LiveFeed {
  subscribe(listener: LiveListener): () => void;
}

export interface LiveHubOptions {
  /** The open database's data_version, or null while none is open. */
  dataVersion?: () => number | null;
  /** How often to look for other programs' writes, while anyone is listening (default 400 ms). */
  pollMs?: number;
}

export class LiveHub implements LiveFeed {
  private readonly listeners = new Set<LiveListener>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastDataVersion: number | null = null;

  constructor(private readonly opts: LiveHubOptions = {}) {}

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    this.startPolling();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopPolling();
    };
  }

  publish(notice: LiveNotice): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(notice);
      } catch {
        // One window gone wrong must not keep the others from hearing.
      }
    }
  }

  /** Records changed here: the topics, and the ids (at most 200; none means "refetch the lists"). */
  changed(topics: readonly LiveTopic[], ids: readonly string[], by: string | null): void {
    if (topics.length === 0) return;
    this.publish({ kind: 'changed', topics: [...new Set(topics)], ids: [...new Set(ids)].slice(0, 200), by });
    // This process's own commits do not move its data_version; nothing to resync.
  }

  /** Looks once for another program's writes (the poll's step; tests call it directly). */
  checkOtherPrograms(): boolean {
    const version = this.opts.dataVersion?.() ?? null;
    const before = this.lastDataVersion;
    this.lastDataVersion = version;
    if (version === null || before === null || version === before) return false;
    this.publish({ kind: 'changed', topics: [...LIVE_TOPICS], ids: [], by: null });
    return true;
  }

  /** The database was swapped (a restore): its data_version starts afresh. */
  resetDataVersion(): void {
    this.lastDataVersion = this.opts.dataVersion?.() ?? null;
  }

  close(): void {
    this.stopPolling();
    this.listeners.clear();
  }

  private startPolling(): void {
    if (this.timer || !this.opts.dataVersion) return;
    this.lastDataVersion = this.opts.dataVersion();
    this.timer = setInterval(() => this.checkOtherPrograms(), this.opts.pollMs ?? 400);
    this.timer.unref?.();
  }

  private stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
