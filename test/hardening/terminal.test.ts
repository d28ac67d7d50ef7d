import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasScript, session } from '../helpers/pty.js';
import { tempDir } from '../helpers/run.js';

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
