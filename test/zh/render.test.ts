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
