/** How much the training set grows at each retrain: 10 % (in percent, so the levels are integers). */
export const TRAINING_GROWTH_PERCENT = 10;

/**
 * How many of the `n` sectioned articles (oldest first) the topic model trains on: the largest level
 * ≤ n of the fixed series 1, 2, …, 10, 11, 13, 15, 17, 19, 21, 24, … where each level is the one before
 * plus 10 % (rounded up, at least one more). The series depends on nothing but n, so a clean build and
 * an incremental one train on the same articles, and adding the newest articles changes the training
 * set only when their count crosses the next level: about once per 10 % growth of the archive.
 */
export function trainingSize(n: number, growthPercent = TRAINING_GROWTH_PERCENT): number {
  if (n < 1) return 0;
  let level = 1;
  for (;;) {
    const next = Math.max(level + 1, Math.ceil((level * (100 + growthPercent)) / 100));
    if (next > n) return level;
    level = next;
  }
}
