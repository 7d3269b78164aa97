/**
 * k-fold cross-validation on the training rows alone (never a test set): each row is scored by a model
 * trained without its fold, pruned and quantised as the shipped one is. The threshold is then chosen on
 * these out-of-fold answers (`chooseThreshold`).
 */
import { gramsOf } from './features.js'
import { fitSoftmax, type FitSettings } from './fit.js'
import { compactModel, decodeWeights, type PruneSettings } from './compact.js'
import { scoreText } from './score.js'
import { seededRandom } from './prng.js'
import type { TrainingRow } from './trainingRows.js'

export interface OutOfFold {
  label: string
  predicted: string
  p: number
}

export function crossValidate(rows: readonly TrainingRow[], fit: FitSettings, prune: PruneSettings, folds = 5, skipChars = ''): OutOfFold[] {
  const rnd = seededRandom(fit.seed + 1)
  const keyed = rows.map((_, i) => [rnd(), i] as const)
  keyed.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const foldOf = new Int32Array(rows.length)
  keyed.forEach(([, i], j) => (foldOf[i] = j % folds))
  const grams = rows.map((r) => gramsOf(r.text, r.respondent, skipChars))
  const out: OutOfFold[] = new Array(rows.length)
  for (let k = 0; k < folds; k++) {
    const docs = rows.flatMap((r, i) => (foldOf[i] === k ? [] : [{ grams: grams[i]!, label: r.label }]))
    const dense = fitSoftmax(docs, fit)
    const decoded = decodeWeights(compactModel(dense, prune), dense.classes.length)
    if (!decoded.ok) throw new Error('internal: a compacted model does not decode')
    rows.forEach((r, i) => {
      if (foldOf[i] !== k) return
      const s = scoreText(decoded.value, r.text, r.respondent)
      out[i] = { label: r.label, predicted: dense.classes[s.top]!, p: s.p }
    })
  }
  return out
}

/** The thresholds tried. */
export const THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]
