/** Typed fan-out of contract events to whichever transports are attached. */
import type { OpsEventName, OpsEvents } from '../../shared/contract';

export type EventSink = <E extends OpsEventName>(name: E, payload: OpsEvents[E]) => void;

export interface EventHub {
  emit<E extends OpsEventName>(name: E, payload: OpsEvents[E]): void;
  /** Attach a transport; returns a detach function. */
  attach(sink: EventSink): () => void;
}

export function createEventHub(): EventHub {
  const sinks = new Set<EventSink>();
  return {
    emit(name, payload) {
      for (const sink of sinks) {
        try {
          sink(name, payload);
        } catch {
          // One closed window or socket must not stop delivery to the others.
        }
      }
    },
    attach(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
  };
}
