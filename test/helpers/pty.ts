import { spawn, spawnSync } from 'node:child_process';
import { BIN } from './run.js';

/** `script` (util-linux) runs the binary in a pseudo-terminal, as a user's shell would. */
export const hasScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;
export const strip = (s: string) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');

export interface Session {
  /** Everything the terminal showed, ANSI stripped. */
  screen: () => string;
  /** Waits until a question matching `pattern` is waiting for an answer (not already answered). */
  waitFor: (pattern: RegExp) => Promise<void>;
  send: (keys: string) => void;
  exit: Promise<number | null>;
  /** The spacecoop process under `script`, to send it signals. */
  pid: () => number | undefined;
}

/** Runs `spacecoop ARGS` in a pseudo-terminal in `cwd`, without colour, 120 × 40. */
export function session(args: string[], cwd: string): Session {
  const child = spawn('script', ['-qfec', `exec ${process.execPath} ${BIN} ${args.join(' ')}`, '/dev/null'], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', TERM: 'xterm', COLUMNS: '120', LINES: '40' },
  });
  let out = '';
  const waiters: (() => void)[] = [];
  child.stdout.on('data', (d) => {
    out += String(d);
    waiters.splice(0).forEach((w) => w());
  });
  const exit = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  let consumed = 0;
  return {
    pid: () => Number(spawnSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], { encoding: 'utf8' }).stdout.trim().split('\n')[0]) || undefined,
    screen: () => strip(out),
    send: (keys) => child.stdin.write(keys),
    exit,
    waitFor: (pattern) =>
      new Promise((resolveWait, reject) => {
        const check = () => {
          const text = strip(out).slice(consumed);
          const m = pattern.exec(text);
          if (m) {
            consumed += m.index + m[0].length;
            resolveWait();
            return true;
          }
          return false;
        };
        const loop = () => {
          if (!check()) waiters.push(loop);
        };
        exit.then(() => check() || reject(new Error(`exited before ${pattern}:\n${strip(out).slice(-2000)}`)));
        loop();
      }),
  };
}
