import type { Form, PartyType } from '../../terms/schema.js';
import type { Sentence } from './scorecard.js';
import type { SplitText } from './split.js';

/**
 * The instrument's character as its text shows it: what it calls itself, the voice it is written
 * in, who the parties are, and when it takes effect; and where these disagree. docs/legal-reference.md, "Forms
 * of instrument": binding texts speak of Parties who "shall" and "agree" and "enter into force";
 * memoranda of Participants who "will" and "intend" and "come into effect".
 */
export interface Character {
  /** What the title calls it, e.g. "Memorandum of Understanding"; null when the title names no form. */
  calls: string | null;
  form: Form | null;
  /** From the title: binding | non-binding; from the voice when the title does not say. */
  binding: boolean;
  bindingFrom: 'title' | 'voice';
  voice: { reads: 'binding' | 'non-binding' | 'mixed' | 'unclear'; shall: number; will: number; intend: number; parties: number; participants: number };
  parties: { name: string; type: PartyType | 'unknown' }[];
  /** True when both parties are Governments or States. */
  intergovernmental: boolean;
  entryIntoForce: { article: string; line: number; evidence: string; words: 'enters into force' | 'comes into effect' | 'takes effect' } | null;
  /** Where the character and the text disagree, one sentence each. */
  mismatches: string[];
}

const FORM_NAMES: [RegExp, string, Form | null, boolean][] = [
  [/\bMemorand(um|a) of Understanding\b|\bMoU\b/i, 'Memorandum of Understanding', 'memorandum-of-understanding', false],
  [/\bLetter of Intent\b/i, 'Letter of Intent', null, false],
  [/\bJoint (Statement|Declaration)\b|\bDeclaration of Intent\b/i, 'Joint Statement', null, false],
  [/\bMemorandum\b/i, 'Memorandum', 'memorandum-of-understanding', false],
  [/\bImplementing Arrangement\b/i, 'Implementing Arrangement', 'implementing-arrangement', true],
  [/\bFramework Agreement\b/i, 'Framework Agreement', 'framework-agreement', true],
  [/\bAdditional Protocol\b/i, 'Additional Protocol', 'additional-protocol', true],
  [/\bProtocol\b/i, 'Protocol', 'protocol', true],
  [/\bPact\b/i, 'Pact', 'pact', true],
  [/\bContract\b/i, 'Contract', null, true],
  [/\bTreaty\b/i, 'Treaty', 'agreement', true],
  // A bare "Arrangement" may or may not sit under a framework: no form, so no order-of-precedence demand.
  [/\bArrangement\b/i, 'Arrangement', null, true],
  [/\bAgreement\b/i, 'Agreement', 'agreement', true],
];

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

/** The party's type from its name: the words agencies, Governments, companies and institutes use. */
export function partyType(name: string): PartyType | 'unknown' {
  if (/\b(Government|State|Republic|Kingdom|Ministry|Department of State)\b/.test(name) && !/\bAgency|Administration\b/.test(name)) return 'government';
  if (/\b(Ltd|Limited|Inc|LLC|GmbH|S\.?A\.?|PLC|plc|Corp(oration)?|Company|AG|Pvt|Private|B\.V\.|S\.p\.A\.)\b/.test(name)) return /\b(State|Corporation|Group)\b/.test(name) && /\bChina|State-owned|National\b/.test(name) ? 'state-enterprise' : 'commercial';
  if (/\b(Space Agency|Administration|Agency|Office|Commission|Centre|Center|Authority|Organi[sz]ation)\b/.test(name)) return 'space-agency';
  if (/\b(University|Institute|Academy|Laborator(y|ies)|Observatory)\b/.test(name)) return 'research-institution';
  return 'unknown';
}

