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
  /** The framework oracle's `must_update` (Django); absent where the reference has no such idea. */
  readonly needsUpdate?: boolean;
  readonly ms?: readonly number[];
}

/** A verdict and, where the reference has one, its idea of whether the hash should be replaced. */
interface OracleCheck {
  readonly verdict: OracleVerdict;
  readonly needsUpdate?: boolean;
}

/** The scripts in oracle/: passlib's (also Werkzeug's and WordPress's reference) and the frameworks' own. */
type OracleScript = 'oracle.py' | 'framework_oracle.py';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/**
 * A live reference process answering verify / hash / identify over JSON lines: passlib or libpass
 * (`oracle.py`), or Django and Werkzeug (`framework_oracle.py`, in the `django` or `django-legacy` virtualenv).
 */
class PythonOracle {
  readonly #process: ChildProcessWithoutNullStreams;
  readonly #pending = new Map<number, (answer: OracleAnswer) => void>();
  #nextId = 1;

  public constructor(python: string, script: OracleScript = 'oracle.py') {
    this.#process = spawn(python, [join(ORACLE_DIR, script)], { stdio: ['pipe', 'pipe', 'pipe'] });
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
    return (await this.check(scheme, password, hash, context)).verdict;
  }

  /** Like `verify`, with the reference's `needsUpdate` where it has one (Django's `must_update`). */
  public async check(
    scheme: string,
    password: string,
    hash: string,
    context: OracleContext = {},
  ): Promise<OracleCheck> {
    const answer = await this.#ask({ op: 'verify', scheme, password: b64(password), hash, ...context });
    const verdict = answer.error ?? answer.ok ?? 'unsupported';
    return answer.needsUpdate === undefined ? { verdict } : { verdict, needsUpdate: answer.needsUpdate };
  }

  public async hash(
    scheme: string,
    password: string,
    settings: Record<string, unknown> = {},
    context: OracleContext = {},
  ): Promise<string> {
    const answer = await this.#ask({ op: 'hash', scheme, password: b64(password), settings, ...context });
    if (answer.hash === undefined)
      throw new Error(`the reference could not hash for ${scheme}: ${answer.error} ${answer.detail}`);
    return answer.hash;
  }

  /** Milliseconds per verify of `hash`, `repeat` times or more (framework_oracle.py only: the benchmark's). */
  public async time(scheme: string, password: string, hash: string, repeat: number): Promise<readonly number[]> {
    const answer = await this.#ask({ op: 'time', scheme, password: b64(password), hash, repeat });
    if (answer.ms === undefined)
      throw new Error(`the reference could not time ${scheme}: ${answer.error} ${answer.detail}`);
    return answer.ms;
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

export type { OracleCheck, OracleContext, OracleScript, OracleVerdict };
export { PythonOracle };
