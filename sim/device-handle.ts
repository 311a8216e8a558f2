import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { AuthEvent, PushRecord } from './device/tap.ts';

/**
 * The parent's side of one device process: request/response over IPC, plus the events the
 * device reports (every push and its answer; "kill the server now" from an armed push).
 */
export interface DeviceEvents {
  onPush(device: string, rec: PushRecord): void;
  onKill(device: string): Promise<void>;
  onLog?(device: string, text: string): void;
  onAuth?(device: string, what: AuthEvent): void;
  /** SIM_TRACE=1: a pull or a write to the device's database. */
  onTrace?(device: string, text: string): void;
}

export class DeviceHandle {
  readonly name: string;
  readonly email: string;
  #child: ChildProcess;
  #next = 0;
  #waiting = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  #exited = false;

  constructor(name: string, email: string, events: DeviceEvents) {
    this.name = name;
    this.email = email;
    this.#child = fork(join(import.meta.dirname, 'device', 'main.ts'), [], {
      execPath: process.execPath,
      execArgv: ['--no-warnings'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    let stderr = '';
    this.#child.stderr!.on('data', (c: Buffer) => {
      stderr = (stderr + c.toString()).slice(-4000);
    });
    this.#child.on('message', (msg: any) => {
      if (msg.event === 'push') events.onPush(name, msg.rec);
      else if (msg.event === 'kill') void events.onKill(name).then(() => this.#child.send({ hookDone: msg.id }));
      else if (msg.event === 'log') events.onLog?.(name, msg.text);
      else if (msg.event === 'trace') events.onTrace?.(name, msg.text);
      else if (msg.event === 'auth') events.onAuth?.(name, msg.what);
      else {
        const w = this.#waiting.get(msg.id);
        this.#waiting.delete(msg.id);
        if (msg.ok) w?.resolve(msg.result);
        else w?.reject(new Error(`${name}: ${msg.error}`));
      }
    });
    this.#child.on('exit', (code, signal) => {
      this.#exited = true;
      for (const w of this.#waiting.values()) w.reject(new Error(`${name} exited (${code ?? signal}): ${stderr}`));
      this.#waiting.clear();
    });
  }

  call<T = unknown>(cmd: string, args: unknown = {}, timeoutMs = 60_000): Promise<T> {
    if (this.#exited) return Promise.reject(new Error(`${this.name} has exited`));
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(id);
        reject(new Error(`${this.name}: ${cmd} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiting.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.#child.send({ id, cmd, args });
    });
  }

  async shutdown(): Promise<void> {
    if (this.#exited) return;
    const exited = new Promise((r) => this.#child.once('exit', r));
    await this.call('shutdown', {}, 10_000).catch(() => undefined);
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
