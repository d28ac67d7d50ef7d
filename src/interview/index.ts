/** The interview, for `spacecoop new`: questions as data, a runner, and the terms file writer. */
export { runInterview, InterviewCancelled, type InterviewOptions, type InterviewResult } from './run.js';
export { SECTIONS, BUILTIN_VARIANTS, allQuestions, type Topic, type VariantChoice } from './questions.js';
export { renderTermsYaml, type TermsFileBase } from './yaml.js';
export { resumePathFor, renderResume, parseResume } from './resume.js';
export { changedPaths } from './object-path.js';
export { PromptCancelled, isPromptCancelled, type Ask, type Asked, type Say, type SayKind, type InterviewIo } from './types.js';
