/**
 * zoneMismatch: an MU on another zone than its BU (info: legitimate, but
 * every time of its agents reads differently on the BU clock), and any zone
 * luxon does not know (error: the checks that need it were skipped).
 */
import { badInputFinding, shown } from './bad-input';
import { minutesLabel, offsetLabel, zoneLabel } from './explain';
import { makeFinding } from './finding';
import { list, type Prepared } from './prepare';
import { ZoneClock } from '../time/zone-clock';
import type { Finding, ManagementUnitInput } from './types';

/** Aliases (US/Central, America/Chicago) are one zone; compare canonical names. */
function canonical(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
}

function mismatch(p: Prepared, bu: ZoneClock, mu: ManagementUnitInput, muClock: ZoneClock): Finding {
  const at = p.nowMs ?? 0;
  const buOffset = bu.offsetMinutes(at);
  const muOffset = muClock.offsetMinutes(at);
  const gap = buOffset - muOffset;
  const today =
    gap === 0
      ? 'the two clocks agree today but drift apart when only one of the zones changes DST'
      : `its agents' times read ${minutesLabel(Math.abs(gap))} ${gap > 0 ? 'later' : 'earlier'} on the BU clock than on their own, and the gap can change with DST`;
  return makeFinding('zoneMismatch', ['mu', mu.id], {
    severity: 'info',
    evidence: {
      managementUnitId: mu.id,
      managementUnitTimeZone: mu.timeZone,
      businessUnitTimeZone: bu.zone,
      offsetGapMinutes: gap,
    },
    explanation:
      `Management unit ${mu.name} is on ${mu.timeZone} (${zoneLabel(at, mu.timeZone)}, ${offsetLabel(muOffset)}) while the business unit is on ` +
      `${bu.zone} (${zoneLabel(at, bu.zone)}, ${offsetLabel(buOffset)}): ${today}`,
    suggestedFix: `View in BU zone when comparing with other units; nothing to correct if ${mu.name} really works on ${mu.timeZone} time, otherwise correct the MU's zone`,
  });
}

export function findZoneMismatches(p: Prepared): Finding[] {
  const findings: Finding[] = [];
  const buZone = p.input.businessUnit?.timeZone;
  const buId = String(p.input.businessUnit?.id);
  if (!p.bu) {
    findings.push(
      badInputFinding('zoneMismatch', ['businessUnit', buId], {
        problem: `The business unit's time zone ${shown(buZone)} is not a known time zone: times are shown in UTC, and the naive-UTC, DST and full-day time-off checks were skipped`,
        fix: `Correct the business unit's time zone in Genesys Cloud (Workforce Management > Business Units), then re-sync`,
        evidence: { businessUnitId: buId, timeZone: buZone },
      }),
    );
  }
  for (const mu of list(p.input.managementUnits)) {
    const muClock = p.units.get(mu.id);
    if (!muClock) {
      findings.push(
        badInputFinding('zoneMismatch', ['mu', String(mu.id)], {
          problem: `Management unit ${mu.name} has the time zone ${shown(mu.timeZone)}, which is not a known time zone: its agents' full-day requests and start patterns are read on the ${p.display.zone} clock instead`,
          fix: `Correct ${mu.name}'s time zone in Genesys Cloud (Workforce Management > Management Units), then re-sync`,
          evidence: { managementUnitId: mu.id, timeZone: mu.timeZone },
        }),
      );
    } else if (p.bu && canonical(muClock.zone) !== canonical(p.bu.zone)) {
      findings.push(mismatch(p, p.bu, mu, muClock));
    }
  }
  if (!ZoneClock.of(p.input.viewerTimeZone)) {
    findings.push(
      badInputFinding('zoneMismatch', ['viewer', String(p.input.viewerTimeZone)], {
        problem: `Your computer's time zone ${shown(p.input.viewerTimeZone)} is not a known time zone: times are shown on the business unit's clock only`,
        fix: 'Set a standard time zone (e.g. America/Chicago) in your system settings and reopen Publish Desk',
        evidence: { viewerTimeZone: p.input.viewerTimeZone },
      }),
    );
  }
  return findings;
}
