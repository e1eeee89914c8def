// The browser-mode session store: a launch token buys one session; sessions end when idle; cookies are
// read exactly by name.
import { describe, expect, it } from 'vitest';
import { BrowserSessions, cookieValue, SESSION_COOKIE } from '../../../src/main/browser/session';

describe('BrowserSessions', () => {
  it('exchanges a launch token once, and tells a replay from a token it never issued', () => {
    const sessions = new BrowserSessions();
    const token = sessions.issueLaunchToken();
    const first = sessions.exchange(token);
    expect(first.ok).toBe(true);
    expect(sessions.exchange(token)).toEqual({ ok: false, reason: 'spent' });
    expect(sessions.exchange('never-issued')).toEqual({ ok: false, reason: 'unknown' });
    expect(sessions.exchange(undefined)).toEqual({ ok: false, reason: 'unknown' });
    if (!first.ok) throw new Error('unreachable');
    expect(sessions.authenticate(`${SESSION_COOKIE}=${first.sessionId}`)).toEqual(expect.any(String));
    // The token itself is never a session.
    expect(sessions.authenticate(`${SESSION_COOKIE}=${token}`)).toBeNull();
  });

  it('ends a session left idle, keeps one in use, and ends one on request', () => {
    let now = 0;
    const sessions = new BrowserSessions({ clock: () => now, idleMs: 1000 });
    const open = () => {
      const r = sessions.exchange(sessions.issueLaunchToken());
      if (!r.ok) throw new Error('no session');
      return `${SESSION_COOKIE}=${r.sessionId}`;
    };
    const busy = open();
    const idle = open();
    for (now = 500; now <= 3000; now += 500) expect(sessions.authenticate(busy)).toEqual(expect.any(String));
    expect(sessions.authenticate(idle)).toBeNull();
    sessions.end(busy);
    expect(sessions.authenticate(busy)).toBeNull();
  });

  it('gives each session a CSRF token of its own, checked against that session only', () => {
    const sessions = new BrowserSessions();
    const a = sessions.open();
    const b = sessions.open();
    const nameA = sessions.authenticate(`${SESSION_COOKIE}=${a.sessionId}`)!;
    expect(sessions.checkCsrf(nameA, a.csrf)).toBe(true);
    expect(sessions.checkCsrf(nameA, b.csrf)).toBe(false);
    expect(sessions.checkCsrf(nameA, a.sessionId)).toBe(false);
    expect(sessions.checkCsrf(nameA, undefined)).toBe(false);
    expect(sessions.checkCsrf(nameA, [a.csrf, a.csrf])).toBe(false);
    expect(sessions.checkCsrf('no such session', a.csrf)).toBe(false);
  });

  it('on the team server, sends its cookies over HTTPS only, and tells when an idle session ends', () => {
    let now = 0;
    const ended: string[] = [];
    const sessions = new BrowserSessions({
      secure: true,
      clock: () => now,
      idleMs: 1000,
      onEnd: (n) => ended.push(n),
    });
    const opened = sessions.open();
    const [session, csrf] = sessions.cookies(opened);
    expect(session).toBe(`${SESSION_COOKIE}=${opened.sessionId}; HttpOnly; Secure; SameSite=Strict; Path=/`);
    expect(csrf).toBe(`threshold_csrf=${opened.csrf}; Secure; SameSite=Strict; Path=/`);
    const name = sessions.authenticate(`${SESSION_COOKIE}=${opened.sessionId}`);
    now = 2000;
    expect(sessions.authenticate(`${SESSION_COOKIE}=${opened.sessionId}`)).toBeNull();
    expect(ended).toEqual([name]);
  });

  it('sets a cookie scripts cannot read and other sites never send', () => {
    expect(BrowserSessions.cookie('abc')).toBe(`${SESSION_COOKIE}=abc; HttpOnly; SameSite=Strict; Path=/`);
  });

  it('reads one cookie by its exact name', () => {
    const header = `x${SESSION_COOKIE}=no; ${SESSION_COOKIE}=yes; other=1`;
    expect(cookieValue(header, SESSION_COOKIE)).toBe('yes');
    expect(cookieValue(undefined, SESSION_COOKIE)).toBeUndefined();
    expect(cookieValue('a=b=c', 'a')).toBe('b=c');
  });
});
