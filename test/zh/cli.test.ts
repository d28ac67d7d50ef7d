import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read, ROOT, run, tempDir } from '../helpers/run.js';

const example = (name: string, dir = tempDir()) => {
  copyFileSync(join(ROOT, 'examples', `${name}.yaml`), join(dir, `${name}.yaml`));
  return dir;
};

describe('draft --lang zh (built binary)', () => {
  it('writes the Chinese text beside the terms file as <name>.zh.md, with 第N条 headings and the same clause markers as the English', () => {
    for (const name of ['cbers', 'lunar-mou']) {
      const dir = example(name);
      const r = run(['draft', `${name}.yaml`, '--lang', 'zh'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`wrote ${name}.zh.md`);
      run(['draft', `${name}.yaml`], { cwd: dir });
      const zh = read(join(dir, `${name}.zh.md`));
      const en = read(join(dir, `${name}.md`));
      const markers = (s: string) => s.match(/<!-- spacecoop:clause [a-z0-9/-]+ -->/g);
      expect(markers(zh)).toEqual(markers(en));
      expect(zh).toMatch(/^## 第一条\u3000/m);
      expect(zh.match(/^## 第/gm)?.length).toBe(en.match(/^## Article /gm)?.length);
    }
  });

  it('refuses a language that is not authentic, one with no text library, and two texts in one Markdown file: exit 2, nothing written', () => {
    const dir = example('leo-delivery');
    const cases: [string[], RegExp][] = [
      [['--lang', 'zh'], /zh is not among the authentic languages of leo-delivery\.yaml \(languages: en\)/],
      [['--lang', 'pt'], /no text library for pt/],
      [['--lang', 'zh,en'], /a Markdown draft holds one text/],
      [['--lang', 'zh,zh', '--format', 'html'], /named twice/],
    ];
    for (const [args, message] of cases) {
      const r = run(['draft', 'leo-delivery.yaml', ...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    }
    expect(existsSync(join(dir, 'leo-delivery.zh.md'))).toBe(false);
    expect(existsSync(join(dir, 'leo-delivery.md'))).toBe(false);
  });

  it('regenerating the Chinese text after a terms change keeps a hand edit and follows a renumbered 第N条 reference', () => {
    const dir = example('cbers');
    expect(run(['draft', 'cbers.yaml', '--lang', 'zh'], { cwd: dir }).code).toBe(0);
    const file = join(dir, 'cbers.zh.md');
    const before = read(file);
    const heading = /^## 第([一二三四五六七八九十]+)条\u3000(.*)$/gm;
    const headings = [...before.matchAll(heading)];
    const last = headings[headings.length - 1]!;
    // A hand-typed paragraph citing the last article, in the article before it.
    const edit = `缔约双方另行商定的事项，适用第${last[1]}条。`;
    const target = headings[headings.length - 2]!;
    const at = before.indexOf(target[0]) + target[0].length;
    writeFileSync(file, `${before.slice(0, at)}\n\n${edit}${before.slice(at)}`);
    // The terms change: exchange of personnel no longer, export control dropped: articles renumber.
    const terms = read(join(dir, 'cbers.yaml')).replace('exportControlled: true', 'exportControlled: false');
    writeFileSync(join(dir, 'cbers.yaml'), terms);
    const r = run(['draft', 'cbers.yaml', '--lang', 'zh'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const after = read(file);
    const lastAfter = [...after.matchAll(heading)].pop()!;
    expect(lastAfter[2]).toBe(last[2]);
    expect(after).toContain(`缔约双方另行商定的事项，适用第${lastAfter[1]}条。`);
    expect(lastAfter[1]).not.toBe(last[1]);
  });

  it('names China first in the Chinese original (the alternat), unless --alternat says otherwise', () => {
    const dir = example('navigation-monitoring');
    const text = read(join(dir, 'navigation-monitoring.yaml'));
    // Put the Algerian party first in the terms file.
    const swapped = text.replace(/parties:\n([\s\S]*?)(  - id: asal[\s\S]*?)(\n\S)/, (_m, a: string, b: string, c: string) => `parties:\n${b}\n${a.trimEnd()}${c}`);
    writeFileSync(join(dir, 'navigation-monitoring.yaml'), swapped);
    expect(run(['draft', 'navigation-monitoring.yaml', '--lang', 'zh', '--out', 'a.md'], { cwd: dir }).code).toBe(0);
    expect(read(join(dir, 'a.md')).split('\n')[1]).toMatch(/^# 中国卫星导航系统管理办公室和阿尔及利亚航天局/);
    expect(run(['draft', 'navigation-monitoring.yaml', '--lang', 'zh', '--alternat', 'asal', '--out', 'b.md'], { cwd: dir }).code).toBe(0);
    expect(read(join(dir, 'b.md')).split('\n')[1]).toMatch(/^# 阿尔及利亚航天局和中国卫星导航系统管理办公室/);
  });

  it('a name with no Chinese form is a blank and an open point in the Chinese text, never the English name', () => {
    const dir = example('lunar-mou');
    const text = read(join(dir, 'lunar-mou.yaml')).replace(/\n    zh:\n      name: 巴基斯坦空间和高层大气研究委员会\n/, '\n    zh:\n');
    writeFileSync(join(dir, 'lunar-mou.yaml'), text);
    const r = run(['draft', 'lunar-mou.yaml', '--lang', 'zh', '--out', '-'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('Pakistan Space and Upper Atmosphere Research Commission');
    expect(r.stdout).toMatch(/parties\[1\]\.zh\.name/);
  });
});

describe('the drafting notes name the texts still to be prepared', () => {
  it('for every language with no text library, in both texts', () => {
    for (const [name, rest] of [['cbers', 'Portuguese'], ['crew-flight', 'Urdu'], ['navigation-monitoring', 'Arabic']] as const) {
      const dir = example(name);
      for (const args of [[], ['--lang', 'zh']]) {
        const r = run(['draft', `${name}.yaml`, '--out', '-', ...args], { cwd: dir });
        expect(r.stdout, `${name} ${args.join(' ')}`).toMatch(new RegExp(`Authentic texts: .*the ${rest} text is still to be prepared`));
      }
    }
  });
});

describe('redline per language (built binary)', () => {
  it('compares two Chinese drafts article by article, and refuses an English draft against a Chinese one', () => {
    const dir = example('cbers');
    run(['draft', 'cbers.yaml', '--lang', 'zh', '--out', 'r1.zh.md'], { cwd: dir });
    run(['draft', 'cbers.yaml', '--out', 'r1.md'], { cwd: dir });
    writeFileSync(join(dir, 'cbers.yaml'), read(join(dir, 'cbers.yaml')).replace('exportControlled: true', 'exportControlled: false'));
    run(['draft', 'cbers.yaml', '--lang', 'zh', '--out', 'r2.zh.md'], { cwd: dir });
    const r = run(['redline', 'r1.zh.md', 'r2.zh.md', '--out', '-'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Articles removed \(1\)/);
    expect(r.stdout).toContain('{--（四）“出口管制物项”');
    for (const [a, b] of [['r1.md', 'r2.zh.md'], ['r2.zh.md', 'r1.md']] as const) {
      const x = run(['redline', a, b, '--out', '-'], { cwd: dir });
      expect(x.code).toBe(2);
      expect(x.stderr).toMatch(/redline compares two drafts of one language/);
    }
  });
});

describe('check on a Chinese text from elsewhere (built binary)', () => {
  it('says the Section 4.4 scorecard reads English texts, exit 2, rather than scoring every provision missing', () => {
    const dir = example('cbers');
    run(['draft', 'cbers.yaml', '--lang', 'zh', '--out', 'ours.zh.md', '--no-notes'], { cwd: dir });
    // The same text with its markers stripped, as if the other side had sent it.
    writeFileSync(join(dir, 'theirs.txt'), read(join(dir, 'ours.zh.md')).replace(/<!--[\s\S]*?-->\n?/g, ''));
    const r = run(['check', 'theirs.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a text in Chinese; the Section 4\.4 scorecard .* reads English texts only/);
    expect(r.stdout).toBe('');
  });
});

describe('clauses --lang zh (built binary)', () => {
  it('lists the Chinese titles and shows a twin with its English metadata; an overlay clause without a twin says so', () => {
    const list = run(['clauses', 'liability', '--lang', 'zh']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('liability/cross-waiver  交互豁免责任');
    const show = run(['clauses', 'show', 'liability/cross-waiver', '--lang', 'zh']);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^title: 交互豁免责任$/m);
    expect(show.stdout).toMatch(/^file: clauses\/liability\/cross-waiver\.zh\.hbs$/m);
    expect(show.stdout).toContain('Liability Convention (1972)');
    const dir = tempDir();
    mkdirSync(join(dir, 'liability'));
    writeFileSync(join(dir, 'liability', 'mine.hbs'), '---\nid: liability/mine\ntitle: Mine\nfits: Tests.\nsources: [Liability Convention (1972)]\nreview: Read it.\n---\n1. Each {{Party}} bears its own loss.\n');
    const missing = run(['clauses', 'show', 'liability/mine', '--lang', 'zh', '--clauses', dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/has no Chinese twin in this library/);
    expect(run(['clauses', '--lang', 'pt']).code).toBe(2);
  });
});

describe('the Chinese forms in the terms file (built binary)', () => {
  it('a Chinese list longer than the English one is refused with its line and both lengths, nothing written', () => {
    const dir = example('cbers');
    const yaml = read(join(dir, 'cbers.yaml'));
    const cases: [string, RegExp][] = [
      [yaml.replace('      - 平等分担卫星的工作和费用', '      - 平等分担卫星的工作和费用\n      - 多余目标'), /cooperation\.zh\.objectives: has 3 objectives in Chinese for 2 in English/],
      [yaml.replace('          - 提供光学相机和数据传输分系统', '          - 提供光学相机和数据传输分系统\n          - 甲\n          - 乙'), /cooperation\.responsibilities\[1\]\.zh\.tasks: has 4 tasks in Chinese for 2 in English/],
    ];
    for (const [text, message] of cases) {
      expect(text).not.toBe(yaml);
      writeFileSync(join(dir, 'x.yaml'), text);
      const r = run(['draft', 'x.yaml', '--lang', 'zh'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/x\.yaml:\d+:\d+: /);
      expect(r.stderr).toMatch(message);
      expect(existsSync(join(dir, 'x.zh.md'))).toBe(false);
    }
  });

  it('a missing Chinese form is an open point labelled in words, saying where to add it', () => {
    const dir = example('lunar-mou');
    writeFileSync(join(dir, 'lunar-mou.yaml'), read(join(dir, 'lunar-mou.yaml')).replace(/\n    zh:\n      name: 巴基斯坦空间和高层大气研究委员会\n/, '\n    zh:\n'));
    const r = run(['draft', 'lunar-mou.yaml', '--lang', 'zh', '--out', '-'], { cwd: dir });
    expect(r.stdout).toMatch(/\*\*Chinese name \(SUPARCO\)\*\* \([^)]*; `parties\[1\]\.zh\.name`\): The Chinese text needs the Chinese form of this name; add `parties\[1\]\.zh\.name`/);
  });
});
