/**
 * The one place where a stop signal becomes an exit code: 128 + the signal's number, as shells report it.
 * Ctrl-C (SIGINT) is 130, a kill or a pod's shutdown (SIGTERM) is 143, a closed terminal (SIGHUP) 129.
 */
export const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof SIGNAL_EXIT;

type Stopper = (signal: StopSignal) => void | Promise<void>;
const stoppers = new Set<Stopper>();

/**
 * Runs `stop` when placard is stopped, before it exits with SIGNAL_EXIT[signal]: a batch writes errors.csv, its
 * manifest and the summary here. Returns the function that removes it again (call it when the work is done).
 */
export function onStop(stop: Stopper): () => void {
  stoppers.add(stop);
  return () => stoppers.delete(stop);
}

/** What bin/placard.js needs of the process, so a test can hand in its own. */
export interface SignalTarget {
  on(signal: StopSignal, listener: () => void): unknown;
  listenerCount(signal: StopSignal): number;
  exit(code: number): never;
}

/**
 * SIGHUP last: Node itself catches SIGINT and SIGTERM from the start, not SIGHUP, so a handler for SIGHUP (seen in
 * /proc/<pid>/status) means placard's handlers are all in. A test that waited for it and then sent SIGINT could
 * find SIGINT's not yet in when SIGHUP came first (the process then died of the signal, exit code none).
 */
const INSTALL_ORDER: readonly StopSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Installs the handlers (bin/placard.js only; main() never touches the process). The first signal runs every
 * stopper, then exits with the signal's code; a second one while they run exits at once.
 */
export function exitOnSignals(target: SignalTarget): void {
  let stopping = false;
  for (const signal of INSTALL_ORDER) {
    target.on(signal, () => {
      if (stopping) target.exit(SIGNAL_EXIT[signal]);
      stopping = true;
      // A part of placard that listens for the signal itself finishes its work and exits with SIGNAL_EXIT.
      if (target.listenerCount(signal) > 1 && stoppers.size === 0) return;
      void Promise.allSettled([...stoppers].map(async (stop) => stop(signal))).finally(() => target.exit(SIGNAL_EXIT[signal]));
    });
  }
}
