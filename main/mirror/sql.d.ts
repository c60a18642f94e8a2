/** SQL files are bundled as text (esbuild `text` loader, a Vite transform in tests). */
declare module '*.sql' {
  const sql: string;
  export default sql;
}
