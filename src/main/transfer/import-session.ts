// One import, streamed: the file arrives in pieces (from the CLI's reads, or the app's chunks), each
// election, threat, partner and outcome observation is validated as soon as it is read, and threats are written in batches,
// all inside one transaction that commits at the end or rolls back (a problem, a cancel): all of it or
// none of it, without ever holding the whole file or all its threats. Re-importing the same ids updates
// them (keeping history), never duplicates them. A STIX 2.1 bundle read this way goes to the STIX import.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError, importRefusal, type ProblemLocation } from '../../shared/errors';
import { jsonPath } from '../../shared/domain/location';
import { findUnsafeShape } from '../../shared/domain/safe-shape';
import type { ImportProgress, ImportReport } from '../../shared/domain/transfer';
import { ElectionSchema, ThreatSchema, WorkspaceSchema, type Threat } from '../../shared/domain/workspace';
import type { ServiceContext } from '../context';
import type { WriteInfo } from '../db/versioned-documents';
import { ElectionRepository } from '../elections/repository';
import { importWorkspacePartners, validatePartners } from '../partners/transfer';
import { importWorkspaceOutcomes, parseOutcome } from '../outcomes/transfer';
import type { Outcome } from '../../shared/domain/outcomes';
import { unchanged } from '../records';
import { OrganisationService, parseProfile } from '../organisation/service';
import { firstSeenInFuture } from '../../shared/domain/threat-time';
import type { ThreatScoring } from '../threats/scoring';
import { ThreatStore } from '../threats/store';
import { ThreatCsvReader } from './csv';
import { SurrogateHalves } from './text-pieces';
import { JsonStreamError, WorkspaceJsonReader, type StreamedList } from './json-stream';

/** Threats written per batch (each batch's ids are looked up in one go). */
export const IMPORT_BATCH = 200;
const MAX_PROBLEMS = 20;
const EXTRA_KEY = 'workspace.extra';

const anyRecord = z.record(z.string(), z.unknown());

