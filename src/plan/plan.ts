import type { ResolvedTerms } from '../terms/resolve.js';
import { decideCharacter, skeletonFor, type CharacterDecision, type Skeleton } from './character.js';
import { CONTRACT_ARTICLES } from './contract.js';
import { recommendDisputeSteps, recommendEntryIntoForce, recommendIp, recommendJurisdiction, recommendLiability, type Recommendation } from './recommend.js';

/** How a topic's variant was settled, for the drafting notes and the interview. */
export interface Choice {
  topic: string;
  variant: string;
  /** Why this variant: the recommendation's reason, or that the terms file chose it. */
  reason: string;
  chosenBy: 'terms' | 'recommended' | 'fixed';
  recommended?: Recommendation;
  /** Set when a non-binding instrument replaced a binding-only variant. */
  fallbackFrom?: string;
}

export interface PlannedArticle {
  clauseId: string;
  topic: string;
}

export interface Plan {
  articles: PlannedArticle[];
  /** The four Section 4.4 topics and any other topic with a choice. */
  choices: Choice[];
  /** The instrument's legal character, with its reason: settled here, read by render and review. */
  character: CharacterDecision;
  /** Preamble and closing formula the character calls for. */
  skeleton: Skeleton;
}

/** Variants that only a binding instrument can carry, and what a memorandum uses instead. */
const NON_BINDING_FALLBACK: Record<string, Record<string, string>> = {
  liability: { 'cross-waiver': 'convention-only', 'fault-based': 'convention-only' },
  disputes: { arbitration: 'consultation', mediation: 'consultation' },
};

/** A launch under the instrument, or launch services and in-orbit delivery among its areas. */
export function needsLaunchArticle(t: ResolvedTerms): boolean {
  return Boolean(t.launch) || t.hasArea('launch-services', 'in-orbit-delivery');
}

/**
 * Export control is essential where export-controlled items change hands, and in lunar or Mars work
 * (docs/legal-reference.md, areas), so the draft never refers to an export-control article it lacks.
 */
export function needsExportControlArticle(t: ResolvedTerms): boolean {
  return t.exportControlled || t.hasArea('lunar-exploration', 'mars-exploration');
}

/** Something is launched or operated in space under the instrument (not only data or ground work). */
/** Words that show a programme of courses or study beyond training a crew member for a flight. */
const GENERAL_TRAINING = /\b(courses?|fellowships?|scholarships?|schools?|students?|education(al)?|workshops?|seminars?|degrees?|curricul(um|a)|trainees)\b/i;

/**
 * A general training article (courses, fellowships, trainees of both sides) belongs where the terms
 * provide for such a programme. In a crew flight the training is the crew member's, which the crew
 * article governs; the general article there would be filler (counsel A-7), unless the objectives,
 * the project or a party's tasks describe courses or study beyond it.
 */
export function needsTrainingArticle(t: ResolvedTerms): boolean {
  if (!t.hasArea('training-and-education')) return false;
  if (!t.hasArea('human-spaceflight')) return true;
  const c = t.source.cooperation ?? {};
  const texts = [...(c.objectives ?? []), c.project?.description ?? '', ...(c.responsibilities ?? []).flatMap((r) => r.tasks)];
  return texts.some((x) => GENERAL_TRAINING.test(x));
}

export function operatesInSpace(t: ResolvedTerms): boolean {
  return t.spaceObjects.length > 0 || Boolean(t.launch) || t.hasArea('launch-services', 'in-orbit-delivery', 'human-spaceflight');
}

/** Whether the article of a topic belongs in this instrument (its `when`), before any library check. */
export function articleIncluded(t: ResolvedTerms, topic: string): boolean {
  const spec = ARTICLES.find((a) => a.topic === topic || a.topic === `final/${topic}`);
  return spec !== undefined && (!spec.when || spec.when(t));
}

export interface ArticleSpec {
  topic: string;
  /** Whether the article belongs in this instrument; absent means always. */
  when?: (t: ResolvedTerms) => boolean;
  /** The variant; absent means `standard`. */
  choose?: (t: ResolvedTerms) => Choice;
}

function fromTerms(topic: string, value: string | undefined, rec: Recommendation): Choice {
  if (value === undefined) return { topic, variant: rec.variant, reason: rec.reason, chosenBy: 'recommended', recommended: rec };
  const reason = value === rec.variant ? rec.reason : `The facts would suggest \`${rec.variant}\` instead: ${rec.reason}`;
  return { topic, variant: value, reason, chosenBy: 'terms', recommended: rec };
}

function fixed(topic: string, variant: string, reason: string): Choice {
  return { topic, variant, reason, chosenBy: 'fixed' };
}

/**
 * The articles in the usual order (docs/legal-reference.md, section 2.3). Definitions are built by the renderer from the terms the
 * selected clauses use; title, preamble and signature block come from the instrument templates.
 */
