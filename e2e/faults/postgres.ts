import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The PostgreSQL server scenarios A and C run on (CI's, or the developer machine's). */
export const serverUrl = (): string =>
  process.env['FAULTS_DATABASE_URL'] ??
  process.env['TEST_DATABASE_URL'] ??
  'postgres://postgres@127.0.0.1:5432/postgres';

/** Debian's PostgreSQL binaries (the newest installed version), or null when there are none. */
export function postgresBinaries(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl')) && existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions[versions.length - 1];
  return newest ? join(base, newest, 'bin') : null;
}

/**
 * A private PostgreSQL cluster in a temp dir, on its own port, that a test may restart at will
 * (the machine's shared server must never be). As root, it runs as the `postgres` OS user.
 */
export class PrivatePostgres {
  private readonly dir: string;
  private readonly asRoot = process.getuid?.() === 0;

  private constructor(
    private readonly bin: string,
    readonly port: number,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'ug-faults-pg-'));
    if (this.asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(this.dir, uid, gid);
    }
  }

  static start(bin: string, port: number): PrivatePostgres {
    const pg = new PrivatePostgres(bin, port);
    pg.run('initdb', ['-D', pg.data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
    pg.ctl(['start', '-w', '-t', '60', '-l', pg.logFile]);
    return pg;
  }

  get data(): string {
    return join(this.dir, 'data');
  }

  get logFile(): string {
    return join(this.dir, 'postgres.log');
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** Crash-restart: every connection dropped at once, no checkpoint (`-m immediate`). */
  restart(): void {
    this.ctl(['restart', '-w', '-t', '60', '-m', 'immediate', '-l', this.logFile]);
  }

  /** Stops the server and removes its data; the server log stays for the report. */
  stop(): void {
    try {
      this.ctl(['stop', '-w', '-m', 'immediate']);
    } finally {
      rmSync(this.data, { recursive: true, force: true });
    }
  }

  private ctl(args: string[]): void {
    const [command, ...rest] = args;
    this.run('pg_ctl', [
      command!,
      '-D',
      this.data,
      '-o',
      `-p ${this.port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      ...rest,
    ]);
  }

  private run(tool: string, args: string[]): void {
    const path = join(this.bin, tool);
    const [file, argv] = this.asRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: tmpdir() });
  }
}
