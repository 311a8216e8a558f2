import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The real sync server as a child process (`node sync-server/src/main.ts`) on a fixed loopback
 * port and SQLite file, so that it can be SIGKILLed at any moment — mid-push included — and
 * restarted on the same file and port, as a crashed production server would be.
 */
const repoRoot = resolve(import.meta.dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

export interface ServerOptions {
  port?: number;
  dbPath?: string;
  env?: Record<string, string>;
  /** Print the server's output (SIM_VERBOSE). */
  verbose?: boolean;
}

export interface StartOptions {
  /**
   * RLIMIT_FSIZE for the server process, in KiB (`ulimit -f`): no file it writes may grow past
   * this, so SQLite's writes fail as on a full disk. SIGXFSZ is ignored, so the write returns
   * EFBIG (SQLITE_FULL) instead of killing the process. Works as root, unlike chmod.
   */
  fileSizeLimitKb?: number;
}

export class ServerProcess {
  readonly port: number;
  readonly dbPath: string;
  readonly url: string;
  #env: Record<string, string>;
  #child: ChildProcess | null = null;
  #verbose: boolean;
  #log: string[] = [];
  kills = 0;

  private constructor(port: number, dbPath: string, env: Record<string, string>, verbose: boolean) {
    this.port = port;
    this.dbPath = dbPath;
    this.url = `http://127.0.0.1:${port}`;
    this.#env = env;
    this.#verbose = verbose;
  }

  static async start(opts: ServerOptions = {}): Promise<ServerProcess> {
    const port = opts.port ?? (await freePort());
    const dbPath = opts.dbPath ?? join(mkdtempSync(join(tmpdir(), 'spotter-sim-')), 'spotter.db');
    const server = new ServerProcess(port, dbPath, opts.env ?? {}, opts.verbose ?? false);
    await server.start();
    return server;
  }

  get running(): boolean {
    return this.#child !== null;
  }

  /** The last lines the server printed, for failure reports. */
  get output(): string {
    return this.#log.join('');
  }

  async start(opts: StartOptions = {}): Promise<void> {
    if (this.#child) return;
    const main = join(repoRoot, 'sync-server/src/main.ts');
    const [cmd, args] =
      opts.fileSizeLimitKb === undefined
        ? [process.execPath, [main]]
        : // POSIX sh counts `ulimit -f` in 512-byte blocks.
          ['/bin/sh', ['-c', `trap '' XFSZ; ulimit -f ${Math.ceil(opts.fileSizeLimitKb * 2)}; exec "$0" "$@"`, process.execPath, main]];
    const child = spawn(cmd, args, {
      cwd: repoRoot,
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(this.port), DATABASE_PATH: this.dbPath, DEMO_DATA: '1', WEB_ROOT: join(repoRoot, 'sim', 'no-web-root'), ...this.#env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.#log.push(chunk.toString());
      if (this.#log.length > 200) this.#log.splice(0, this.#log.length - 200);
      if (this.#verbose) process.stderr.write(`[server] ${chunk}`);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.#child = child;
    child.once('exit', () => {
      if (this.#child === child) this.#child = null;
    });
    await this.#waitHealthy(child);
  }

  async #waitHealthy(child: ChildProcess): Promise<void> {
    // Demo data and password hashing take ~30 s on two loaded cores, minutes when niced.
    const deadline = Date.now() + 300_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`sync server exited during start-up:\n${this.output}`);
      try {
        const res = await fetch(`${this.url}/api/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    // Not left running behind the failed run.
    child.kill('SIGKILL');
    throw new Error(`sync server did not become healthy within 300 s:\n${this.output}`);
  }

  /** SIGKILL: no shutdown hook runs, exactly like a power cut or the OOM killer. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    this.kills++;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.#child = null;
  }

  /** SIGTERM: the server closes its database cleanly (SQLite checkpoints and drops the WAL). */
  async terminate(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    this.#child = null;
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }

  async stop(): Promise<void> {
    await this.kill();
  }
}
