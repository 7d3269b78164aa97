/**
 * How a message says what similar labelled cases got, by the model's probability: 「多」 / "mostly" from 0.5 up (a
 * majority); below it 「最常」 / "most often" — the commonest answer, not a majority (the lead thresholds may be that
 * low: schema.ts).
 */
export function mostly(p: number): { zh: string; en: string } {
  return p >= 0.5 ? { zh: '多', en: 'mostly' } : { zh: '最常', en: 'most often' }
}
