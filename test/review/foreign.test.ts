import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textOfDocx } from '../../src/review/foreign/docx.js';
import { classifyText, reviewForeignText, scoreText, sniffBytes, splitText } from '../../src/review/foreign/index.js';
import { SUGGEST_FIELDS, suggestFor } from '../../src/review/foreign/suggest.js';
import { termsSchema } from '../../src/terms/schema.js';
import { builtinLibrary } from '../helpers/engine.js';
import { stripMarkers } from '../helpers/foreign.js';
import { ROOT } from '../helpers/run.js';

const statusOf = (text: string) => Object.fromEntries(scoreText(splitText(text)).map((s) => [s.provision, s.status]));

/** A short agreement around one article, so each wording is scored on its own. */
const agreementWith = (title: string, body: string) =>
  `# Agreement between the Government of A and the Government of B on Space Cooperation\n\n## Article 1 — Objective\n\nThe Parties shall cooperate in the peaceful uses of outer space.\n\n## Article 2 — ${title}\n\n${body}\n`;

describe('what a text is', () => {
  it.each([
    ['a spacecoop draft, by its marker', '<!-- spacecoop:draft v1 -->\n# Protocol\n', 'x.md', 'draft'],
    ['a terms file saved as .md', 'version: 1\nform: agreement\nparties:\n  - id: a\n    name: A\n', 'terms.md', 'terms'],
    ['a terms file in flow style', '{ form: agreement, parties: [ { id: a, name: A }, { id: b, name: B } ] }\n', 'terms.txt', 'terms'],
    ['a terms file with broken YAML', 'form: agreement\nparties:\n  - id: a\n   name: x\n', 'terms.txt', 'terms'],
    ['anything named .yaml (the loader reports its problems)', '- just\n- a list\n', 'terms.yaml', 'terms'],
    ['prose, which parses as a YAML string', 'The Parties will cooperate.\n', 'their.txt', 'text'],
    ['a memorandum whose article lines parse as a YAML mapping', 'Article 1: Purpose\nArticle 2: Scope\nArticle 3: Duration\n', 'their.txt', 'text'],
    ['a mapping with a few terms keys among prose keys', 'Title: Agreement\nform: of cooperation\nPurpose: peaceful uses\nScope: science\n', 'their.md', 'text'],
    ['Markdown with ## Article headings', '# Memorandum\n\n## Article 1\n\nThe Participants will cooperate.\n', 'their.md', 'text'],
  ])('%s', (_what, text, file, kind) => {
    expect(classifyText(text, file)).toBe(kind);
  });
});

describe('what the bytes are', () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);
  it.each([
    ['UTF-8 text, BOM removed', Buffer.from('\uFEFFArticle 1', 'utf8'), 'text'],
    ['a Word document', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml word/document.xml')]), 'docx'],
    ['another zip archive', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('data.csv')]), /zip archive/],
    ['a PDF', Buffer.from('%PDF-1.7\n...'), /PDF/],
    ['UTF-16 text', bytes(0xff, 0xfe, 0x41, 0x00), /UTF-16/],
    ['Latin-1 text', Buffer.from('Acuerdo\nde cooperaci\xf3n', 'latin1'), /not UTF-8.*0xf3 at line 2, column 13.*Latin-1/],
    ['a binary file', bytes(0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01), /binary.*NUL/],
    ['a legacy .doc', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1), /\.doc/],
  ])('%s', (_what, input, expected) => {
    const r = sniffBytes(input);
    if (typeof expected === 'string') expect(r.kind).toBe(expected);
    else {
      expect(r.kind).toBe('unreadable');
      expect(r.kind === 'unreadable' && r.what).toMatch(expected);
    }
  });
});

