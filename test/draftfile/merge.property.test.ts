import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshDraft, mergeDraft } from '../../src/draftfile/merge.js';
import { A, BASE_SPECS, generate, type Spec } from './fixtures.js';

/** Lines a drafter may touch: everything but spacecoop's own marker lines. */
const editable = (lines: string[]) => lines.map((l, i) => (l.startsWith('<!--') || l === '-->' || /^[A-Za-z0-9+/=]{20,}$/.test(l) ? -1 : i)).filter((i) => i >= 0);
const baseStart = (lines: string[]) => {
  const i = lines.findIndex((l) => l.startsWith('<!-- spacecoop:base '));
  return i < 0 ? lines.length : i;
};

const word = fc.constantFrom('the', 'Parties', 'shall', 'not', 'Article 2', 'Article 3 of the Convention', 'Articles 1 and 4', '*emphasis*', '1.', '(a)', '—', 'ï', '  ', '');
const line = fc.array(word, { maxLength: 8 }).map((ws) => ws.join(' '));
type Op = { kind: 'insert' | 'delete' | 'replace' | 'append'; at: number; text: string };
const op: fc.Arbitrary<Op> = fc.record({ kind: fc.constantFrom('insert', 'delete', 'replace', 'append'), at: fc.nat(), text: line });

function applyEdits(file: string, ops: Op[]): string {
  let lines = file.split('\n');
  for (const o of ops) {
    const visibleLines = lines.slice(0, baseStart(lines));
    const can = editable(visibleLines);
    if (!can.length) continue;
    const i = can[o.at % can.length]!;
    if (o.kind === 'insert') lines.splice(i + 1, 0, o.text);
    else if (o.kind === 'delete') lines.splice(i, 1);
    else if (o.kind === 'replace') lines[i] = o.text;
    else lines[i] = `${lines[i]} ${o.text}`;
  }
  return lines.join('\n');
}

/** New terms: some paragraphs reworded, a clause dropped, one added, two swapped. */
type TermsChange = { reword: [number, number][]; drop: number | null; add: number | null; swap: [number, number] | null };
const termsChange: fc.Arbitrary<TermsChange> = fc.record({
  reword: fc.array(fc.tuple(fc.nat(10), fc.nat(3)), { maxLength: 4 }),
  drop: fc.option(fc.nat(10)),
  add: fc.option(fc.nat(10)),
  swap: fc.option(fc.tuple(fc.nat(10), fc.nat(10))),
});
function changeTerms(specs: Spec[], c: TermsChange, round: number): Spec[] {
  let out = specs.map((s) => ({ ...s, paras: [...s.paras] }));
  for (const [a, p] of c.reword) {
    const s = out[a % out.length]!;
    const k = p % s.paras.length;
    s.paras[k] = `${s.paras[k]!.replace(/\.$/, '')}, as amended in round ${round}.`;
  }
  if (c.drop !== null && out.length > 2) out.splice(c.drop % out.length, 1);
  if (c.add !== null) out.splice(c.add % (out.length + 1), 0, A(`extra/r${round}`, `Extra Article ${round}`, `New obligations of round ${round}, see {ref:${out[0]!.id}}.`));
  if (c.swap) {
    const [x, y] = [c.swap[0] % out.length, c.swap[1] % out.length];
    [out[x], out[y]] = [out[y]!, out[x]!];
  }
  return out;
}

describe('merge properties', () => {
  it('regenerating with unchanged terms gives back the edited draft exactly', () => {
    const generated = generate(BASE_SPECS, { notes: true });
    const file = freshDraft(generated);
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        const edited = applyEdits(file, ops);
        expect(mergeDraft(edited, generated).text).toBe(edited);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('no line the drafter typed is ever lost, over several rounds of new terms', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), termsChange), { minLength: 1, maxLength: 5 }), (rounds) => {
        let specs = BASE_SPECS;
        let file = freshDraft(generate(specs, { notes: true }));
        const typed: string[] = [];
        rounds.forEach(([positions, change], r) => {
          const ops = positions.map((at, k) => {
            const text = `Typed in round ${r} number ${k}: the Parties may agree otherwise.`;
            typed.push(text);
            return { kind: 'insert' as const, at, text };
          });
          // The drafter resolves any conflict left by the last round (regenerating refuses while one is
          // left), here by keeping both versions: only the marker lines go.
          file = file.split('\n').filter((l) => !/^(<<<<<<<|=======|>>>>>>>)( |$)/.test(l)).join('\n');
          file = applyEdits(file, ops);
          specs = changeTerms(specs, change, r);
          file = mergeDraft(file, generate(specs, { notes: true })).text;
        });
        const lines = new Set(file.split('\n'));
        for (const t of typed) expect(lines.has(t), t).toBe(true);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
  });
});
