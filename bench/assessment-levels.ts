// Benchmark: keeping every threat's level in step with the policy, and previewing a policy change,
// on a log of N threats (default 100,000). Goal: recomputing all levels in about 1–2 s.
// Run: npx tsx bench/assessment-levels.ts [N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { closeDatabase, openDatabase } from '../src/main/db/connection';
import { createContext } from '../src/main/context';
import { AssessmentService } from '../src/main/assessment/service';
import { ThreatRepository } from '../src/main/threats/repository';
import { ElectionRepository } from '../src/main/elections/repository';
import { DEFAULT_POLICY } from '../src/main/assessment/default-policy';
import { arbElection, arbThreat } from '../tests/helpers/arbitraries';

const N = Number(process.argv[2] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assess-bench-'));
const file = path.join(dir, 'bench.db');
const db = openDatabase(file);
const clock = () => new Date('2027-05-12T12:00:00Z');
const ctx = createContext(db, { dbPath: file, assetsDir: path.resolve('assets'), mode: 'cli', appVersion: 'bench', clock });

const elections = fc.sample(arbElection({ id: 'e1', from: '2027-05-01', to: '2027-06-30' }), { numRuns: 1, seed: 7 });
new ElectionRepository(db).upsert(elections[0]!, clock().toISOString());
const threats = fc.sample(arbThreat({ electionId: 'e1', from: '2027-03-01T00:00:00Z', to: '2027-06-30T00:00:00Z' }), { numRuns: N, seed: 42 });
const repo = new ThreatRepository(db);
let t0 = performance.now();
db.transaction(() => {
  threats.forEach((t, i) => repo.insert({ ...t, id: `b-${i}` }, { change: 'bench', by: null, at: clock().toISOString() }));
})();
console.log(`inserted ${N} threats in ${Math.round(performance.now() - t0)} ms`);

t0 = performance.now();
const service = new AssessmentService(ctx);
console.log(`first start (levels of ${N} threats never assessed): ${Math.round(performance.now() - t0)} ms`);

const edited = { ...DEFAULT_POLICY, thresholds: { ...DEFAULT_POLICY.thresholds, speakPublicly: 50 } };
t0 = performance.now();
const preview = service.preview(edited, 200);
console.log(`preview of a policy change over ${preview.total} threats: ${Math.round(performance.now() - t0)} ms (${preview.changed} change level)`);

t0 = performance.now();
service.savePolicy(edited, 'bench');
console.log(`save policy + recompute all ${N} levels: ${Math.round(performance.now() - t0)} ms`);

t0 = performance.now();
service.recomputeAll();
console.log(`recompute all (nothing changes): ${Math.round(performance.now() - t0)} ms`);

closeDatabase(db);
fs.rmSync(dir, { recursive: true, force: true });