describe('a Word document as text', () => {
  it('Title and Heading styles become headings, the table of contents is dropped, empty paragraphs skipped', () => {
    const p = (index: number, text: string, extra: object = {}) => ({ index, text, original: text, runs: [], bookmarks: [], comments: [], ...extra });
    const text = textOfDocx({
      paragraphs: [
        p(0, 'Agreement between A and B', { style: 'Title' }),
        p(1, 'Article 1 — Scope ........ 2', { toc: true }),
        p(2, 'Article 1 — Scope', { style: 'Heading2' }),
        p(3, '   '),
        p(4, 'The  Parties shall cooperate.', { style: 'ListParagraph' }),
      ],
    });
    expect(text).toBe('# Agreement between A and B\n\n## Article 1 — Scope\n\nThe Parties shall cooperate.\n');
    expect(splitText(text).articles.map((a) => a.label)).toEqual(['Article 1']);
  });
});

describe('articles and paragraphs of any text', () => {
  it('Markdown headings without article numbers', () => {
    const s = splitText('# Memorandum of Understanding\n\nPreamble text.\n\n## Purpose\n\n1. First.\n\n2. Second.\n\n## Liability\n\nEach bears its own risk.\n');
    expect(s.structure).toBe('headings');
    expect(s.title).toBe('Memorandum of Understanding');
    expect(s.articles.map((a) => [a.label, a.numbered, a.paragraphs.map((p) => p.number ?? '-')])).toEqual([
      ['Purpose', false, ['1', '2']],
      ['Liability', false, ['-']],
    ]);
    expect(s.preamble.map((p) => p.text)).toEqual(['Preamble text.']);
  });

  it('plain "ARTICLE IV" lines with the title on the next line, Roman numerals read as numbers', () => {
    const s = splitText('AGREEMENT ON SPACE COOPERATION\n\nARTICLE I\nObjective\n\nThe Parties shall cooperate.\n\nARTICLE IV\nLiability\n\n(1) Each Party is liable.\n(a) for its fault;\n(b) for its negligence.\n');
    expect(s.structure).toBe('article lines');
    expect(s.articles.map((a) => [a.label, a.number, a.title])).toEqual([
      ['Article I', 1, 'Objective'],
      ['Article IV', 4, 'Liability'],
    ]);
    expect(s.articles[1]!.paragraphs.map((p) => p.number)).toEqual(['1', '1(a)', '1(b)']);
  });

  it('a title after a "DRAFT" line, bold article lines, and a recital that is no title', () => {
    const s = splitText('DRAFT 3 — for discussion\n\nAGREEMENT ON COOPERATION IN SPACE SCIENCE\nbetween the X Agency and the Y Agency\n\nRecalling the Framework Agreement of 2001,\n\n**Article 1 – Purpose**\n\nTo cooperate.\n\n**Article 2 – Liability**\n\nEach Party bears its own risk.\n');
    expect(s.title).toBe('AGREEMENT ON COOPERATION IN SPACE SCIENCE between the X Agency and the Y Agency');
    expect(s.articles.map((a) => [a.label, a.title])).toEqual([
      ['Article 1', 'Purpose'],
      ['Article 2', 'Liability'],
    ]);
    expect(splitText('Recalling the Framework Agreement of 2001,\n\nArticle 1 — Scope\n\nText.\n').title).toBe('');
  });

  it('evidence keeps abbreviations whole: "Art. V" ends no sentence', () => {
    const text = agreementWith('Liability', 'Compensation to third parties shall be apportioned under Art. V of the Liability Convention, and each Party waives claims against the other.');
    const liability = scoreText(splitText(text)).find((x) => x.provision === 'liability')!;
    expect(liability.evidence).toBe('Compensation to third parties shall be apportioned under Art. V of the Liability Convention, and each Party waives claims against the other.');
  });

  it('an article whose text starts on its heading line, and paragraphs lettered A., B.', () => {
    const s = splitText('Agreement between A and B\n\nArticle 1 The Parties shall cooperate in space science.\n\nArticle 2 Disputes between the Parties shall be settled through diplomatic channels within six months.\n\nARTICLE 3. CROSS-WAIVER OF LIABILITY\n\nA. Each Party waives all claims against the other.\n\nB. The Liability Convention continues to govern claims by third States.\n');
    expect(s.articles.map((a) => [a.label, a.title, a.paragraphs.map((p) => p.number ?? '-')])).toEqual([
      ['Article 1', '', ['-']],
      ['Article 2', '', ['-']],
      ['Article 3', 'CROSS-WAIVER OF LIABILITY', ['A', 'B']],
    ]);
    expect(Object.fromEntries(scoreText(s).map((x) => [x.provision, [x.status, x.article]]))).toMatchObject({
      disputes: ['specific', 'Article 2'],
      liability: ['specific', 'Article 3(A)'],
    });
  });

  it('a heading "Article 2" with its title as a second heading, as Word documents often have', () => {
    const s = splitText('# Agreement\n\n## Article 1\n\n## Objective\n\nTo cooperate.\n\n## Article 2\n\n## Liability\n\nEach Party bears its own risk.\n');
    expect(s.articles.map((a) => [a.label, a.title, a.paragraphs.map((p) => p.text)])).toEqual([
      ['Article 1', 'Objective', ['To cooperate.']],
      ['Article 2', 'Liability', ['Each Party bears its own risk.']],
    ]);
  });

  it('a sentence that starts with "Article 5 of" is not a heading', () => {
    const s = splitText('Article 1 — Scope\n\nArticle 5 of the Outer Space Treaty applies.\n\nArticle 2 — Duration\n\nFive years.\n');
    expect(s.articles.map((a) => a.label)).toEqual(['Article 1', 'Article 2']);
  });

  it('numbered section titles when there are no headings or article lines', () => {
    const s = splitText('Cooperation Arrangement\n\n1. Purpose\n\nTo cooperate.\n\n2. Liability\n\nEach Party bears its own risk.\n\n3. Disputes\n\nBy consultation.\n');
    expect(s.structure).toBe('numbered titles');
    expect(s.articles.map((a) => [a.label, a.title])).toEqual([
      ['Section 1', 'Purpose'],
      ['Section 2', 'Liability'],
      ['Section 3', 'Disputes'],
    ]);
  });

  it('a text with no structure is one part, with lines for places', () => {
    const s = splitText('The two agencies will work together on Earth observation.\n\nAny dispute will be settled by friendly consultation.\n');
    expect(s.structure).toBe('none');
    expect(s.articles).toHaveLength(1);
    const disputes = scoreText(s).find((x) => x.provision === 'disputes')!;
    expect(disputes).toMatchObject({ status: 'vague', article: 'line 3' });
  });
});

