import { describe, expect, it } from 'vitest';
import { draftFromTermsText } from '../../src/engine.js';
import { builtinLibrary } from '../helpers/engine.js';
import { cases, check, DISPUTES, FORM_IDS, IP, JURISDICTION, LIABILITY } from './cases.js';

const all = cases();

describe('clause matrix: binding forms', () => {
  it('covers every form, every variant of the four topics, and both voices', () => {
    expect(all.length).toBe(FORM_IDS.length * JURISDICTION.length * IP.length * LIABILITY.length * Object.keys(DISPUTES).length);
    expect(FORM_IDS).toContain('memorandum-of-understanding');
    expect(all.filter((c) => c.lint).length).toBe(FORM_IDS.length * LIABILITY.length * Object.keys(DISPUTES).length);
  });

  // One test per form keeps failures readable without hundreds of test names.
  it.each(['agreement', 'framework-agreement', 'pact'])('renders every variant cleanly in a %s', (form) => {
    expect(all.filter((c) => c.form === form).flatMap(check).slice(0, 20)).toEqual([]);
  });

  it('puts the area-specific articles in the draft when the facts call for them, in the usual order', () => {
    const draft = (c: (typeof all)[number]) => draftFromTermsText(c.yaml, 'matrix.yaml', builtinLibrary()).draft;
    const rich = all.find((c) => c.name.startsWith('rich agreement'))!;
    const topics = draft(rich).articles.map((a) => a.topic);
    for (const topic of ['launch', 'facilities', 'crew', 'frequencies', 'debris', 'export-control', 'personnel']) expect(topics).toContain(topic);
    expect(topics.indexOf('customs')).toBeLessThan(topics.indexOf('facilities'));
    expect(topics.indexOf('launch')).toBeLessThan(topics.indexOf('jurisdiction'));
    expect(topics.indexOf('crew')).toBe(topics.indexOf('jurisdiction') + 1);
    expect(topics.indexOf('release')).toBeLessThan(topics.indexOf('frequencies'));
    expect(topics.indexOf('debris')).toBeLessThan(topics.indexOf('liability'));
    const plain = all.find((c) => c.name.startsWith('plain agreement'))!;
    const plainTopics = draft(plain).articles.map((a) => a.topic);
    for (const topic of ['launch', 'facilities', 'crew', 'frequencies', 'debris']) expect(plainTopics).not.toContain(topic);
  });
});
