// One writer at a time: writes run in the order they arrived, each after the one before has settled
// (failed or not), and the queue says how many are in flight.
import { describe, expect, it } from 'vitest';
import { WriterQueue } from '../../../src/main/concurrency/writer-queue';
import { isWriteChannel } from '../../../src/shared/ipc/access';

describe('the writer queue', () => {
  it('runs writes one at a time, in order, whatever each one awaits', async () => {
    const queue = new WriterQueue();
    const log: string[] = [];
    const write = (name: string, ticks: number, fail = false) =>
      queue.run(async () => {
        log.push(`${name} begins`);
        for (let i = 0; i < ticks; i++) await Promise.resolve();
        log.push(`${name} ends`);
        if (fail) throw new Error(`${name} failed`);
        return name;
      });
    const a = write('a', 5);
    const b = write('b', 0, true);
    const c = write('c', 1);
    expect(queue.inFlight).toBe(3);
    expect(await a).toBe('a');
    await expect(b).rejects.toThrow('b failed');
    expect(await c).toBe('c');
    expect(log).toEqual(['a begins', 'a ends', 'b begins', 'b ends', 'c begins', 'c ends']);
    expect(queue.inFlight).toBe(0);
  });

  it('queues every channel that may write, and no read', () => {
    expect(isWriteChannel('threats:update')).toBe(true);
    expect(isWriteChannel('policy:save')).toBe(true);
    expect(isWriteChannel('backups:restore')).toBe(true);
    // Sign-in checks the passphrase beside the queue; its own writes are queued by the session service.
    expect(isWriteChannel('session:signIn')).toBe(false);
    expect(isWriteChannel('threats:list')).toBe(false);
    expect(isWriteChannel('threats:get')).toBe(false);
    expect(isWriteChannel('session:status')).toBe(false);
  });
});