describe('the Section 4.4 scorecard, keyed on substance', () => {
  it.each([
    // registration, jurisdiction and control
    ['jurisdiction', 'Registration', 'The Republic of B shall register the satellite and furnish the information to the Secretary-General of the United Nations.', 'specific'],
    ['jurisdiction', 'Space Objects', 'Each Party shall register the space objects it launches, and each retains jurisdiction and control over the objects it registers.', 'specific'],
    ['jurisdiction', 'The Station', 'The laws of the host State apply at the station and on its site.', 'specific'],
    ['jurisdiction', 'The Station', 'The construction and operation of the station shall be subject to the laws of the State in whose territory it stands.', 'specific'],
    ['jurisdiction', 'Personnel', 'Personnel shall comply with the laws of the host State while at the facility.', 'vague'],
    ['jurisdiction', 'Registration', 'The Parties shall cooperate on the registration of space objects in accordance with international law.', 'vague'],
    ['jurisdiction', 'General', 'The Parties will register space objects as appropriate.', 'vague'],
    ['jurisdiction', 'Costs', 'Each Party bears its own costs.', 'missing'],
    // intellectual property
    ['ip', 'Inventions', 'Inventions made jointly are owned jointly by the Parties.', 'specific'],
    ['ip', 'Rights', 'Each Party retains its background intellectual property and grants the other a royalty-free licence to use the results for the cooperation.', 'specific'],
    ['ip', 'Intellectual Property', 'Intellectual property will be protected in accordance with the national laws of the Parties.', 'vague'],
    ['ip', 'Miscellaneous', 'Matters of intellectual property shall be settled in separate agreements.', 'vague'],
    ['ip', 'Intellectual Property', 'All intellectual property rights in the satellite design remain with the Contractor, which grants the Customer a non-exclusive licence to use the flight software to operate the satellite.', 'specific'],
    ['ip', 'Intellectual Property', 'The Parties shall ensure that the intellectual property of each remains protected.', 'vague'],
    // liability
    ['liability', 'Limitation of Liability', 'The Contractor\u2019s aggregate liability shall not exceed the Contract Price. The Contractor shall maintain third-party liability insurance for the launch.', 'specific'],
    ['liability', 'Liability', 'Each Party bears its own risk.', 'vague'],
    ['liability', 'Liability', 'Each Party waives all claims against the other; the Liability Convention continues to govern claims by third States.', 'specific'],
    ['liability', 'Damage', 'Each Party shall be liable for damage caused by its fault. Claims by third parties shall be apportioned in proportion to fault.', 'specific'],
    ['liability', 'Miscellaneous', 'Nothing in this Agreement creates any liability of a Party.', 'vague'],
    // settlement of disputes
    ['disputes', 'Governing Law and Arbitration', 'Any dispute shall be finally settled under the Rules of Arbitration of the International Chamber of Commerce by three arbitrators.', 'specific'],
    ['jurisdiction', 'Registration', 'The Customer shall procure the registration of the satellite by its State.', 'specific'],
    ['disputes', 'Consultations', 'Any dispute shall be settled amicably through friendly consultations.', 'vague'],
    ['disputes', 'Disputes', 'Disputes shall be settled through diplomatic channels.', 'vague'],
    ['disputes', 'Disputes', 'A dispute shall be referred to the Joint Committee; if it is not settled within six months, it shall be settled through diplomatic channels.', 'specific'],
    ['disputes', 'Arbitration', 'A dispute not settled by negotiation shall be submitted to arbitration under the UNCITRAL Arbitration Rules by three arbitrators.', 'specific'],
  ])('%s in an article "%s": %s → %s', (provision, title, body, status) => {
    expect(statusOf(agreementWith(title, body))[provision]).toBe(status);
  });

  it('a provision in an article with an unrelated title is found, never missing', () => {
    const text = agreementWith('Final Provisions', '1. Each Party waives all claims against the other.\n\n2. Any dispute will be discussed by the Parties.\n\n3. Results are owned by the Party that creates them.\n\n4. The Registration Convention applies.');
    expect(Object.values(statusOf(text))).not.toContain('missing');
  });

  it('a recital in the preamble is not a provision', () => {
    const text = '# Agreement between A and B\n\nRecalling the Liability Convention and the Registration Convention,\n\nHave agreed as follows:\n\n## Article 1 — Objective\n\nThe Parties shall cooperate.\n';
    expect(statusOf(text)).toMatchObject({ jurisdiction: 'missing', liability: 'missing' });
  });

  it('the station agreement without its registration article is still specific: host-State law over the facility', () => {
    const golden = readFileSync(join(ROOT, 'test', 'golden', 'deep-space-station.md'), 'utf8').replace(/<!-- spacecoop:clause jurisdiction\/[\s\S]*?<!-- \/spacecoop:clause -->/, '');
    const jurisdiction = scoreText(splitText(stripMarkers(golden))).find((x) => x.provision === 'jurisdiction')!;
    expect(jurisdiction.status).toBe('specific');
    expect(jurisdiction.evidence).toMatch(/(facility|Antenna) .* subject to the laws/);
  });

  it.each(readdirSync(join(ROOT, 'test', 'golden')).filter((f) => f.endsWith('.md') && !f.endsWith('.zh.md')))('our own draft %s, markers stripped, is specific on all four', (file) => {
    const text = stripMarkers(readFileSync(join(ROOT, 'test', 'golden', file), 'utf8'));
    expect(text).not.toContain('spacecoop:');
    expect(classifyText(text, file)).toBe('text');
    const scores = scoreText(splitText(text));
    for (const s of scores) expect({ provision: s.provision, status: s.status, article: s.article }).toMatchObject({ provision: s.provision, status: 'specific', article: expect.stringMatching(/^Article \d+/) });
  });
});

