/** The forecasts tests' sandbox (seed 7) and the paths and lookups they share. */
import { DateTime } from 'luxon';
import { afterAll, beforeAll } from 'vitest';
import type { BusinessUnitState, ShortTermForecastState } from '../../main/sandbox/org/model';
import { openSandbox, type SandboxSession } from './harness';

export const wfm = '/api/v2/workforcemanagement';
export const zone = 'America/Chicago';
export const quarter = 15 * 60_000;

/** Opens the sandbox for the file's tests (closed after them); the accessors read it once it is open. */
export function forecastSession() {
  let s: SandboxSession;
  let buId: string;
  beforeAll(async () => {
    s = await openSandbox({ seed: 7 });
    buId = s.sandbox.businessUnitId;
  });
  afterAll(() => s.close());
  const bu = (): BusinessUnitState => s.sandbox.runtime.org.businessUnits.get(buId)!;
  const forecastsPath = (week: string) => `${wfm}/businessunits/${buId}/weeks/${week}/shorttermforecasts`;
  return {
    session: () => s,
    buId: () => buId,
    bu,
    weeks: () => s.sandbox.runtime.manifest.weeks,
    forecastsPath,
    forecastOf: (week: string): ShortTermForecastState =>
      [...bu().shortTermForecasts!.values()].find((f) => f.weekDate === week)!,
    requirementPath: (f: { id: string; weekDate: string }) =>
      `${forecastsPath(f.weekDate)}/${f.id}/staffingrequirement`,
  };
}

/** BU-local midnight of a date, as epoch ms. */
export const midnight = (date: string) => DateTime.fromISO(date, { zone }).startOf('day').toMillis();