export const ARTICLES: readonly ArticleSpec[] = [
  { topic: 'objective' },
  { topic: 'forms' },
  { topic: 'implementation' },
  { topic: 'responsibilities' },
  {
    topic: 'arrangements',
    choose: (t) =>
      t.subordinate
        ? fixed('arrangements', 'precedence', 'A subordinate instrument states its relationship to the parent instrument and which prevails (IGA Art. 4(2)).')
        : fixed('arrangements', 'implementing', 'Projects are carried out through implementing arrangements concluded under this instrument.'),
  },
  {
    topic: 'funding',
    choose: (t) =>
      fixed(
        'funding',
        t.funding,
        t.funding === 'shared' ? 'The terms share costs in agreed proportions.' : 'Each party bears its own costs, subject to available funds (agency practice).',
      ),
  },
  { topic: 'exchange' },
  { topic: 'export-control', when: (t) => needsExportControlArticle(t) },
  { topic: 'customs' },
  // Area-specific articles (docs/legal-reference.md, "Areas and what each makes essential"), placed beside the
  // usual article they qualify.
  // A ground-stations cooperation without a named facility still gets the article, with blanks (review: an error).
  { topic: 'facilities', when: (t) => t.facilities.length > 0 || t.hasArea('ground-stations') },
  { topic: 'launch', when: (t) => needsLaunchArticle(t) },
  { topic: 'jurisdiction', choose: (t) => fromTerms('jurisdiction', t.source.jurisdiction?.registration, recommendJurisdiction(t)) },
  { topic: 'crew', when: (t) => t.hasArea('human-spaceflight') },
  { topic: 'ownership' },
  { topic: 'ip', choose: (t) => fromTerms('ip', t.source.ip?.foreground, recommendIp(t)) },
  { topic: 'release' },
  { topic: 'frequencies', when: (t) => t.hasArea('communications', 'navigation') },
  { topic: 'service-terms', when: (t) => t.hasArea('navigation') },
  { topic: 'debris', when: (t) => t.hasArea('space-debris') || (operatesInSpace(t) && t.hasArea('lunar-exploration', 'mars-exploration')) },
  { topic: 'personnel', when: (t) => t.personnelExchange },
  { topic: 'training', when: (t) => needsTrainingArticle(t) },
  { topic: 'liability', choose: (t) => fromTerms('liability', t.source.liability?.regime, recommendLiability(t)) },
  {
    topic: 'disputes',
    choose: (t) => {
      const last = t.disputeSteps[t.disputeSteps.length - 1]!;
      const rec = recommendDisputeSteps(t);
      return t.source.disputes?.steps ? fromTerms('disputes', last, rec) : { ...fromTerms('disputes', undefined, rec), variant: last };
    },
  },
  // Entry into force is a choice (signature, notification, ratification) with its reason; a memorandum
  // comes into effect on signature and records no choice.
  { topic: 'final/entry-into-force', choose: (t) => (t.binding ? fromTerms('final', t.source.entryIntoForce, recommendEntryIntoForce(t)) : fixed('final', 'signature', '')) },
  { topic: 'final/amendment' },
  { topic: 'final/languages' },
];

export interface PlanOptions {
  /** Clause ids present in the library, to skip optional articles whose file a drafter removed. */
  has?: (clauseId: string) => boolean;
}

export function planDraft(t: ResolvedTerms, options: PlanOptions = {}): Plan {
  const articles: PlannedArticle[] = [];
  const choices: Choice[] = [];
  const character = decideCharacter(t);
  const specs = character.character === 'contract' ? CONTRACT_ARTICLES : ARTICLES;
  for (const spec of specs) {
    if (spec.when && !spec.when(t)) continue;
    if (spec.topic.includes('/')) {
      articles.push({ clauseId: spec.topic, topic: spec.topic.split('/')[0]! });
      const choice = spec.choose?.(t);
      if (choice && choice.chosenBy !== 'fixed') choices.push(choice);
      continue;
    }
    let choice = spec.choose ? spec.choose(t) : fixed(spec.topic, 'standard', '');
    const fallback = !t.binding ? NON_BINDING_FALLBACK[spec.topic]?.[choice.variant] : undefined;
    if (fallback) {
      choice = {
        ...choice,
        variant: fallback,
        fallbackFrom: choice.variant,
        reason: `A memorandum of understanding cannot carry \`${choice.variant}\`, which needs a binding instrument; it uses \`${fallback}\` instead. ${choice.recommended?.variant === fallback ? choice.recommended.reason : choice.reason}`,
      };
    }
    const clauseId = `${spec.topic}/${choice.variant}`;
    if (options.has && !options.has(clauseId) && choice.chosenBy === 'fixed' && choice.variant === 'standard') continue;
    articles.push({ clauseId, topic: spec.topic });
    if (choice.chosenBy !== 'fixed' || choice.fallbackFrom) choices.push(choice);
  }
  return { articles, choices, character, skeleton: skeletonFor(character.character, t.binding) };
}
