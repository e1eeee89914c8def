// Live updates: every write a person makes is announced (topics and ids, never content, and who), reads
// are not; another program's commits to the same file (the CLI importing) are noticed through SQLite's
// data_version; browsers hear it all over Server-Sent Events at /live, only with a session.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBrowserServer } from '../../../src/main/browser/server';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { LIVE_TOPICS, type LiveNotice } from '../../../src/shared/domain/live';
import type { ThreatDetail } from '../../../src/shared/domain/threat-log';
import { openTestApp, tempDir } from '../../helpers/db';
import { ADMIN, cliEnv } from '../../helpers/people';
import { threat, workspace } from '../../fixtures/mini-workspace';

describe('what the services announce', () => {
  it('announces each write with its topics, the threats’ ids and who; reads announce nothing', async () => {
    const app = await openTestApp();
    await app.call('workspace:import', { format: 'json', content: JSON.stringify(workspace()) });
    const heard: LiveNotice[] = [];
    app.host.live.subscribe((n) => heard.push(n));
    await app.call('threats:list', {});
    await app.call('threats:get', { id: 'T-1' });
    expect(heard).toEqual([]);
    const t1 = await app.call<ThreatDetail>('threats:get', { id: 'T-1' });
    await app.call('threats:update', { threat: { ...t1.threat, title: 'Edited' }, expectedVersion: 1 });
    await app.call('assessment:save', { threatIds: ['T-2'] });
    const policy = await app.call<{ version: number }>('policy:get', {});
    await app.call('policy:save', { policy, expectedVersion: policy.version });
    expect(heard).toEqual([
      { kind: 'changed', topics: ['threats'], ids: ['T-1'], by: ADMIN.name },
      { kind: 'changed', topics: ['assessment', 'threats'], ids: expect.any(Array), by: ADMIN.name },
      { kind: 'changed', topics: ['policy', 'threats'], ids: expect.any(Array), by: ADMIN.name },
    ]);
    // A refused write announces nothing.
    heard.length = 0;
    await app.dispatch('threats:update', { threat: t1.threat, expectedVersion: 1 });
    expect(heard).toEqual([]);
  });

  it('notices the command line importing into the same file (data_version), and only then', async () => {
    const app = await openTestApp({ mode: 'browser' });
    await app.call('workspace:import', { format: 'json', content: JSON.stringify(workspace()) });
    const heard: LiveNotice[] = [];
    const stop = app.host.live.subscribe((n) => heard.push(n));
    expect(app.host.live.checkOtherPrograms()).toBe(false);
    // This process's own writes do not count as another program's.
    await app.call('threats:create', { threat: threat('T-OWN') });
    expect(app.host.live.checkOtherPrograms()).toBe(false);
    const file = path.join(tempDir(), 'more.json');
    fs.writeFileSync(file, JSON.stringify(workspace([threat('T-CLI')])));
    const io: CliIo = { out: () => undefined, err: () => undefined, env: cliEnv(), cwd: process.cwd() };
    expect(await main(['import', file, '--db', app.file], io)).toBe(0);
    expect(app.host.live.checkOtherPrograms()).toBe(true);
    expect(heard.at(-1)).toEqual({ kind: 'changed', topics: [...LIVE_TOPICS], ids: [], by: null });
    expect(app.host.live.checkOtherPrograms()).toBe(false);
    stop();
  });
});

/** GET /live with a cookie: the status, and the events as they arrive. */
function openStream(origin: string, cookie: string | null) {
  const events: unknown[] = [];
  let resolveStatus: (s: number) => void;
  const status = new Promise<number>((r) => (resolveStatus = r));
  const req = http.get(`${origin}/live`, { headers: cookie ? { Cookie: cookie } : {} }, (res) => {
    resolveStatus(res.statusCode ?? 0);
    let buffer = '';
    res.on('data', (d: Buffer) => {
      buffer += d.toString('utf8');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        for (const line of block.split('\n'))
          if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)));
      }
    });
  });
  req.on('error', () => undefined);
  return { status, events, close: () => req.destroy() };
}

describe('browser mode’s event stream', () => {
  it('streams what changed to a signed-in browser, and refuses one without a session', async () => {
    const app = await openTestApp({ mode: 'browser' });
    await app.call('workspace:import', { format: 'json', content: JSON.stringify(workspace()) });
    const server = await startBrowserServer({
      dispatch: app.host.dispatch,
      staticDir: tempDir(),
      live: app.host.live,
    });
    try {
      const anonymous = openStream(server.origin, null);
      expect(await anonymous.status).toBe(401);
      anonymous.close();

      const exchange = await fetch(`${server.origin}/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin },
        body: `token=${encodeURIComponent(server.token)}`,
      });
      // The session's cookie, and its CSRF token for the header of every write (as the renderer sends it).
      const cookies = exchange.headers.getSetCookie().map((c) => c.split(';')[0]!);
      const cookie = cookies.find((c) => c.startsWith('threshold_session='))!;
      const csrf = cookies.find((c) => c.startsWith('threshold_csrf='))!.slice('threshold_csrf='.length);
      const post = (channel: string, body: unknown) =>
        fetch(`${server.origin}/api/${channel}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Cookie: cookie,
            Origin: server.origin,
            'X-Threshold-CSRF': csrf,
          },
          body: JSON.stringify(body),
        }).then((r) => r.json() as Promise<{ ok: boolean }>);
      expect((await post('session:signIn', ADMIN)).ok).toBe(true);

      const stream = openStream(server.origin, cookie);
      expect(await stream.status).toBe(200);
      // Someone else (another session) saves: this browser hears of it.
      await app.call('threats:create', { threat: threat('T-LIVE') });
      await expect
        .poll(() => stream.events)
        .toEqual([{ kind: 'changed', topics: ['threats'], ids: ['T-LIVE'], by: ADMIN.name }]);
      // And of its own saves.
      expect((await post('threats:create', { threat: threat('T-MINE') })).ok).toBe(true);
      await expect.poll(() => stream.events.length).toBe(2);
      stream.close();
    } finally {
      await server.close();
    }
  });
});