describe('the instrument as its text shows it', () => {
  it('a memorandum that says "shall" and "enters into force"', () => {
    const r = reviewForeignText('# Memorandum of Understanding between the X Space Agency and the Y Institute\n\n## Article 1 — Purpose\n\nThe Participants will cooperate.\n\n## Article 2 — Entry into Force\n\nThis Memorandum shall enter into force on signature.\n', builtinLibrary());
    expect(r.character).toMatchObject({ calls: 'Memorandum of Understanding', binding: false, parties: [{ name: 'X Space Agency', type: 'space-agency' }, { name: 'Y Institute', type: 'research-institution' }] });
    expect(r.character.mismatches.join('\n')).toMatch(/“shall” once[\s\S]*“enters into force”/);
    expect(r.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['mou-binding-language', 'entry-into-force-form']));
  });

  it.each([
    ['a termination that takes effect, in an earlier article', '## Article 2 — Facilities\n\nEither Party may terminate the lease for breach; termination for such a breach takes effect on receipt of a second notice.\n\n## Article 3 — Entry into Force\n\nThis Agreement shall enter into force on the date of the later notification.\n', 'Article 3', 'enters into force'],
    ['an amendment that enters into force, before the final clause', '## Article 2 — Amendment\n\nAn amendment shall enter into force thirty days after the second notification.\n\n## Article 3 — Final Provisions\n\nThe present Agreement comes into effect on signature.\n', 'Article 3', 'comes into effect'],
    ['a notice that takes effect', '## Article 2 — Notices\n\nA notice takes effect when it is received.\n\n## Article 3 — Effect\n\nThis Agreement takes effect on signature.\n', 'Article 3', 'takes effect'],
    ['only a termination clause', '## Article 2 — Termination\n\nTermination takes effect six months after notice.\n', 'Article 2', 'takes effect'],
  ])('finds the clause that brings the instrument into force, not %s', (_what, articles, article, words) => {
    const r = reviewForeignText(`# Agreement between the Government of A and the Government of B\n\n## Article 1 — Objective\n\nThe Parties shall cooperate.\n\n${articles}`, builtinLibrary());
    expect(r.character.entryIntoForce).toMatchObject({ article, words });
  });

  it('a survival clause in the termination article counts, though the final article also speaks of termination', () => {
    const text = (survival: string) =>
      `# Launch Services Agreement between A Ltd and the B Space Agency\n\n## Article 1 — Intellectual Property\n\nEach Party keeps its intellectual property.\n\n## Article 2 — Liability\n\nEach Party bears its own liability.\n\n## Article 3 — Settlement of Disputes\n\nDisputes shall be settled by arbitration under the ICC Rules of Arbitration by three arbitrators seated in Geneva in English; a party that fails to appoint shall have its arbitrator appointed by the ICC Court, after consultation for sixty days.\n\n## Article 4 — Termination\n\nEither Party may terminate this Agreement for material breach.${survival}\n\n## Article 5 — Effective Date\n\nThis Agreement takes effect on signature and remains in effect until performed, unless terminated earlier under Article 4.\n`;
    const rules = (t: string) => reviewForeignText(t, builtinLibrary()).findings.filter((f) => f.rule === 'termination-survival');
    expect(rules(text(' Articles 1, 2 and 3 continue to apply after termination.'))).toEqual([]);
    // Without it, the finding is made, on the article that provides for termination.
    expect(rules(text('')).map((f) => f.where)).toEqual(['Article 5', 'Article 5', 'Article 5']);
  });

  it('a binding text with no entry-into-force clause, and an agreement written as a memorandum', () => {
    const noEif = reviewForeignText('# Agreement between the Government of A and the Government of B\n\n## Article 1 — Objective\n\nThe Parties shall cooperate.\n', builtinLibrary());
    expect(noEif.character.mismatches).toEqual([expect.stringContaining('no clause saying when it enters into force')]);
    expect(noEif.character.intergovernmental).toBe(true);
    const soft = reviewForeignText('# Framework Agreement between A Ltd and B Agency\n\n## Article 1\n\nThe Parties will cooperate and intend to meet.\n\n## Article 2\n\nThis Agreement will take effect on signature.\n', builtinLibrary());
    expect(soft.character.mismatches).toEqual([expect.stringContaining('written as a memorandum')]);
    expect(soft.character.parties.map((p) => p.type)).toEqual(['commercial', 'space-agency']);
  });
});

