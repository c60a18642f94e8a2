import type { Route } from '../http/route';
import type { SandboxRuntime } from '../runtime';
import { agentHistoryRoute } from './agent-history';
import { agentSchedulesQueryRoute } from './agent-schedules-query';
import { businessUnitRoutes } from './business-units';
import { forecastRoutes } from './forecasts';
import { scheduleImportRoutes } from './schedule-import';
import { scheduleUpdateRoutes } from './schedule-update';
import { scheduleRoutes } from './schedules';
import { timeOffRoutes } from './time-off';

/** Every Workforce Management path the sandbox serves. */
export function wfmRoutes(runtime: SandboxRuntime): Route[] {
  return [
    ...businessUnitRoutes(runtime),
    ...scheduleRoutes(runtime),
    agentSchedulesQueryRoute(runtime),
    agentHistoryRoute(runtime),
    ...scheduleUpdateRoutes(runtime),
    ...scheduleImportRoutes(runtime),
    ...timeOffRoutes(runtime),
    ...forecastRoutes(runtime),
  ];
}
