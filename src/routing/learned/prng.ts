/** A seeded pseudo-random generator (a 31-bit linear congruential one, as in the experiment): the same seed, the same numbers, everywhere. */
export function seededRandom(seed: number): () => number {
  let state = Math.abs(Math.trunc(seed)) % 2147483648
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
}
