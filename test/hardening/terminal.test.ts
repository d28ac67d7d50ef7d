import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers/run.js';

// `script` (util-linux) runs the binary in a pseudo-terminal, as a user's shell would.
const hasScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;
const strip = (s: string) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');

interface Session {
  /** Everything the terminal showed, ANSI stripped. */
  screen: () => string;
  /** Waits until a question matching `pattern` is waiting for an answer (not already answered). */
  waitFor: (pattern: RegExp) => Promise<void>;
  send: (keys: string) => void;
  exit: Promise<number | null>;
}

function session(args: string[], cwd: string): Session & { pid: () => number | undefined } {
  const child = spawn('script', ['-qfec', `${process.execPath} ${BIN} ${args.join(' ')}`, '/dev/null'], {
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
    pid: () => Number(spawnSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], { encoding: 'utf8' }).stdout.trim().split('\\n')[0]) || undefined,
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


describe('item 14: an interrupted interview restores the terminal and keeps the answers', () => {
  it.skipIf(!hasScript)('Ctrl+D at a text prompt: the answers are kept, it says so, exit 130 (never a silent 0)', async () => {
    const dir = tempDir();
    const s = session(['new'], dir);
    await s.waitFor(/\? Full official name of the first party.*/);
    s.send('Aldera Space Agency\r');
    await s.waitFor(/\? Short name used in the text.*/);
    s.send('\u0004');
    expect(await s.exit).toBe(130);
    expect(s.screen()).toMatch(/Stopped: the input ended \(Ctrl\+D\)/);
    expect(readFileSync(join(dir, 'agreement.resume.yaml'), 'utf8')).toContain('Aldera Space Agency');
    expect(existsSync(join(dir, 'agreement.yaml'))).toBe(false);
  });

  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it.skipIf(!hasScript)(`${signal}: the terminal is put back, the answers kept, it says so, exit ${code}`, async () => {
      const dir = tempDir();
      const s = session(['new'], dir);
      await s.waitFor(/\? Full official name of the first party.*/);
      s.send('Aldera Space Agency\r');
      await s.waitFor(/\? Short name used in the text.*/);
      const pid = s.pid();
      expect(pid).toBeDefined();
      process.kill(pid!, signal);
      expect(await s.exit).toBe(code);
      expect(s.screen()).toContain(`Stopped: ${signal} received`);
      expect(readFileSync(join(dir, 'agreement.resume.yaml'), 'utf8')).toContain('Aldera Space Agency');
    });
  }
});
