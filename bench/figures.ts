// The benchmark's figures, in the order they run (import first: it builds the database the others use).
import type { Workspace } from '../src/shared/domain/workspace';
import { importRatio } from './figures/import';
import { pageQueryRatio, searchP95Ms } from './figures/query';
import { rendererBundleGzKB } from './figures/bundle';
import { firstRowsMs, filterMs } from './figures/browser';
import { draftDocxRatio } from './figures/draft';
import { assessAllRatio, clusterAllMs } from './figures/assess';
import { levelsRecomputeMs } from './figures/levels';

export interface BenchContext {
  workDir: string;
  workspace: Workspace;
  text: string;
  threats: number;
  mainDb: string;
  progress(msg: string): void;
}

export interface Figure {
  id: string;
  what: string;
  goalText: string;
  met(value: number): boolean;
  measure(ctx: BenchContext): Promise<number>;
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
];
