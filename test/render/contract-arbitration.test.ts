import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromTermsText } from '../../src/engine.js';
import { builtinLibrary } from '../helpers/engine.js';
import { ROOT } from '../helpers/run.js';

/**
 * Counsel round 2, B-6: a contract's arbitration clause names the law of the agreement to arbitrate
 * (the law of the seat, whatever law governs the contract) and the version of its rules, for each of
 * the three rules a contract may choose; the governing-law article leaves that agreement to it.
 */
const example = (name: string) => readFileSync(join(ROOT, 'examples', name), 'utf8');
const LEO = example('leo-delivery.yaml').replace('languages: [en]', 'languages: [en, zh]');
const COMSAT = example('comsat-delivery.yaml');
const LEO_PCA = LEO.replace('arbitration: { rules: icc, seat: Singapore, arbitrators: 3,', 'arbitration: { rules: pca-outer-space, seat: The Hague, arbitrators: 3,');

const article = (yaml: string, clausePrefix: string, lang: 'en' | 'zh' = 'en') => {
  const { draft } = draftFromTermsText(yaml, 'terms.yaml', builtinLibrary(), { lang });
  const a = draft.articles.find((x) => x.clauseId.startsWith(clausePrefix));
  if (!a) throw new Error(`no ${clausePrefix} article`);
  return { number: a.number, text: a.blocks.map((b) => b.text).join('\n') };
};

describe('B-6: the arbitration agreement names its law and the version of its rules', () => {
  const CASES: [string, string, RegExp][] = [
    ['leo (ICC, Singapore)', LEO, /under the Rules of Arbitration of the International Chamber of Commerce in force on the date on which the Request for Arbitration is filed/],
    ['comsat (UNCITRAL, Geneva)', COMSAT, /under the Arbitration Rules of the United Nations Commission on International Trade Law in force on the date on which the respondent receives the notice of arbitration/],
    ['leo (PCA Outer Space Rules, The Hague)', LEO_PCA, /under the Permanent Court of Arbitration Optional Rules for Arbitration of Disputes Relating to Outer Space Activities of 6 December 2011/],
  ];
  it.each(CASES)('%s', (_n, yaml, rules) => {
    const disputes = article(yaml, 'contract-disputes/');
    const law = article(yaml, 'contract-law/');
    expect(disputes.text).toMatch(rules);
    expect(disputes.text).toMatch(/This agreement to arbitrate, including its existence, validity and scope, is governed by the law of the State in which the seat of arbitration lies, whatever law governs the rest of this \w+/);
    expect(law.text).toMatch(new RegExp(`with the exception of the agreement to arbitrate in Article ${disputes.number}, which is governed by the law stated there`));
  });

  it.each([
    ['leo', LEO],
    ['comsat', COMSAT],
    ['pca', LEO_PCA],
  ])('%s: the Chinese text names the same law and version', (_n, yaml) => {
    const disputes = article(yaml, 'contract-disputes/', 'zh').text;
    expect(disputes).toMatch(/本仲裁协议（包括其存在、效力和范围）适用仲裁地所在国家的法律/);
    expect(disputes).toMatch(/2011年12月6日|日有效的/);
    expect(article(yaml, 'contract-law/', 'zh').text).toMatch(/仲裁协议除外/);
  });
});
