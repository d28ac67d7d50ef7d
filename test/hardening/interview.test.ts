import { describe, expect, it } from 'vitest';
import { createAsk, parseNumber, type PromptModule } from '../../src/interview/prompt.js';
import { complement, initials } from '../../src/interview/questions.js';
import { runInterview } from '../../src/interview/run.js';
import { renderTermsYaml } from '../../src/interview/yaml.js';
import type { Asked } from '../../src/interview/types.js';
import { DEFAULT, scripted, tries } from '../interview/fake.js';
import { FRESH_SCRIPTS } from '../interview/scripts.js';

const CBERS = FRESH_SCRIPTS['cbers.yaml']!;
const get = (o: unknown, path: (string | number)[]) => path.reduce<any>((x, k) => x?.[k], o);

describe('item 8: interview arithmetic and text', () => {
  it.each([
    [64.1, 35.9],
    [33.3, 66.7],
    [12.345, 87.655],
    [70, 30],
    [0.1, 99.9],
  ])('a share of %s leaves %s to the other party', (a, b) => {
    expect(complement(a)).toBe(b);
  });
  it('writes 35.9, not 35.900000000000006, into the terms', async () => {
    const user = scripted({ ...CBERS, 'cooperation.costShare': 64.1 });
    const { terms } = await runInterview(user);
    expect(get(terms, ['cooperation', 'costShare'])).toEqual([
      { party: 'cnsa', percent: 64.1 },
      { party: 'aeb', percent: 35.9 },
    ]);
  });

  /** A prompt module that types `typed` answers one after the other, each checked by validate. */
  function typing(typed: string[], seen: { messages: string[]; rejected: string[] }): PromptModule {
    const input = async (config: { message: string; validate?: (s: string) => true | string }) => {
      seen.messages.push(config.message);
      for (const t of typed.splice(0)) {
        const v = config.validate ? config.validate(t) : true;
        if (v === true) return t;
        seen.rejected.push(v);
      }
      throw new Error('no valid answer');
    };
    return { input, number: async () => undefined, confirm: async () => true, select: async () => undefined, checkbox: async () => [] };
  }
  it('a number typed as "30%" is read as 30; text gets a message that says what to type', async () => {
    expect(parseNumber('30%')).toBe(30);
    expect(parseNumber(' 12.5 ')).toBe(12.5);
    expect(parseNumber('thirty')).toBeUndefined();
    const seen = { messages: [] as string[], rejected: [] as string[] };
    const ask = createAsk(typing(['thirty', '30 per cent', '30%'], seen));
    const q: Asked = { id: 'cooperation.costShare', kind: 'number', message: 'Share', validate: ((n: number) => (n >= 0 && n <= 100 ? true : 'Must be at most 100')) as Asked['validate'] };
    expect(await ask(q)).toBe(30);
    expect(seen.rejected).toEqual(['"thirty" is not a number: type digits only, e.g. 30 or 12.5', '"30 per cent" is not a number: type digits only, e.g. 30 or 12.5']);
  });
  it('a paragraph-length answer says it is one line without an editor, and uses the editor when one is set', async () => {
    const seen = { messages: [] as string[], rejected: [] as string[] };
    const saved = { EDITOR: process.env.EDITOR, VISUAL: process.env.VISUAL };
    delete process.env.EDITOR;
    delete process.env.VISUAL;
    try {
      await createAsk(typing(['x'], seen))({ id: 'cooperation.project.description', kind: 'input', message: 'What', multiline: true });
      expect(seen.messages[0]).toMatch(/one line: a line break ends the answer/);
      process.env.EDITOR = 'true';
      const prompts = typing([], seen);
      prompts.editor = async () => 'the joint design\nand operation\n\nof a satellite\n';
      expect(await createAsk(prompts)({ id: 'd', kind: 'input', message: 'What', multiline: true })).toBe('the joint design and operation of a satellite');
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    const user = scripted(CBERS);
    await runInterview(user);
    expect(user.question('cooperation.project.description')?.multiline).toBe(true);
  });
  it('keeps the CRLF line endings (and byte-order mark) of the terms file it rewrites', async () => {
    for (const bom of ['', '\uFEFF']) {
      const text = `${bom}# counsel's note\r\nversion: 1\r\nform: agreement\r\nparties:\r\n  - { id: a, name: Aldera }\r\n  - { id: b, name: Borduria }\r\n`;
      const terms = { version: 1, form: 'agreement', parties: [{ id: 'a', name: 'Aldera' }, { id: 'b', name: 'Borduria' }] };
      const out = renderTermsYaml({ ...terms, title: 'A new title' }, { base: { text, terms } as never });
      expect(out.startsWith(bom)).toBe(true);
      expect(out).toContain('title: A new title\r\n');
      expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    }
  });
});

describe('item 8b: a way back, and defaults that follow earlier answers', () => {
  it('shows the answers by section, revises one section with its answers prefilled, then writes', async () => {
    const asked: Asked[] = [];
    const said: string[] = [];
    let reviews = 0;
    const base = scripted(CBERS);
    const ask = async (q: Asked) => {
      asked.push(q);
      if (q.id === 'review') return ++reviews === 1 ? 'parties' : 'write';
      if (reviews === 1 && q.id === 'parties[1].signatory.title') return 'Director-General';
      if (reviews === 1) return q.kind === 'checkbox' ? (q.choices ?? []).filter((c) => c.checked).map((c) => c.value) : q.default ?? '';
      return base.ask(q);
    };
    const { terms } = await runInterview({ ask, say: (t) => said.push(t) }, { review: true });
    expect(reviews).toBe(2);
    expect(said.some((t) => /^1\. The parties: .*parties\[0\]\.name: China National Space Administration/.test(t))).toBe(true);
    const again = asked.filter((q) => q.id === 'parties[0].name');
    expect(again).toHaveLength(2);
    expect(again[1]!.default).toBe('China National Space Administration');
    expect(get(terms, ['parties', 1, 'signatory', 'title'])).toBe('Director-General');
    expect(get(terms, ['parties', 0, 'name'])).toBe('China National Space Administration');
    expect(get(terms, ['disputes', 'arbitration', 'seat'])).toBe('The Hague');
  });

  it('the launch question defaults to yes after launch services or an in-orbit delivery is ticked', async () => {
    for (const areas of [['launch-services'], ['earth-observation', 'in-orbit-delivery'], ['human-spaceflight']]) {
      const user = scripted({ ...CBERS, 'cooperation.areas': areas, 'cooperation.launch': DEFAULT }, { otherwise: 'enter' });
      await runInterview(user);
      expect(user.question('cooperation.launch')?.default, areas.join()).toBe(true);
    }
    const user = scripted({ ...CBERS, 'cooperation.launch': DEFAULT }, { otherwise: 'enter' });
    await runInterview(user);
    expect(user.question('cooperation.launch')?.default).toBe(false);
  });

  it('after consultation only, the days question names where the dispute goes, not a next step', async () => {
    const only = scripted({ ...FRESH_SCRIPTS['lunar-mou.yaml']! });
    await runInterview(only);
    expect(only.question('disputes.consultationDays')?.message).not.toMatch(/next step/);
    expect(only.question('disputes.consultationDays')?.message).toMatch(/diplomatic channels|heads of the parties/);
    const arb = scripted({ ...CBERS, 'disputes.steps': 'consultation,arbitration' });
    await runInterview(arb);
    expect(arb.question('disputes.consultationDays')?.message).toMatch(/arbitration/);
  });

  it('a party renamed after a resume gets the handle of its new name, and references follow', async () => {
    const start = {
      parties: [
        { id: 'egsa-2', name: 'Egyptian Space Agency', shortName: 'EgSA' },
        { id: 'egsa', name: 'Egyptian Space Agency', shortName: 'EGSA' },
      ],
      cooperation: { launch: { launchingParty: 'egsa-2' }, spaceObjects: [{ name: 'Sat', ownedBy: ['egsa-2'] }] },
    };
    const user = scripted({ ...CBERS, 'parties[0].name': 'China National Space Administration', 'parties[0].shortName': 'CNSA', 'parties[1].name': 'Brazilian Space Agency', 'parties[1].shortName': 'AEB', 'cooperation.launch.launchingParty': DEFAULT, 'cooperation.spaceObjects[0].name': DEFAULT, 'cooperation.spaceObjects[0].ownedBy': DEFAULT }, { otherwise: 'enter' });
    const { terms } = await runInterview(user, { start });
    expect(get(terms, ['parties', 0, 'id'])).toBe('cnsa');
    expect(get(terms, ['parties', 1, 'id'])).toBe('aeb');
    expect(get(terms, ['cooperation', 'launch', 'launchingParty'])).toBe('cnsa');
  });

  it.each([
    ['Egyptian Space Agency', 'EgSA'],
    ['Chilean Space Agency', 'ChSA'],
    ['Nigerian Aeronautics and Space Administration', 'NiASA'],
    ['European Space Agency', 'ESA'],
    ['China National Space Administration', 'CNSA'],
    ['Brazilian Space Agency', 'BSA'],
  ])('the short name suggested for %s is %s', (name, short) => {
    expect(initials(name)).toBe(short);
  });

  it('two parties with the same name or short name are refused', async () => {
    const user = scripted({
      ...CBERS,
      'parties[1].name': tries('China National Space Administration', 'china national space administration ', 'Brazilian Space Agency'),
      'parties[1].shortName': tries('CNSA', 'AEB'),
    });
    await runInterview(user);
    expect(user.rejected.map((r) => r.id)).toEqual(['parties[1].name', 'parties[1].name', 'parties[1].shortName']);
    expect(user.rejected[0]!.message).toMatch(/first party's name/);
  });

  it('the topics offer their variants as words, as the other questions do', async () => {
    const user = scripted(CBERS);
    await runInterview(user);
    for (const id of ['jurisdiction.registration', 'ip.foreground', 'liability.regime', 'disputes.steps']) {
      for (const c of user.question(id)?.choices ?? []) expect(c.name, id).not.toMatch(/^[a-z]+(-[a-z]+)+/);
    }
  });
});

describe('item 8b: --alternat takes the party as the user knows it', () => {
  it('a handle, a short name in any case, or the full name give the same draft; another name is refused with the parties listed', async () => {
    const { run } = await import('../helpers/run.js');
    const byHandle = run(['draft', 'examples/cbers.yaml', '--out', '-', '--alternat', 'aeb']);
    expect(byHandle.code).toBe(0);
    for (const name of ['AEB', 'aeb ', 'Brazilian Space Agency']) {
      const r = run(['draft', 'examples/cbers.yaml', '--out', '-', '--alternat', name]);
      expect(r.code, name).toBe(0);
      expect(r.stdout).toBe(byHandle.stdout);
    }
    const bad = run(['draft', 'examples/cbers.yaml', '--out', '-', '--alternat', 'ESA']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cnsa \(CNSA\), aeb \(AEB\)/);
  });
});