describe('text rules on foreign texts', () => {
  it('name the part as the text names it, and check references only where the text numbers its articles', () => {
    const headings = reviewForeignText('# Agreement between the X Agency and the Y Agency\n\n## Registration\n\nThe Parties shall cooperate on the registration of space objects.\n\n## Final Provisions\n\nThis Agreement shall enter into force on signature. Article 9 applies after termination.\n', builtinLibrary());
    const rules = headings.findings.map((f) => f.rule);
    expect(rules).toContain('un-registration');
    expect(rules).not.toContain('broken-reference');
    const reg = headings.findings.find((f) => f.rule === 'un-registration')!;
    expect(reg.where).toBe('Registration');
    expect(reg.message).toMatch(/^Registration: does not provide/);
    const numbered = reviewForeignText('# Agreement between the X Agency and the Y Agency\n\nSection 1 — Registration\n\nThe Parties shall cooperate on the registration of space objects.\n\nSection 2 — Final Provisions\n\nThis Agreement shall enter into force on signature. Article 9 applies after termination.\n', builtinLibrary());
    expect(numbered.findings.find((f) => f.rule === 'un-registration')).toMatchObject({ where: 'Section 1', message: expect.stringMatching(/^Section 1 \(Registration\): /) });
    expect(numbered.findings.map((f) => f.rule)).toContain('broken-reference');
    const untitled = reviewForeignText('Agreement between the X Agency and the Y Agency\n\nArticle 1 The Parties shall cooperate on the registration of space objects.\n\nArticle 2 This Agreement shall enter into force on signature.\n', builtinLibrary());
    expect(untitled.findings.find((f) => f.rule === 'un-registration')!.message).toMatch(/^Article 1: does not provide/);
  });
});

