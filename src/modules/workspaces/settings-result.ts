import type { WorkspaceEntity } from './workspace.model';

// What a settings change returns, for the confirmation card.
export interface ConfigResult {
  workspace: WorkspaceEntity;
  /** Leads moved out of removed stages (a stage change only). */
  moved: { from: string; to: string; count: number }[];
}
