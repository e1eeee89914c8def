// Bad input: every channel of the IPC contract (CHANNELS, so channels added later are fuzzed too),
// through the one dispatcher the desktop app, browser mode and the CLI share, with hostile payloads.
// Each call must answer with a typed error envelope (never 'internal', never a throw); an invalid
// payload must be refused as 'invalid-request' and change nothing in the database.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, CHANNELS } from '../../src/shared/ipc/contract';
import { ERROR_CODES, type Result } from '../../src/shared/errors';
import { findUnsafeShape } from '../../src/shared/domain/safe-shape';
import { openTestApp, type TestApp } from '../helpers/db';
import { databaseFingerprint } from '../helpers/snapshot';
import { deeplyNested, hostilePayload, HUGE_SIZES, wrongKindPayload } from './fuzz-arbitraries';
import { recordFigures } from './helpers';

const LONG = process.env.THRESHOLD_LONG_TESTS === '1';
const RUNS_PER_CHANNEL = Number(process.env.THRESHOLD_FUZZ_RUNS ?? (LONG ? 400 : 40));
const WRONG_KIND_RUNS = LONG ? 100 : 10;

let app: TestApp;
let fingerprint: string;
const internalErrors: { channel: string; err: unknown }[] = [];
const tally = {
  cases: 0,
  invalid: 0,
  valid: 0,
  byChannel: {} as Record<string, number>,
  codes: {} as Record<string, number>,
};

beforeAll(async () => {
  app = openTestApp({ keep: true });
  // A workspace with content, so that ids exist and handlers have something to work on.
  await app.call('workspace:loadSample');
  fingerprint = databaseFingerprint(app.db);
});

afterAll(() => app.close());

function isValid(channel: (typeof CHANNELS)[number], payload: unknown): boolean {
  try {
    return findUnsafeShape(payload) === null && contract[channel].request.safeParse(payload).success;
  } catch {
    return false;
  }
}

const totalChanges = () => app.db.prepare('SELECT total_changes()').pluck().get() as number;

async function check(channel: string, payload: unknown, how: string): Promise<void> {
  const valid = CHANNELS.includes(channel as never) && isValid(channel as never, payload);
  const changesBefore = totalChanges();
  const dispatch = app.ctx ? createDispatch() : app.dispatch;
  let result: Result<unknown>;
  try {
    result = await dispatch(channel, payload);
  } catch (err) {
    throw new Error(`${channel} threw instead of answering (${how}): ${(err as Error).message}`);
  }
  tally.cases++;
  tally.byChannel[channel] = (tally.byChannel[channel] ?? 0) + 1;
  expect(typeof result.ok, `${channel}: ${how}`).toBe('boolean');
  if (!result.ok) {
    tally.codes[result.error.code] = (tally.codes[result.error.code] ?? 0) + 1;
    expect(ERROR_CODES, `${channel}: ${how}`).toContain(result.error.code);
    expect(typeof result.error.message).toBe('string');
    expect(result.error.code, `${channel} answered 'internal' (${how}): ${result.error.message}`).not.toBe(
      'internal',
    );
  }
  if (valid) {
    tally.valid++;
    fingerprint = databaseFingerprint(app.db);
    return;
  }
  tally.invalid++;
  expect(result.ok, `${channel} accepted an invalid payload (${how})`).toBe(false);
  if (!result.ok)
    expect(
      ['invalid-request', 'unknown-channel'],
      `${channel}: ${how}: ${result.error.message.slice(0, 200)}`,
    ).toContain(result.error.code);
  expect(totalChanges(), `${channel} wrote after refusing (${how})`).toBe(changesBefore);
  expect(databaseFingerprint(app.db), `${channel} changed the database after refusing (${how})`).toBe(
    fingerprint,
  );
}

// The dispatcher of the test app, with internal errors collected for the report.
let dispatchWithLog: TestApp['dispatch'] | undefined;
function createDispatch(): TestApp['dispatch'] {
  if (!dispatchWithLog) {
    dispatchWithLog = async (channel, payload) => {
      const r = await app.dispatch(channel, payload);
      if (!r.ok && r.error.code === 'internal')
        internalErrors.push({ channel: String(channel), err: r.error.message });
      return r;
    };
  }
  return dispatchWithLog;
}

describe(`fuzzing every IPC channel (${CHANNELS.length} channels)`, () => {
  for (const channel of CHANNELS) {
    it(`${channel}: hostile payloads get typed refusals and change nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(hostilePayload(contract[channel].request), async ({ payload, how }) => {
          await check(channel, payload, how.join(', ') || 'unchanged');
        }),
        { numRuns: RUNS_PER_CHANNEL },
      );
      await fc.assert(
        fc.asyncProperty(wrongKindPayload, async (payload) => {
          await check(channel, payload, 'wrong kind of payload');
        }),
        { numRuns: WRONG_KIND_RUNS },
      );
      // The fixed worst cases, every channel: 10,000 levels of nesting, arrays, pollution at the top.
      for (const [payload, how] of [
        [deeplyNested(10_000), '10,000 levels of objects'],
        [deeplyNested(10_000, {}, true), '10,000 levels of arrays'],
        [JSON.parse('{"__proto__": {"polluted": true}}'), '__proto__ from JSON.parse'],
        [
          JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
          'constructor.prototype from JSON.parse',
        ],
        [[{}], 'an array for the request object'],
        // Found by the long fuzz run: zod threw on a string field given an object whose "length" has no prototype.
        [
          {
            id: { 0: 'x', length: Object.create(null) },
            threatIds: [{ length: Object.create(null) }],
            name: { length: Object.create(null) },
          },
          'a length without a prototype',
        ],
      ] as const) {
        await check(channel, payload, how);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('unknown and hostile channel names are refused as unknown-channel', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.constantFrom(
            '__proto__',
            'constructor',
            'toString',
            'hasOwnProperty',
            'threats:list ',
            'THREATS:LIST',
            'threats:__proto__',
            '',
          ),
          fc.anything(),
        ),
        async (channel) => {
          fc.pre(!CHANNELS.includes(channel as never));
          const r = await createDispatch()(channel, {});
          tally.cases++;
          expect(r).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
        },
      ),
      { numRuns: LONG ? 1000 : 100 },
    );
    // Found by this fuzz: a channel that cannot be turned into a string made the dispatcher throw.
    for (const channel of [
      Object.create(null),
      {
        toString: () => {
          throw new Error('no');
        },
      },
      Symbol('x'),
      12n,
    ]) {
      await expect(createDispatch()(channel, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown-channel' },
      });
      tally.cases++;
    }
  });

  it('nothing answered internal, nothing polluted, and the figures are recorded', () => {
    expect(internalErrors).toEqual([]);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(tally.invalid).toBeGreaterThan(CHANNELS.length * RUNS_PER_CHANNEL * 0.5);
    console.log(
      `IPC fuzz: ${tally.cases} calls over ${CHANNELS.length} channels (${tally.invalid} ` +
        `invalid, ${tally.valid} valid); codes ${JSON.stringify(tally.codes)}`,
    );
    recordFigures(LONG ? 'fuzz-ipc-long' : 'fuzz-ipc', {
      channels: CHANNELS.length,
      cases: tally.cases,
      invalid: tally.invalid,
      valid: tally.valid,
      codes: tally.codes,
      hugeStrings: HUGE_SIZES,
      internal: internalErrors.length,
    });
  });
});