describe('the text rules that can be judged from words', () => {
  const text = [
    'Implementing Arrangement between the X Agency and the Y Agency',
    '',
    'Section 1 — Cross-Waiver',
    '',
    '1.1 Each Party waives all claims against the other Party for damage arising from the joint mission, except claims for wilful misconduct and claims concerning intellectual property.',
    '',
    'Section 2 — Disputes',
    '',
    '2.1 A dispute not settled by the Program Managers within sixty days shall be submitted to arbitration under the UNCITRAL Arbitration Rules by three arbitrators.',
    '',
    'Section 3 — Entry into Force',
    '',
    '3.1 This Arrangement shall enter into force on signature.',
  ].join('\n');
  it('a waiver without the Liability Convention, arbitration without seat or language, no order of precedence', () => {
    const r = reviewForeignText(text, builtinLibrary());
    const by = (rule: string) => r.findings.filter((f) => f.rule === rule);
    expect(by('waiver-keeps-convention')).toEqual([expect.objectContaining({ where: 'Section 1', severity: 'error' })]);
    expect(by('arbitration-incomplete').map((f) => f.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('the seat of arbitration'), expect.stringContaining('the language of the arbitration')]),
    );
    expect(by('order-of-precedence')).toHaveLength(1);
    expect(by('waiver-exceptions')).toEqual([]);
    expect(r.scorecard.find((e) => e.provision === 'liability')!.status).toBe('vague');
  });

  it('"a dispute not settled ... shall be submitted to arbitration" provides for arbitration; "no dispute shall be submitted to arbitration" does not', async () => {
    const { negated } = await import('../../src/review/doc.js');
    expect(negated('A dispute not settled by the managers within sixty days shall be submitted to arbitration.', /arbitration/)).toBe(false);
    expect(negated('A dispute that has not been resolved shall go to arbitration.', /arbitration/)).toBe(false);
    expect(negated('No dispute shall be submitted to arbitration.', /arbitration/)).toBe(true);
  });

  it('a memorandum is not told to add arbitration rules: it is told not to arbitrate', () => {
    const mou = reviewForeignText(text.replace('Implementing Arrangement', 'Memorandum of Understanding').replace('shall enter into force', 'will come into effect'), builtinLibrary());
    const rules = mou.findings.map((f) => f.rule);
    expect(rules).toContain('mou-binding-provision');
    expect(rules).not.toContain('arbitration-incomplete');
  });
});

