/**
 * The threshold, chosen on out-of-fold answers of the training rows alone (crossValidate.ts). The warning
 * says "similar cases were mostly given X": it should fire only where the model is sure, so θ is the
 * smallest threshold at which the out-of-fold answers with p ≥ θ are right at least `MIN_ACCURACY` of the
 * time (nine in ten), and stay so from every higher threshold on; 1 (never) when there is none. Every
 * answer counts, a section or `reject`, as the warning compares both.
 */
import { THRESHOLDS, type OutOfFold } from './crossValidate.js'

export const MIN_ACCURACY = 0.9

export interface ThresholdChoice {
  threshold: number
  /** Per threshold tried: right / answers with p at least it. */
  bands: { from: number; right: number; total: number }[]
}

export function chooseThreshold(answers: readonly OutOfFold[]): ThresholdChoice {
  const bands = THRESHOLDS.map((from) => {
    const above = answers.filter((a) => a.p >= from)
    return { from, right: above.filter((a) => a.label === a.predicted).length, total: above.length }
  })
  let threshold = 1
  for (let i = bands.length - 1; i >= 0; i--) {
    const b = bands[i]!
    if (b.total > 0 && !(b.right / b.total >= MIN_ACCURACY)) break
    threshold = b.from
  }
  return { threshold, bands }
}
