/** The grid's fixed measures and cell ids, shared by the rows, their cells and the keyboard model. */
export const nameColPx = 230;
export const cellId = (row: number, col: number) => `tl-cell-${row}-${col}`;
