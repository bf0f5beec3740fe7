import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real Radicale (Debian's /usr/bin/radicale) for one test: its own folder, user and random free port on
 * 127.0.0.1. No mock server stands in for it. `stop()` ends it and removes its folder; `pause()`/`resume()`
 * stop and restart the same server on the same port with the same data (the "server gone mid-sync" cases).
 */
export interface RadicaleServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  origin: string;
  port: number;
  user: string;
  password: string;
  dir: string;
  stop(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  log(): string;
}

export const RADICALE = process.env.RADICALE_PATH ?? '/usr/bin/radicale';

export function radicaleAvailable(): boolean {
  return existsSync(RADICALE);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilUp(url: string, auth: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Radicale exited: ${readFileSync(logFile, 'utf8')}`);
    try {
      const res = await fetch(url, { method: 'PROPFIND', headers: { Authorization: auth, Depth: '0' } });
      if (res.status === 207) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Radicale did not start: ${readFileSync(logFile, 'utf8')}`);
}

export async function startRadicale(opts: { user?: string; password?: string } = {}): Promise<RadicaleServer> {
  const user = opts.user ?? `user${Math.random().toString(36).slice(2, 8)}`;
  const password = opts.password ?? `pw-${Math.random().toString(36).slice(2)}`;
  const dir = mkdtempSync(join(tmpdir(), 'rapport-radicale-'));
  mkdirSync(join(dir, 'collections'));
  writeFileSync(join(dir, 'users'), `${user}:${password}\n`);
  const port = await freePort();
  const logFile = join(dir, 'radicale.log');
  writeFileSync(
    join(dir, 'radicale.conf'),
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      'max_connections = 8',
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${join(dir, 'users')}`,
      'htpasswd_encryption = plain',
      'delay = 0',
      '[rights]',
      'type = owner_only',
      '[storage]',
      `filesystem_folder = ${join(dir, 'collections')}`,
      '[web]',
      'type = none',
      '[logging]',
      `level = ${process.env.RADICALE_LOG ?? 'warning'}`,
      '',
    ].join('\n'),
  );
  const url = `http://127.0.0.1:${port}/`;
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  let child: ChildProcess;
  const launch = async () => {
    writeFileSync(logFile, '', { flag: 'a' });
    child = spawn(RADICALE, ['--config', join(dir, 'radicale.conf')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => writeFileSync(logFile, chunk, { flag: 'a' }));
    await waitUntilUp(`${url}${user}/`, auth, child, logFile);
  };
  const halt = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  await launch();
  return {
    url,
    origin: `http://127.0.0.1:${port}`,
    port,
    user,
    password,
    dir,
    log: () => readFileSync(logFile, 'utf8'),
    pause: halt,
    resume: launch,
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
