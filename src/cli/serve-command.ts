import { spawn } from 'node:child_process';
import { Command, InvalidArgumentError } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import type { CliIO, Reporter } from './io.js';

interface ServeFlags {
  port: number;
  host: string;
  open?: boolean;
}

export function serveCommand(io: CliIO, reporter: Reporter, done: (code: number) => void): Command {
  return new Command('serve')
    .description('the same notices from a local web page: a form, a live preview, and spreadsheets in the browser')
    .option('--port <n>', 'port to listen on (0 picks a free one)', port, 8080)
    .option('--host <address>', 'address to listen on; 0.0.0.0 lets other machines in (put it behind a reverse proxy)', '127.0.0.1')
    .option('--open', 'open the page in the web browser')
    .action(async (flags: ServeFlags) => {
      const { startServer } = await import('../serve/server.js');
      const running = await startServer({
        port: flags.port,
        host: flags.host,
        env: io.env,
        log: (line) => io.stderr.write(`${line}\n`),
      }).catch((error: NodeJS.ErrnoException) => {
        throw listenProblem(error, flags) ?? error;
      });
      reporter.info(`placard serve: open ${running.url} in a web browser (Ctrl+C stops it)`);
      if (flags.host !== '127.0.0.1' && flags.host !== 'localhost' && flags.host !== '::1') {
        reporter.warn(`listening on ${flags.host}: other machines can reach this page; see "Hosting placard serve" in the README`);
      }
      if (flags.open) {
        openBrowser(running.url, (why) => reporter.warn(`could not open a web browser (${why}); open ${running.url} in one yourself`));
      }
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void running.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      reporter.info('placard serve: stopped');
      done(EXIT.ok);
    });
}

/** A port or address the server cannot listen on is the user's to change (exit 2), not a bug. */
function listenProblem(error: NodeJS.ErrnoException, flags: ServeFlags): UsageError | undefined {
  const where = `${flags.host}:${flags.port}`;
  if (error.code === 'EADDRINUSE') return new UsageError(`${where} is already in use; choose another port with --port`);
  if (error.code === 'EACCES') return new UsageError(`not allowed to listen on ${where}; choose a port above 1023 with --port`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
    return new UsageError(`cannot listen on ${flags.host}: this machine has no such address; try --host 127.0.0.1 or --host 0.0.0.0`);
  }
  return undefined;
}

function port(value: string): number {
  const parsed = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(parsed >= 0 && parsed <= 65_535)) throw new InvalidArgumentError('expected a port number from 0 to 65535, like --port 8080');
  return parsed;
}

/**
 * The system's own way to open a link (open, start, xdg-open). Where there is
 * none, or it finds no browser (a server with no desktop), `failed` says so and
 * the server keeps running: the address printed above is all a user needs.
 */
function openBrowser(url: string, failed: (why: string) => void): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  let said = false;
  const once = (why: string): void => {
    if (!said) failed(why);
    said = true;
  };
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', (error: NodeJS.ErrnoException) => once(error.code === 'ENOENT' ? `${command} is not installed` : error.message));
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) once(`${command} exited with code ${code}`);
  });
  child.unref();
}