describe('a contract in treaty language', () => {
  it('is a mismatch; a contract with a governing-law clause is not', () => {
    const treaty = reviewForeignText('# Launch Services Contract between X Launch Ltd and the Y Space Agency\n\n## Article 1 — Disputes\n\nDisputes shall be settled through diplomatic channels.\n\n## Article 2 — Entry into Force\n\nThis Contract shall enter into force on signature.\n', builtinLibrary());
    expect(treaty.character.mismatches).toEqual([expect.stringMatching(/^a Contract that speaks as a treaty \(Article 1: “diplomatic channels”\)/)]);
    const plain = reviewForeignText('# Launch Services Contract between X Launch Ltd and the Y Space Agency\n\n## Article 1 — Governing Law\n\nThis Contract is governed by the laws of England.\n\n## Article 2 — Effective Date\n\nThis Contract takes effect on signature.\n', builtinLibrary());
    expect(plain.character.mismatches).toEqual([]);
  });
});

describe('the form a title names', () => {
  it.each([
    ['Implementing Arrangement between A and B', 'implementing-arrangement', true, true],
    ['Cooperative Arrangement between A and B', null, true, false],
    ['Letter of Intent between A and B', null, false, false],
    ['Additional Protocol to the Agreement between A and B', 'additional-protocol', true, true],
    ['Protocol to the Framework Agreement between A and B', 'protocol', true, true],
    ['Framework Agreement between A and B', 'framework-agreement', true, false],
  ])('%s', (title, form, binding, precedence) => {
    const r = reviewForeignText(`# ${title}\n\n## Article 1 — Scope\n\nThe two sides cooperate.\n\n## Article 2 — Effect\n\nIt takes effect on signature.\n`, builtinLibrary());
    expect(r.character).toMatchObject({ form, binding });
    expect(r.findings.some((f) => f.rule === 'order-of-precedence')).toBe(precedence);
  });
});

describe('suggestions from the library', () => {
  it('offer every variant of the topic, without arbitration or a waiver for a memorandum', () => {
    const lib = builtinLibrary();
    expect(suggestFor('liability', lib, true).clauses.map((c) => c.id)).toEqual(expect.arrayContaining(['liability/cross-waiver', 'liability/fault-based', 'liability/convention-only']));
    const mou = suggestFor('disputes', lib, false).clauses.map((c) => c.id);
    expect(mou).not.toContain('disputes/arbitration');
    expect(mou).toContain('disputes/consultation');
    for (const c of suggestFor('ip', lib, true).clauses) expect(c.fits.length).toBeGreaterThan(10);
  });

  it('name terms fields that exist in the terms schema', () => {
    const has = (path: string) => {
      let shape: any = termsSchema;
      for (const key of path.split('.')) {
        while (shape?.def?.innerType && !shape.shape) shape = shape.def.innerType;
        shape = shape?.shape?.[key];
        if (!shape) return false;
      }
      return true;
    };
    for (const { fields } of Object.values(SUGGEST_FIELDS)) for (const f of fields) expect(has(f), f).toBe(true);
  });
});

describe('words that are about something else', () => {
  it.each([
    ['the apportionment of work', 'The Parties shall apportion the tasks of the project between them.', 'liability'],
    ['a registered office', 'Each Party shall notify the other of its registered office.', 'jurisdiction'],
    ['a period for reports', 'Each Party shall report within thirty days.', 'disputes'],
    ['disclosure to third parties', 'Neither Party shall disclose the documents to third parties.', 'liability'],
  ])('%s does not make a provision appear', (_what, body, provision) => {
    expect(statusOf(agreementWith('General', body))[provision]).toBe('missing');
  });
});
