/** A small typed event emitter: one listener throwing must not stop the others (or the socket). */
export interface Listeners<M> {
  on<K extends keyof M>(name: K, listener: (event: M[K]) => void): () => void;
  emit<K extends keyof M>(name: K, event: M[K]): void;
}

export function createListeners<M>(onListenerError: (name: keyof M, err: unknown) => void): Listeners<M> {
  const byName = new Map<keyof M, Set<(event: never) => void>>();
  return {
    on(name, listener) {
      const set = byName.get(name) ?? new Set();
      byName.set(name, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    emit(name, event) {
      for (const listener of byName.get(name) ?? []) {
        try {
          (listener as (e: typeof event) => void)(event);
        } catch (err) {
          onListenerError(name, err);
        }
      }
    },
  };
}
