import { describe, expect, it } from 'vitest';
import { exitOnSignals, onStop, SIGNAL_EXIT, type SignalTarget, type StopSignal } from '../../src/cli/signals.js';
import { Interrupted, reportError } from '../../src/cli/report-error.js';
import { Reporter, type CliIO } from '../../src/cli/io.js';

/** A process stand-in: records handlers and the exit code instead of exiting. */
function fakeProcess() {
  const handlers = new Map<StopSignal, (() => void)[]>();
  const exits: number[] = [];
  const target: SignalTarget = {
    on: (signal, listener) => handlers.set(signal, [...(handlers.get(signal) ?? []), listener]),
    listenerCount: (signal) => handlers.get(signal)?.length ?? 0,
    exit: ((code: number) => {
      exits.push(code);
    }) as SignalTarget['exit'],
  };
  const send = (signal: StopSignal) => handlers.get(signal)?.forEach((handler) => handler());
  return { target, exits, send, handlers };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('stop signals', () => {
  it('SIGINT is exit 130 and SIGTERM 143', async () => {
    expect(SIGNAL_EXIT).toEqual({ SIGHUP: 129, SIGINT: 130, SIGTERM: 143 });
    for (const signal of ['SIGHUP', 'SIGINT', 'SIGTERM'] as const) {
      const proc = fakeProcess();
      exitOnSignals(proc.target);
      proc.send(signal);
      await settle();
      expect(proc.exits).toEqual([SIGNAL_EXIT[signal]]);
    }
  });

  it('runs the stoppers first (a batch writes its errors.csv), then exits; a second Ctrl-C exits at once', async () => {
    const proc = fakeProcess();
    exitOnSignals(proc.target);
    const order: string[] = [];
    let finish: () => void = () => {};
    const remove = onStop(async (signal) => {
      order.push(`stopping on ${signal}`);
      await new Promise<void>((resolve) => (finish = resolve));
      order.push('stopped');
    });
    proc.send('SIGINT');
    await settle();
    expect(order).toEqual(['stopping on SIGINT']);
    expect(proc.exits).toEqual([]);
    finish();
    await settle();
    await settle();
    expect(order).toEqual(['stopping on SIGINT', 'stopped']);
    expect(proc.exits).toEqual([130]);
    proc.send('SIGINT');
    expect(proc.exits).toEqual([130, 130]);
    remove();
  });

  it('leaves the exit to another handler of the signal, until a second signal', async () => {
    const proc = fakeProcess();
    exitOnSignals(proc.target);
    proc.target.on('SIGTERM', () => {});
    proc.send('SIGTERM');
    await settle();
    expect(proc.exits).toEqual([]);
    proc.send('SIGTERM');
    expect(proc.exits).toEqual([143]);
  });

  it('Ctrl-C at a question (an @inquirer ExitPromptError) and Interrupted are 130 or 143, with no trace', () => {
    let err = '';
    const io: CliIO = { stdout: { write: () => true }, stderr: { write: (chunk) => (err += chunk) }, env: {} };
    const prompt = Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
    expect(reportError(prompt, new Reporter(io))).toBe(130);
    expect(reportError(new Interrupted('SIGTERM', 'stopped by SIGTERM'), new Reporter(io))).toBe(143);
    expect(err).not.toMatch(/\n\s+at /);
    expect(err).toContain('stopped');
  });
});
