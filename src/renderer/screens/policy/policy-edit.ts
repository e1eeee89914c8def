// What each part of the policy editor gets: the edited policy and a way to change it.
import type { Policy } from '../../../shared/domain/policy';

export interface PolicyEdit {
  draft: Policy;
  /** Changes the edited policy (a copy is made first). */
  edit(change: (p: Policy) => void): void;
}
