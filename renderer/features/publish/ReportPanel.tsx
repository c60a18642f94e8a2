import { useEffect, useState } from 'react';
import { errorWords } from './error-words';
import { usePublishReport } from './mutations';
import { reportMime, safeFileName } from './report-file';

interface Saved {
  url: string;
  fileName: string;
}

/** Step 7: the audit report (every attempt, version, contextId, who and when, each agent's outcome) as JSON or CSV. */
export function ReportPanel({ jobId }: { jobId: string }) {
  const report = usePublishReport(jobId);
  const [saved, setSaved] = useState<Saved | null>(null);
  // The file's object URL lives as long as its link: a new report or leaving the screen frees it.
  useEffect(
    () => () => {
      if (saved) URL.revokeObjectURL(saved.url);
    },
    [saved],
  );
  const make = (format: 'json' | 'csv') =>
    report.mutate(format, {
      onSuccess: (file) => {
        const blob = new Blob([file.content], { type: reportMime[file.format] });
        setSaved({ url: URL.createObjectURL(blob), fileName: safeFileName(file.fileName, file.format) });
      },
    });
  return (
    <section className="panel pub-panel" aria-labelledby="pub-report">
      <h2 id="pub-report">Report</h2>
      <div className="actions">
        <button type="button" disabled={report.isPending} onClick={() => make('json')}>
          Export JSON
        </button>
        <button type="button" disabled={report.isPending} onClick={() => make('csv')}>
          Export CSV
        </button>
        {saved && (
          <a className="pub-download" href={saved.url} download={saved.fileName} data-testid="report-link">
            Save {saved.fileName}
          </a>
        )}
      </div>
      {report.error && (
        <p className="error-text" role="alert">
          {errorWords(report.error)}
        </p>
      )}
    </section>
  );
}
