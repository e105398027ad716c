// Concurrent callers of the same read share the one in flight; nothing is kept once it settles,
// so the next caller reads again. A burst of requests or run starts that all need the same small
// document (a workflow's state, its variables) costs the database one read instead of one each,
// and no caller sees data read before it asked by more than that one read's time.
// The value is shared: callers must not change it.
const inFlight = new Map<string, Promise<unknown>>();

export function sharedRead<T>(key: string, read: () => Promise<T>): Promise<T> {
  const pending = inFlight.get(key) as Promise<T> | undefined;
  if (pending) return pending;
  const started = read();
  inFlight.set(key, started);
  void started.finally(() => inFlight.get(key) === started && inFlight.delete(key)).catch(() => {});
  return started;
}
