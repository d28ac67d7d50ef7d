import type { Finding } from './types.js';

/** What a rule reports; the rule adds its id, severity and source. */
export interface Hit {
  message: string;
  fix: string;
  where?: string;
  line?: number;
}

export interface Rule<C> {
  id: string;
  severity: Finding['severity'];
  /** `terms`: over the terms and the plan; `text`: over the instrument's text (a built draft or a file). */
  level: 'terms' | 'text';
  /** The numbers of the consistency rules of docs/legal-reference.md, section 4, this rule checks, if any. */
  domain: number[];
  /** One line for the README table. */
  what: string;
  source: string;
  check: (context: C) => Hit[];
}

export function runRules<C>(rules: readonly Rule<C>[], context: C): Finding[] {
  return rules.flatMap((r) =>
    r.check(context).map((h) => ({
      rule: r.id,
      severity: r.severity,
      message: h.message,
      fix: h.fix,
      source: r.source,
      ...(h.where !== undefined ? { where: h.where } : {}),
      ...(h.line !== undefined ? { line: h.line } : {}),
    })),
  );
}
