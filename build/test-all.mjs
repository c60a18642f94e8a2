// `npm test`: every suite of Publish Desk in order, with one summary.
// typecheck → lint → build → vitest (unit, contract, integration, packaging)
// → Playwright e2e in Debian Chromium. The last line is `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './system-deps.mjs';

const results = [];
const bin = (name) => `node_modules/.bin/${name}`;

function run(command, args, env = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
}

function check(name, ok) {
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
  return ok;
}

function suiteFromReport(name, file, read) {
  if (!existsSync(file)) return check(`${name} (no report written)`, false);
  const counts = read(JSON.parse(readFileSync(file, 'utf8')));
  results.push({ name, ...counts });
  return counts.failed === 0;
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

let chromiumReady = true;
try {
  ensureChromium();
} catch (err) {
  console.error(err.message);
  chromiumReady = false;
}
check('system packages (chromium)', chromiumReady);

check('typecheck node', run(bin('tsc'), ['-p', 'tsconfig.node.json']));
check('typecheck web', run(bin('tsc'), ['-p', 'tsconfig.web.json']));
check('typecheck tests', run(bin('tsc'), ['-p', 'tsconfig.test.json']));
// Formatting is part of lint: Prettier decides, so reviews never argue about it (`npm run format` fixes).
check(
  'lint',
  run(bin('eslint'), ['.', '--max-warnings=0']) && run(bin('prettier'), ['--check', '.', '--log-level', 'warn']),
);
const built = check(
  'build',
  run(bin('vite'), ['build', '--logLevel', 'warn']) && run(process.execPath, ['build/build-main.mjs']),
);

run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json']);
suiteFromReport('vitest (unit, contract, integration, packaging)', 'test-results/vitest.json', (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests + (r.numTotalTestSuites > 0 && r.success === false && r.numFailedTests === 0 ? 1 : 0),
  skipped: r.numPendingTests + r.numTodoTests,
}));

if (built && chromiumReady) {
  run(bin('playwright'), ['test']);
  suiteFromReport('e2e (Playwright, Chromium)', 'test-results/e2e-report.json', (r) => ({
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected + (r.errors?.length ?? 0),
    skipped: r.stats.skipped,
  }));
} else {
  check('e2e (not run: build or chromium missing)', false);
}

const total = results.reduce(
  (t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }),
  {
    passed: 0,
    failed: 0,
    skipped: 0,
  },
);
console.log('\nSummary');
for (const r of results)
  console.log(
    `  ${r.failed ? 'FAIL' : 'ok  '}  ${r.name}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`,
  );
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed === 0 ? 0 : 1);
