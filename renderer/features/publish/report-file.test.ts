import { describe, expect, it } from 'vitest';
import { reportMime, safeFileName } from './report-file';
import { errorWords } from './error-words';
import { OpsCallError } from '../../bridge/call-error';

describe('the report file', () => {
  it('keeps a safe suggested name and its extension', () => {
    expect(safeFileName('publish-2026-11-23-abc.csv', 'csv')).toBe('publish-2026-11-23-abc.csv');
    expect(safeFileName('../../etc/passwd', 'json')).toBe('-..-etc-passwd.json');
    expect(safeFileName('week of 23 nov', 'csv')).toBe('week_of_23_nov.csv');
    expect(safeFileName('', 'json')).toBe('publish-report.json');
    expect(reportMime.csv).toBe('text/csv');
  });
});

describe('errors in words', () => {
  it("gives main's words with the next step, never an internal error's text", () => {
    expect(errorWords(new OpsCallError('failed', 'Genesys did not answer.', 'unavailable'))).toMatch(
      /^Genesys did not answer\. .*network/,
    );
    expect(errorWords(new OpsCallError('failed', 'Signed out.', 'auth'))).toMatch(/Connections screen/);
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')\n    at foo (a.js:1:1)");
    expect(errorWords(bug)).not.toContain('at foo');
    expect(errorWords(bug)).toMatch(/restart Publish Desk/);
  });
});
