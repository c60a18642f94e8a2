/**
 * The grid's keyboard model as a pure reducer (WAI-ARIA grid pattern): one tab stop, arrows move
 * between agents (up/down) and along an agent's shifts (left/right; column 0 is the agent's name),
 * Home/End to the row's ends, Ctrl+Home/End to the first and last row, PageUp/PageDown by a screen.
 * Keys it does not own come back as an intent for the screen (drawer, findings, zoom).
 */

export interface GridFocus {
  row: number;
  /** 0: the row header (agent name or unit); k: the agent's k-th shift. */
  col: number;
}

export interface GridShape {
  rowCount: number;
  /** Cells in a row: 1 for a unit header or an agent whose shifts have not arrived. */
  colsOf(row: number): number;
  /** Rows one screen holds. */
  pageRows: number;
}

export type GridIntent =
  | { type: 'move'; focus: GridFocus }
  | { type: 'open' }
  | { type: 'finding'; direction: 1 | -1 }
  | { type: 'zoom'; direction: 1 | -1 }
  | { type: 'none' };

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** A row change keeps the column if the new row has it, so walking down a column of shifts stays in step. */
function toRow(row: number, col: number, shape: GridShape): GridFocus {
  const r = clamp(row, 0, Math.max(0, shape.rowCount - 1));
  return { row: r, col: clamp(col, 0, shape.colsOf(r) - 1) };
}

export function gridKey(focus: GridFocus, press: KeyPress, shape: GridShape): GridIntent {
  if (press.altKey || shape.rowCount === 0) return { type: 'none' };
  const ctrl = !!(press.ctrlKey || press.metaKey);
  const cols = shape.colsOf(focus.row);
  const move = (f: GridFocus): GridIntent => ({ type: 'move', focus: f });
  switch (press.key) {
    case 'ArrowDown':
      return move(toRow(focus.row + 1, focus.col, shape));
    case 'ArrowUp':
      return move(toRow(focus.row - 1, focus.col, shape));
    case 'ArrowRight':
      return move({ row: focus.row, col: clamp(focus.col + 1, 0, cols - 1) });
    case 'ArrowLeft':
      return move({ row: focus.row, col: clamp(focus.col - 1, 0, cols - 1) });
    case 'PageDown':
      return move(toRow(focus.row + shape.pageRows, focus.col, shape));
    case 'PageUp':
      return move(toRow(focus.row - shape.pageRows, focus.col, shape));
    case 'Home':
      return move(ctrl ? toRow(0, 0, shape) : { row: focus.row, col: 0 });
    case 'End':
      return move(ctrl ? toRow(shape.rowCount - 1, 0, shape) : { row: focus.row, col: cols - 1 });
    case 'Enter':
    case ' ':
      return ctrl ? { type: 'none' } : { type: 'open' };
    case 'n':
      return ctrl ? { type: 'none' } : { type: 'finding', direction: 1 };
    case 'p':
      return ctrl ? { type: 'none' } : { type: 'finding', direction: -1 };
    case '+':
    case '=':
      return ctrl ? { type: 'none' } : { type: 'zoom', direction: -1 };
    case '-':
      return ctrl ? { type: 'none' } : { type: 'zoom', direction: 1 };
    default:
      return { type: 'none' };
  }
}
