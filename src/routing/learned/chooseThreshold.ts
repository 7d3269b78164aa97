/**
 * The threshold, chosen on out-of-fold answers of the training rows alone. The model's section replaces a
 * fallback only where, at that probability, the model is right more often than not: when the out-of-fold
 * answers with p ≥ θ are right in more than half of the cases, the model's class is then more likely than
 * any other single answer — the fallback's included. θ is the smallest threshold at which every band of
 * answers from θ up (θ…θ+0.05, …) is right more than half the time; 1 (never) when there is none.
 */
import { THRESHOLDS, type OutOfFold } from './crossValidate.js'

export const MIN_BAND_ACCURACY = 0.5

export interface ThresholdChoice {
  threshold: number
  /** Per threshold tried: right / answers in its band (θ up to the next threshold). */
  bands: { from: number; right: number; total: number }[]
}

export function chooseThreshold(answers: readonly OutOfFold[], isSection: (label: string) => boolean): ThresholdChoice {
  const sectionAnswers = answers.filter((a) => isSection(a.predicted))
  const bands = THRESHOLDS.map((from, i) => {
    const to = THRESHOLDS[i + 1] ?? Infinity
    const inBand = sectionAnswers.filter((a) => a.p >= from && a.p < to)
    return { from, right: inBand.filter((a) => a.label === a.predicted).length, total: inBand.length }
  })
  let threshold = 1
  for (let i = bands.length - 1; i >= 0; i--) {
    const b = bands[i]!
    if (b.total > 0 && !(b.right / b.total > MIN_BAND_ACCURACY)) break
    threshold = b.from
  }
  return { threshold, bands }
}