export class ImportSession {
  readonly progress: ImportProgress = { bytes: 0, elections: 0, threats: 0 };
  private readonly report: ImportReport;
  private readonly hash = createHash('sha256');
  private readonly elections: ElectionRepository;
  private readonly store: ThreatStore;
  private readonly info: WriteInfo;
  private readonly problems: ProblemLocation[] = [];
  private problemCount = 0;
  private batch: Threat[] = [];
  /** Every threat id of the file, with where it first is (a CSV line, a JSON index): repeats are refused. */
  private readonly idsInFile = new Map<string, number>();
  private readonly electionsInFile = new Map<string, number>();
  /** Elections the threats name, with the first place each is named (checked at the end). */
  private readonly electionsNamed = new Map<string, string>();
  private readonly relatedIds = new Set<string>();
  private readonly changedIds: string[] = [];
  /** Threats written before their election was read: scored again at the end. */
  private readonly scoreLater: string[] = [];
  private readonly partners: unknown[] = [];
  /** The file's outcome observations, validated one by one, written after its threats (a file may list
   *  them first). */
  private readonly outcomes: Outcome[] = [];
  /** Threats first seen later than the import (most often a wrong date): said in the report. */
  private readonly inFuture: { id: string; firstSeen: string }[] = [];
  private readonly now: Date;
  private score: ReturnType<ThreatScoring['scorer']>;
  private readonly json: WorkspaceJsonReader | null;
  private readonly csv: ThreatCsvReader | null;
  private state: 'open' | 'committed' | 'rolled back' = 'open';
  private readonly halves = new SurrogateHalves();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly scoring: ThreatScoring,
    readonly format: 'json' | 'csv',
    readonly fileName: string,
    /** Imports a STIX 2.1 bundle read whole (the STIX import: it writes in this transaction). */
    private readonly importBundle: (bundle: unknown, sha256: string) => ImportReport,
  ) {
    this.report = {
      format,
      elections: { created: 0, updated: 0, unchanged: 0 },
      threats: { created: 0, updated: 0, unchanged: 0 },
      warnings: [],
    };
    this.elections = new ElectionRepository(ctx.db);
    this.store = new ThreatStore(ctx.db);
    this.info = ctx.writeInfo('imported');
    this.now = ctx.clock();
    this.json =
      format === 'json'
        ? new WorkspaceJsonReader({ element: (list, i, v) => this.element(list, i, v) })
        : null;
    this.csv =
      format === 'csv' ? new ThreatCsvReader(fileName, (threat, line) => this.threat(threat, line)) : null;
    // One transaction from the first piece to the last. Foreign keys are checked at the commit, so that a
    // file may name its elections after its threats; the end says which are missing.
    ctx.db.exec('BEGIN IMMEDIATE');
    ctx.db.pragma('defer_foreign_keys = ON');
    this.score = scoring.scorer();
  }

  get open(): boolean {
    return this.state === 'open';
  }

  /** Reads the next piece of the file, writing what it completes. Throws (and rolls back) when the file is wrong. */
  write(piece: string): ImportProgress {
    this.assertOpen();
    // A piece may end between the two halves of a character outside the BMP (an emoji): the first half
    // waits for the next piece, so that no character is read (or hashed) as two broken ones.
    const text = this.halves.join(piece);
    this.hash.update(text, 'utf8');
    this.progress.bytes += Buffer.byteLength(text, 'utf8');
    this.guard(() => {
      if (this.json) this.json.write(text);
      else this.csv?.write(text);
      if (this.batch.length >= IMPORT_BATCH) this.flush();
    });
    return this.progress;
  }

  /** The end of the file: the last checks, the audit entry, the commit. */
  finish(): ImportReport {
    this.assertOpen();
    return this.guard(() => {
      const rest = this.halves.rest();
      if (rest) {
        // The file ends with half a character: read as it is, the reader says where.
        this.hash.update(rest, 'utf8');
        if (this.json) this.json.write(rest);
        else this.csv?.write(rest);
      }
      let skeleton: unknown = undefined;
      if (this.json) skeleton = this.json.end();
      else this.csv?.end();
      if (isBundle(skeleton)) return this.commitBundle(skeleton);
      this.problems.push(...(this.csv?.problems ?? []));
      this.problemCount += this.csv ? this.csv.problemCount : 0;
      if (skeleton !== undefined) this.checkSkeleton(skeleton);
      this.flush();
      this.checkElections();
      this.refuseIfProblems();
      this.warnDangling();
      if (this.partners.length > 0 || hasPartners(skeleton))
        this.report.partners = importWorkspacePartners(
          this.ctx,
          validatePartners(this.partners, this.fileName),
          this.info,
        );
      if (this.outcomes.length > 0)
        this.report.outcomes = importWorkspaceOutcomes(
          this.ctx,
          this.outcomes,
          this.info,
          this.fileName,
          (id) => this.idsInFile.has(id),
        );
      const organisation = isObject(skeleton) ? skeleton.organisation : undefined;
      if (organisation !== undefined)
        new OrganisationService(this.ctx).setInTransaction(
          parseProfile(organisation, ['organisation'], 'import-invalid'),
          `import of ${this.fileName}`,
        );
      if (this.inFuture.length) this.report.firstSeenInFuture = this.inFuture;
      this.keepExtra(skeleton);
      this.ctx.record('workspace.imported', 'workspace', {
        file: this.fileName,
        format: this.format,
        sha256: this.hash.digest('hex'),
        elections: this.report.elections,
        threats: this.report.threats,
        ...(this.report.partners ? { partners: this.report.partners } : {}),
        ...(this.report.outcomes ? { outcomes: this.report.outcomes } : {}),
      });
      const scored = this.changedIds.filter((id) => !this.scoreLater.includes(id));
      if (scored.length) this.ctx.events.emit('threatsChanged', { ids: scored, scored: true });
      if (this.scoreLater.length)
        this.ctx.events.emit('threatsChanged', { ids: this.scoreLater, scored: false });
      this.commit();
      return this.report;
    });
  }

  /** Nothing of the file stays. */
  cancel(): void {
    if (this.state === 'open') this.rollback();
  }

  private assertOpen(): void {
    if (this.state !== 'open')
      throw new AppError('conflict', {
        id: 'transfer/import-has-ended',
        params: { fileName: this.fileName, state: this.state },
      });
  }

  /** Runs a step; any failure rolls the whole import back and is said as an import error. */
  private guard<T>(step: () => T): T {
    try {
      return step();
    } catch (err) {
      this.rollback();
      if (err instanceof JsonStreamError)
        throw new AppError(
          'import-invalid',
          {
            id: err.where.startsWith('$') ? 'transfer/refused-at' : 'transfer/not-valid-json-at',
            params: { fileName: this.fileName, reason: err.message, where: err.where },
          },
          [{ where: err.where, message: err.message }],
        );
      throw err;
    }
  }

  private commit(): void {
    this.ctx.db.exec('COMMIT');
    this.state = 'committed';
  }

  private rollback(): void {
    if (this.state !== 'open') return;
    if (this.ctx.db.inTransaction) this.ctx.db.exec('ROLLBACK');
    this.state = 'rolled back';
  }

  private problem(p: ProblemLocation): void {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
  }

  private refuseIfProblems(): void {
    if (this.problems.length === 0) return;
    throw new AppError(
      'import-invalid',
      importRefusal(this.fileName, this.problems, this.problemCount),
      this.problems.slice(0, MAX_PROBLEMS),
    );
  }

  /** An element of the workspace's lists, validated where it stands. */
  private element(list: StreamedList, index: number, value: unknown): void {
    const at = `$.${list}[${index}]`;
    if (list === 'partners') {
      this.partners.push(value);
      return;
    }
    const unsafe = findUnsafeShape(value);
    if (unsafe) return this.problem({ where: `${at}${unsafe.slice(1)}`, message: unsafe });
    if (list === 'outcomes') {
      const parsed = parseOutcome(value, index);
      if (parsed.problems) for (const p of parsed.problems) this.problem(p);
      else this.outcomes.push(parsed.outcome);
      return;
    }
    if (list === 'elections') {
      const parsed = ElectionSchema.safeParse(value);
      if (!parsed.success) return this.zodProblems(list, index, parsed.error.issues);
      const first = this.electionsInFile.get(parsed.data.id);
      if (first !== undefined)
        return this.problem({
          where: `${at}.id`,
          message: `repeats the id ${parsed.data.id} of $.elections[${first}]`,
        });
      // The threats read so far are written as things stood; those from here on are scored with this
      // election's calendar.
      this.flush();
      this.electionsInFile.set(parsed.data.id, index);
      if (this.problems.length > 0) return;
      this.report.elections[this.elections.upsert(parsed.data, this.info.at, this.info.by)]++;
      this.progress.elections++;
      this.score = this.scoring.scorer();
      return;
    }
    const parsed = ThreatSchema.safeParse(value);
    if (!parsed.success) return this.zodProblems(list, index, parsed.error.issues);
    this.threat(parsed.data, index);
  }

  private zodProblems(
    list: StreamedList,
    index: number,
    issues: readonly { path: PropertyKey[]; message: string }[],
  ): void {
    for (const issue of issues.slice(0, 5))
      this.problem({ where: jsonPath([list, index, ...issue.path]), message: issue.message });
  }

  /** Where a threat is: `$.threats[i]` in a workspace, `line n` in a CSV file. */
  private whereOf(place: number, field?: string): string {
    if (this.format === 'csv') return `line ${place}${field ? ` (${field})` : ''}`;
    return `$.threats[${place}]${field ? `.${field}` : ''}`;
  }

  /** A valid threat: checked against the rest of the file, then queued for its batch. */
  private threat(threat: Threat, place: number): void {
    const first = this.idsInFile.get(threat.id);
    if (first !== undefined)
      return this.problem({
        where: this.whereOf(place, 'id'),
        message: `repeats the id ${threat.id} of ${this.whereOf(first)}`,
      });
    this.idsInFile.set(threat.id, place);
    if (!this.electionsNamed.has(threat.electionId))
      this.electionsNamed.set(threat.electionId, this.whereOf(place, 'electionId'));
    for (const r of threat.relatedIds ?? []) this.relatedIds.add(r);
    if (firstSeenInFuture(threat.time.firstSeen, this.now))
      this.inFuture.push({ id: threat.id, firstSeen: threat.time.firstSeen });
    this.progress.threats++;
    // After a problem, the rest is only checked: nothing more is written.
    if (this.problems.length > 0) return;
    this.batch.push(threat);
  }

  /** Writes the queued threats: one lookup of their ids, each written once with its level. */
  private flush(): void {
    if (this.batch.length === 0 || this.problems.length > 0) {
      this.batch = [];
      return;
    }
    const batch = this.batch;
    this.batch = [];
    const inLog = this.store.existingIds(batch.map((t) => t.id));
    for (const threat of batch) {
      const known = this.electionsInFile.has(threat.electionId) || this.elections.get(threat.electionId);
      if (!known) this.scoreLater.push(threat.id);
      const existing = inLog.has(threat.id) ? this.store.get(threat.id) : undefined;
      if (!existing) {
        this.store.insert(threat, this.info, this.score(threat));
        this.report.threats.created++;
        this.changedIds.push(threat.id);
      } else if (existing.meta.deletedAt === null && unchanged(existing.threat, threat)) {
        this.report.threats.unchanged++;
      } else {
        this.store.update(threat.id, threat, this.info, this.score(threat));
        if (existing.meta.deletedAt)
          this.store.setDeleted(threat.id, false, { ...this.info, change: 'undeleted by import' });
        this.report.threats.updated++;
        this.changedIds.push(threat.id);
      }
    }
  }

  /** The document around the lists: its format and fields, as the contract says. */
  private checkSkeleton(skeleton: unknown): void {
    const unsafe = findUnsafeShape(skeleton);
    if (unsafe) return this.problem({ where: unsafe.split(':')[0] ?? '$', message: unsafe });
    if (isObject(skeleton) && 'partners' in skeleton && !Array.isArray(skeleton.partners))
      this.problem({ where: '$.partners', message: 'must be a list of partners' });
    if (isObject(skeleton) && 'outcomes' in skeleton && !Array.isArray(skeleton.outcomes))
      this.problem({ where: '$.outcomes', message: 'must be a list of outcome observations' });
    const parsed = WorkspaceSchema.safeParse(skeleton);
    if (!parsed.success)
      for (const issue of parsed.error.issues.slice(0, MAX_PROBLEMS))
        this.problem({ where: jsonPath(issue.path), message: issue.message });
  }

  /** Every election a threat names is in the file or the workspace. */
  private checkElections(): void {
    for (const [id, where] of this.electionsNamed)
      if (!this.electionsInFile.has(id) && !this.elections.get(id))
        this.problem({ where, message: `no election with id ${id} in the file or the workspace` });
  }

  private warnDangling(): void {
    const dangling = [...this.relatedIds].filter((r) => !this.idsInFile.has(r) && !this.store.exists(r));
    if (dangling.length)
      this.report.warnings.push(
        `Related ids not in the log: ${dangling.slice(0, 10).join(', ')}${dangling.length > 10 ? ` and ${dangling.length - 10} more` : ''}.`,
      );
  }

  /** Top-level fields Threshold does not model are kept, to be exported again. */
  private keepExtra(skeleton: unknown): void {
    if (!isObject(skeleton)) return;
    const modelled = new Set([
      'format',
      'exportedAt',
      'elections',
      'threats',
      'partners',
      'organisation',
      'outcomes',
    ]);
    const extra = Object.fromEntries(Object.entries(skeleton).filter(([key]) => !modelled.has(key)));
    if (Object.keys(extra).length === 0) return;
    this.ctx.settings.set(EXTRA_KEY, {
      ...(this.ctx.settings.get<Record<string, unknown>>(EXTRA_KEY, anyRecord) ?? {}),
      ...extra,
    });
  }

  private commitBundle(bundle: unknown): ImportReport {
    // Nothing was written yet: a bundle holds no workspace lists. The STIX import writes it, in this transaction.
    const report = this.importBundle(bundle, this.hash.digest('hex'));
    this.commit();
    return report;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isBundle(v: unknown): boolean {
  return isObject(v) && v.type === 'bundle';
}

function hasPartners(skeleton: unknown): boolean {
  return isObject(skeleton) && 'partners' in skeleton;
}
