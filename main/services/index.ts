/** Builds the handler map, its dispatcher and the event hub in one place. */
import { createDispatch, type Dispatch } from './dispatch';
import { createEventHub, type EventHub } from './event-hub';
import { createHandlers, type ServiceDeps } from './handlers';

export interface Services {
  dispatch: Dispatch;
  events: EventHub;
}

export function createServices(deps: Omit<ServiceDeps, 'events'>, log?: (line: string) => void): Services {
  const events = createEventHub();
  const handlers = createHandlers({ ...deps, events });
  return { dispatch: createDispatch(handlers, log), events };
}

export type { Dispatch, EventHub, ServiceDeps };
