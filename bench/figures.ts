// The benchmark's figures, in the order they run (import first: it builds the database the others use).
import type { Workspace } from '../src/shared/domain/workspace';
import { importRatio } from './figures/import';
import { pageQueryRatio, searchP95Ms } from './figures/query';
import { rendererBundleGzKB } from './figures/bundle';
import { firstRowsMs, filterMs } from './figures/browser';
import { draftDocxRatio } from './figures/draft';
import { assessAllRatio, clusterAllMs } from './figures/assess';
import { levelsRecomputeMs } from './figures/levels';
import { importPeakMB } from './figures/import-memory';

export interface BenchContext {
  workDir: string;
  workspace: Workspace;
  text: string;
  /** The generated workspace as a file, for the figures that import it from disk. */
  workspaceFile: string;
  threats: number;
  mainDb: string;
  progress(msg: string): void;
}

export interface Figure {
  id: string;
  what: string;
  goalText: string;
  /** True for a figure that reads nothing of the imported database (`--only` then skips the import). */
  standalone?: boolean;
  /** Whether the goal holds, judged on the median of the runs. */
  met(value: number): boolean;
  /** The figure's value in each of its runs (a ratio: app ÷ bare, paired run by run). */
  measure(ctx: BenchContext): Promise<number[]>;
}

export const FIGURES: Figure[] = [
  importRatio,
  pageQueryRatio,
  searchP95Ms,
  assessAllRatio,
  clusterAllMs,
  levelsRecomputeMs,
  draftDocxRatio,
  rendererBundleGzKB,
  firstRowsMs,
  filterMs,
  importPeakMB,
];
