/**
 * `SPACECOOP_TIMING=1`: the launcher (bin/spacecoop.js) prints, at exit, the time from the start of
 * the process to each mark, in milliseconds, on stderr. For start-up work with `npm run bench`;
 * without the variable a mark costs one property read.
 */
type Mark = (label: string) => void;
export const mark: Mark = (label) => (globalThis as { __spacecoopMark?: Mark }).__spacecoopMark?.(label);
