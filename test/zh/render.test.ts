import { describe, expect, it } from 'vitest';
import { draftFromTermsText } from '../../src/engine.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { builtinLibrary } from '../helpers/engine.js';

const terms = (registration: string, areas = 'space-science') => `form: agreement
parties:
  - { id: a, name: Government of the Republic of Aldera, shortName: Aldera, state: Republic of Aldera, type: government }
  - { id: b, name: Government of the Kingdom of Borduria, shortName: Borduria, state: Kingdom of Borduria, type: government }
cooperation: { areas: [${areas}] }
jurisdiction: { registration: ${registration} }
term: { years: 2 }
languages: [en, zh]
`;

describe('rendering both texts', () => {
  it('a registration clause with no launch and no object in the terms leaves the launching State a blank with an open point, in both languages', () => {
    for (const registration of ['launching-party', 'designated-party']) {
      for (const lang of ['en', 'zh'] as const) {
        const { draft } = draftFromTermsText(terms(registration), 'x.yaml', builtinLibrary(), { lang });
        const md = renderMarkdown(draft);
        expect(md, `${registration} ${lang}`).not.toMatch(/note that {2}is|注意到，[^。]*，为/);
        expect(draft.notes.openPoints.map((p) => p.path), `${registration} ${lang}`).toContain('cooperation.launch.launchingParty');
      }
    }
  });

  it('a quantity of two reads 两 before its measure word, while article two is 第二条', () => {
    const { draft } = draftFromTermsText(terms('launching-party'), 'x.yaml', builtinLibrary(), { lang: 'zh' });
    const md = renderMarkdown(draft);
    expect(md).toContain('两年');
    expect(md).not.toContain('二年');
    expect(md).toMatch(/^## 第二条\u3000/m);
  });
});

describe('the authentic texts are stated once (counsel round 2, A-12)', () => {
  it.each([
    ['two languages', 'languages: [en, zh]'],
    ['three languages', 'languages: [en, zh, fr]'],
  ])('%s: the Chinese testimonium names the languages, as the English does, and leaves their authenticity to the article on authentic texts', (_name, languages) => {
    const yaml = terms('launching-party').replace('languages: [en, zh]', languages);
    const zh = draftFromTermsText(yaml, 'x.yaml', builtinLibrary(), { lang: 'zh' }).draft;
    const en = draftFromTermsText(yaml, 'x.yaml', builtinLibrary()).draft;
    expect(zh.testimonium.join('\n')).not.toMatch(/作准/);
    expect(en.testimonium.join('\n')).not.toMatch(/authentic/);
    expect(renderMarkdown(zh).match(/同等作准/g)).toHaveLength(1);
    expect(renderMarkdown(en).match(/equally authentic/g)).toHaveLength(1);
  });
});

describe('an agency that procures a launch 促使发射 it in the launch article, as the registration article says (final reading, N-8)', () => {
  it.each([
    ['for both parties', 'procuredBy: [a, b]', /应代表共同促使发射的缔约双方促使从阿尔法发射中心发射/],
    ['for itself', 'procuredBy: [a]', /应促使从阿尔法发射中心发射/],
  ])('%s', (_name, procured, expected) => {
    const yaml = terms('launching-party').replace('cooperation: { areas: [space-science] }', `cooperation:\n  areas: [space-science]\n  launch: { launchingParty: a, site: Alpha Launch Centre, ${procured}, zh: { site: 阿尔法发射中心 } }\n  spaceObjects: [{ name: Orbis satellite, ownedBy: [a, b], zh: { name: 奥比斯卫星 } }]`);
    const zh = draftFromTermsText(yaml, 'x.yaml', builtinLibrary(), { lang: 'zh' }).draft;
    const launch = zh.articles.find((a) => a.topic === 'launch')!.blocks[0]!.text;
    expect(launch).toMatch(expected);
    expect(launch).not.toMatch(/安排/);
  });
});
