import type { Draft } from '../render/draft.js';

/**
 * The drafting notes as sections of inline-Markdown entries, for the Word and HTML exporters. The
 * Markdown, Word and HTML exporters all render these sections, so the notes read the same in every
 * format.
 */
export interface NoteSection {
  heading: string;
  /** Numbered (open points) or bulleted. */
  ordered: boolean;
  /** Shown when there are no entries. */
  empty?: string;
  entries: string[];
}

export const NOTES_HEADING = 'Drafting notes for review';
/** The notes' heading as Word shows it: an annex after the signatures. */
export const NOTES_ANNEX = `Annex: ${NOTES_HEADING}`;

export function notesIntro(draft: Draft): string {
  if (draft.lang === 'zh') return `以下起草说明供起草人员和法律顾问使用，不属于案文，以英文撰写，与英文文本的说明一致。These notes are for the drafting team and are not part of the text; they are in English, as for the English text. Draft with \`--no-notes\` for the copy that goes to the other side.`;
  return `These notes are for the drafting team and are not part of the ${draft.binding ? 'instrument' : 'memorandum'}. Draft with \`--no-notes\` for the copy that goes to the other side.`;
}

export function noteSections(draft: Draft): NoteSection[] {
  const n = draft.notes;
  return [
    {
      heading: 'Open points',
      ordered: true,
      empty: 'None: every blank is filled.',
      entries: n.openPoints.map((p) => `**${p.label}** (${p.where.join(', ')}; \`${p.path}\`): ${p.why}`),
    },
    {
      heading: 'Choices made',
      ordered: false,
      entries: [
        ...(draft.character ? [`**Legal character**: ${draft.character.label}. ${draft.character.reason}`] : []),
        ...n.choices.map((c) => {
          const how = c.chosenBy === 'terms' ? 'chosen in the terms file' : 'recommended from the facts';
          return `**${c.topicTitle}** (Article ${c.article}): \`${c.clauseId}\`, ${how}. ${c.reason} Sources: ${c.sources.join('; ')}.`;
        }),
      ],
    },
    {
      heading: 'For counsel',
      ordered: false,
      entries: [...n.reviews.map((r) => `Article ${r.article}, ${r.title} (\`${r.clauseId}\`): ${r.text}`), alternatNote(draft), ...textsNote(draft)],
    },
    { heading: 'Sources', ordered: false, entries: [...n.sources] },
  ];
}

/** The line under the title, in every format: a draft, without prejudice to either side's position. */
export function statusLine(draft: Draft): string {
  if (draft.lang === 'zh') return '草案（不影响任何一方的立场），仅供讨论，案文尚未经双方商定。';
  return `Draft, without prejudice: for discussion only; the text is not agreed by the ${draft.partyWord}.`;
}

/**
 * The alternat, said once in the notes: each side's original names that side first in the title, the
 * preamble and the signature block (`--alternat`).
 */
export function alternatNote(draft: Draft): string {
  const first = draft.firstParty ? `${draft.firstParty}'s original: it names ${draft.firstParty} first` : `names the ${draft.partyWord} in the order of the terms file`;
  return `Alternat: this copy is ${first}. Each side's original names that side first in the title, the preamble and the signature block; draft the other side's original with \`--alternat <party>\`.`;
}

/** Which authentic texts spacecoop writes and which are still to be prepared by hand. */
export function textsNote(draft: Draft): string[] {
  const t = draft.notes.texts;
  if (!t || t.authentic.length < 2) return [];
  const list = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  const written = t.written.length ? `spacecoop writes the ${list(t.written)} ${t.written.length === 1 ? 'text' : 'texts'} (\`--lang zh\` for the Chinese, each its own draft file, regenerated keeping its edits)` : '';
  const rest = t.toPrepare.length ? `the ${list(t.toPrepare)} ${t.toPrepare.length === 1 ? 'text is' : 'texts are'} still to be prepared, from the agreed text, and checked against it before signature` : 'every authentic text can be drafted here';
  const working = t.authentic.includes('English') ? '' : ' The English draft is a working text, not one of the authentic texts.';
  return [`Authentic texts: ${list(t.authentic)}. ${[written, rest].filter(Boolean).join('; ')}.${working}`];
}
