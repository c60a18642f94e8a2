// `npm run bench [-- NAME]`: runs test/bench/NAME.bench.ts (all when no name),
// each printing one JSON object on its last line, saved to bench-results/NAME.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const wanted = process.argv[2];
const all = readdirSync('test/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
const names = wanted ? all.filter((n) => n === wanted) : all;
if (wanted && names.length === 0) {
  console.error(`No benchmark named "${wanted}". Available: ${all.join(', ')}`);
  process.exit(2);
}
mkdirSync('bench-results', { recursive: true });
let failed = false;
for (const name of names) {
  console.log(`\n== ${name}`);
  const run = spawnSync('node_modules/.bin/tsx', [path.join('test/bench', `${name}.bench.ts`)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) {
    // e.g. tsx missing on a fresh clone: say what to do rather than crash on a null stdout.
    console.error(`${name}: could not start (${run.error.message}); run \`npm ci\` first`);
    failed = true;
    continue;
  }
  process.stdout.write(run.stdout);
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  try {
    const figures = JSON.parse(last);
    writeFileSync(path.join('bench-results', `${name}.json`), JSON.stringify(figures, null, 2) + '\n');
  } catch {
    console.error(`${name}: no JSON on the last line (exit ${run.status})`);
    failed = true;
  }
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
