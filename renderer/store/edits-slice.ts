import type { SliceSet } from './index';
import type { AgentWeek } from '../../shared/publish/agent-week';
import type { EditIntent } from '../../shared/edits/types';
import { noSelection, type AgentSelection } from '../features/edits/selection';

/**
 * A one-click fix or a direct edit shown before it is kept: the intent, the week it would give the
 * agent (from a dry run), and its words. The timeline outlines the new placement while it is open.
 */
export interface EditPreview {
  agentId: string;
  intent: EditIntent;
  label: string;
  findingId: string | null;
  before: AgentWeek;
  after: AgentWeek;
  /** The change in words (before → after). */
  lines: string[];
}

/** The Timeline's edit state that is UI only: who is selected for a bulk edit, and the preview on screen. */
export interface EditsSlice {
  editSelection: AgentSelection;
  editPreview: EditPreview | null;
  bulkEditOpen: boolean;
  setEditSelection(selection: AgentSelection): void;
  setEditPreview(preview: EditPreview | null): void;
  setBulkEditOpen(open: boolean): void;
}

export function createEditsSlice(set: SliceSet): EditsSlice {
  return {
    editSelection: noSelection,
    editPreview: null,
    bulkEditOpen: false,
    setEditSelection: (editSelection) => set({ editSelection }),
    setEditPreview: (editPreview) => set({ editPreview }),
    setBulkEditOpen: (bulkEditOpen) => set({ bulkEditOpen }),
  };
}
