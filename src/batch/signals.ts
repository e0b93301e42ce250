/**
 * SIGINT and SIGTERM, caught while a batch runs: the run stops taking rows, records what is done (manifest,
 * errors.csv), removes its temporary files, and says so; the caller exits 130 or 143. A second signal while
 * that happens is left to Node's default, which ends the process at once.
 */
export function catchSignals(): { readonly caught: 'SIGINT' | 'SIGTERM' | undefined; onStop(action: () => void): void; stop(): void } {
  const actions: (() => void)[] = [];
  const state = {
    caught: undefined as 'SIGINT' | 'SIGTERM' | undefined,
    onStop: (action: () => void) => void actions.push(action),
    stop: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
  const handler = (signal: 'SIGINT' | 'SIGTERM'): void => {
    state.caught ??= signal;
    state.stop();
    for (const action of actions) action();
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return state;
}
