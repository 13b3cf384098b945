import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ORACLE_DIR } from './python-env.js';

/** What passlib answered for one verify: a boolean, or the kind of error it raised. */
type OracleVerdict = boolean | 'password' | 'malformed' | 'unsupported';

interface OracleContext {
  readonly user?: string | undefined;
  readonly realm?: string | undefined;
}

interface OracleAnswer {
  readonly id: number;
  readonly ok?: boolean;
  readonly hash?: string;
  readonly scheme?: string | null;
  readonly error?: 'password' | 'malformed' | 'unsupported';
  readonly detail?: string;
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** A live passlib (or libpass) process answering verify / hash / identify over JSON lines. */
class PythonOracle {
  readonly #process: ChildProcessWithoutNullStreams;
  readonly #pending = new Map<number, (answer: OracleAnswer) => void>();
  #nextId = 1;

  public constructor(python: string) {
    this.#process = spawn(python, [join(ORACLE_DIR, 'oracle.py')], { stdio: ['pipe', 'pipe', 'pipe'] });
    createInterface({ input: this.#process.stdout }).on('line', (line) => {
      const answer = JSON.parse(line) as OracleAnswer;
      this.#pending.get(answer.id)?.(answer);
      this.#pending.delete(answer.id);
    });
  }

  #ask(request: Record<string, unknown>): Promise<OracleAnswer> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      this.#process.stdin.write(`${JSON.stringify({ ...request, id })}\n`);
    });
  }

  public async verify(
    scheme: string,
    password: string,
    hash: string,
    context: OracleContext = {},
  ): Promise<OracleVerdict> {
    const answer = await this.#ask({ op: 'verify', scheme, password: b64(password), hash, ...context });
    return answer.error ?? answer.ok ?? 'unsupported';
  }

  public async hash(
    scheme: string,
    password: string,
    settings: Record<string, unknown> = {},
    context: OracleContext = {},
  ): Promise<string> {
    const answer = await this.#ask({ op: 'hash', scheme, password: b64(password), settings, ...context });
    if (answer.hash === undefined)
      throw new Error(`passlib could not hash for ${scheme}: ${answer.error} ${answer.detail}`);
    return answer.hash;
  }

  public async identify(hash: string, schemes: readonly string[]): Promise<string | undefined> {
    const answer = await this.#ask({ op: 'identify', hash, schemes });
    return answer.scheme ?? undefined;
  }

  public close(): Promise<void> {
    return new Promise((resolve) => {
      this.#process.once('exit', () => resolve());
      this.#process.stdin.end();
    });
  }
}

export type { OracleContext, OracleVerdict };
export { PythonOracle };
