/** Damerau-free Levenshtein distance, small inputs only. */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The closest allowed value, if it is close enough to be a plausible typo. */
export function closest(value: string, allowed: readonly string[]): string | undefined {
  const v = value.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const a of allowed) {
    const d = distance(v, a.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = a;
    }
  }
  if (best === undefined) return undefined;
  // A near miss changes a few characters and leaves most of the word: `c` is no typo of `a`.
  const limit = Math.max(2, Math.floor(Math.max(value.length, best.length) / 3));
  return bestD <= limit && bestD < value.length ? best : undefined;
}