/** The two parties: "between X and Y" in the title, else the first sentence of the preamble. */
function findParties(split: SplitText): string[] {
  const tries = [split.title, ...split.preamble.slice(0, 3).map((p) => p.text)];
  for (const t of tries) {
    const m = /\bbetween\s+(?:the\s+)?(.+?)\s+and\s+(?:the\s+)?(.+?)(?=\s+(?:on|concerning|regarding|relating|for|in the field|in respect|with respect|in)\b|[,(;.]|$)/.exec(t);
    if (m) return [m[1]!, m[2]!].map((s) => s.trim());
  }
  const first = split.preamble[0]?.text ?? '';
  const m = /^(?:The\s+)?(.+?)(?:\s*\([^)]*\))?(?:, of [^,]+)?,?\s+and\s+(?:the\s+)?(.+?)(?:\s*\([^)]*\))?(?:, of [^,]+)?\s*(?:,|\(hereinafter|\(the|\bhereinafter)/i.exec(first);
  return m ? [m[1]!, m[2]!].map((s) => s.trim()) : [];
}

const TAKES_EFFECT = /\b(shall|will|is to|to) (enter into force|come into effect|take effect|become effective)\b|\b(enters|comes) into (force|effect)\b|\btakes effect\b/i;
/** "This Agreement shall enter into force ...", "The present Memorandum comes into effect ...". */
const INSTRUMENT_TAKES_EFFECT = new RegExp(
  `\\b(this|the present) (Agreement|Arrangement|Implementing Arrangement|Memorandum(?: of Understanding)?|Protocol|Additional Protocol|Pact|Contract|Treaty|Convention|Accord|Instrument)\\b[^.;]*?(${TAKES_EFFECT.source})`,
  'i',
);
/** Something else takes effect: a termination, withdrawal, amendment, notice or suspension. */
const OTHER_THING_TAKES_EFFECT = /\b(termination|withdrawal|denunciation|amendments?|notices?|suspension|renewal|extension)\b[^.;]*?\b(enter into force|enters into force|come into effect|comes into effect|take effect|takes effect|become effective|becomes effective)\b/i;

export function readCharacter(split: SplitText, operative: Sentence[]): Character {
  // The instrument's own noun comes first in its title: "Protocol to the Framework Agreement" is a protocol.
  const named = FORM_NAMES.map((f, order) => ({ f, at: split.title.search(f[0]), order }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at || a.order - b.order)[0]?.f;
  // A text with no title still names itself: "this Memorandum", "this Agreement".
  const selfName = named ?? FORM_NAMES.find(([re]) => operative.some((s) => new RegExp(`\\bthis (?:${re.source.replace(/\\b/g, '')})`, 'i').test(s.text)));
  const text = operative.map((s) => s.text).join('\n');
  const voice = {
    shall: count(text, /\bshall\b/gi),
    will: count(text, /\bwill\b/gi),
    intend: count(text, /\bintend(s|ed)?\b/gi),
    parties: count(text, /\bPart(y|ies)\b/g),
    participants: count(text, /\bParticipants?\b/g),
  };
  const reads: Character['voice']['reads'] =
    voice.shall === 0 && voice.will + voice.intend === 0 ? 'unclear' : voice.shall === 0 ? 'non-binding' : voice.will + voice.intend === 0 || voice.shall >= 2 * (voice.will + voice.intend) ? 'binding' : voice.shall * 2 <= voice.will + voice.intend ? 'non-binding' : 'mixed';
  const binding = selfName ? selfName[3] : reads === 'binding' || reads === 'mixed';
  const parties = findParties(split).map((name) => ({ name, type: partyType(name) }));
  // The clause that brings the instrument itself into force: "This Agreement shall enter into force"
  // first, so that an earlier "termination ... takes effect" or "an amendment shall enter into force"
  // is not taken for it.
  const eif =
    operative.find((s) => INSTRUMENT_TAKES_EFFECT.test(s.text) && !OTHER_THING_TAKES_EFFECT.test(s.text)) ??
    operative.find((s) => INSTRUMENT_TAKES_EFFECT.test(s.text)) ??
    operative.find((s) => TAKES_EFFECT.test(s.text) && !OTHER_THING_TAKES_EFFECT.test(s.text)) ??
    operative.find((s) => TAKES_EFFECT.test(s.text)) ??
    operative.find((s) => /\bentry into force\b/i.test(s.text) && /\bEntry into Force|Effect/i.test(s.article.title)) ??
    operative.find((s) => /\beffective (on|from|upon) (the date of )?(its )?(signature|signing)/i.test(s.text));
  const words = !eif ? undefined : /\binto force\b/i.test(eif.text) ? 'enters into force' : /\binto effect\b/i.test(eif.text) ? 'comes into effect' : 'takes effect';
  const mismatches: string[] = [];
  const shallAt = [...new Set(operative.filter((s) => /\bshall\b/i.test(s.text)).map((s) => s.article.label))];
  if (selfName && !selfName[3]) {
    if (voice.shall) mismatches.push(`a ${selfName[1]} that says “shall” ${voice.shall === 1 ? 'once' : `${voice.shall} times`} (${listPlaces(shallAt)}): it reads as binding`);
    if (eif && words === 'enters into force') mismatches.push(`a ${selfName[1]} that “enters into force” (${eif.place}): treaty language; a memorandum “comes into effect”`);
    if (voice.parties > voice.participants && voice.parties >= 3) mismatches.push(`a ${selfName[1]} whose signatories are “Parties” (${voice.parties} times), as in a treaty; a memorandum speaks of “Participants”`);
  }
  const treatyWords = operative.find((s) => /\b(ratification|diplomatic channels?|exchange of notes|High Contracting Parties|internal (legal )?procedures)\b/i.test(s.text));
  if (selfName?.[1] === 'Contract' && treatyWords) mismatches.push(`a Contract that speaks as a treaty (${treatyWords.place}: “${treatyWords.text.match(/\b(ratification|diplomatic channels?|exchange of notes|High Contracting Parties|internal (legal )?procedures)\b/i)![0]}”): a contract is governed by a national law and takes effect when signed or on its stated conditions`);
  if (binding && !eif) mismatches.push(`${selfName ? `a ${selfName[1]}` : 'a text written as binding'} with no clause saying when it enters into force`);
  if (selfName && selfName[3] && reads === 'non-binding') mismatches.push(`titled ${selfName[1]}, but written as a memorandum (“will”, no “shall”): the parties’ commitment is unclear`);
  return {
    calls: selfName?.[1] ?? null,
    form: selfName?.[2] ?? null,
    binding,
    bindingFrom: selfName ? 'title' : 'voice',
    voice: { reads, ...voice },
    parties,
    intergovernmental: parties.length === 2 && parties.every((p) => p.type === 'government'),
    entryIntoForce: eif && words ? { article: eif.place, line: eif.line, evidence: eif.text, words } : null,
    mismatches,
  };
}

function listPlaces(labels: string[]): string {
  const shown = labels.slice(0, 4);
  return labels.length > 4 ? `${shown.join(', ')} and ${labels.length - 4} more` : shown.join(', ');
}
