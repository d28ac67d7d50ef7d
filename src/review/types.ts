/** One thing counsel would flag. */
export interface Finding {
  /** Stable id, e.g. `mou-binding-language`, used in tests, `--json` and suppressions. */
  rule: string;
  severity: 'error' | 'warning' | 'note';
  /** One line: what is wrong and where (article or terms field). */
  message: string;
  /** What to do about it. */
  fix: string;
  /** The treaty article or practice the rule rests on. */
  source: string;
  /** Terms field path or "Article N", when the finding has a place. */
  where?: string;
  line?: number;
}
