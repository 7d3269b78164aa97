/**
 * Multinomial logistic regression (softmax) over binary features, trained by plain SGD with L2 for a
 * fixed number of epochs, documents shuffled by a seeded generator — the method of
 * test/tools/classifier-experiment.mts. Deterministic: features are numbered in sorted order, every loop
 * runs in a fixed order, so the same documents and settings give the same weights.
 */
import { seededRandom } from './prng.js'

export interface FitSettings {
  epochs: number
  learningRate: number
  l2: number
  seed: number
}

export const DEFAULT_FIT: FitSettings = { epochs: 30, learningRate: 0.2, l2: 1e-4, seed: 7 }

export interface Doc {
  grams: readonly string[]
  label: string
}

/** Full-precision weights: `weights[f * K + k]` for feature `features[f]` and class `classes[k]`. */
export interface DenseModel {
  classes: string[]
  features: string[]
  bias: Float64Array
  weights: Float64Array
}

export function fitSoftmax(docs: readonly Doc[], settings: FitSettings = DEFAULT_FIT): DenseModel {
  const classes = [...new Set(docs.map((d) => d.label))].sort()
  const K = classes.length
  const classIndex = new Map(classes.map((c, i) => [c, i]))
  const features = [...new Set(docs.flatMap((d) => d.grams))].sort()
  const featureIndex = new Map(features.map((g, i) => [g, i]))
  const encoded = docs.map((d) => Int32Array.from([...new Set(d.grams)].map((g) => featureIndex.get(g)!).sort((a, b) => a - b)))
  const ys = docs.map((d) => classIndex.get(d.label)!)
  const weights = new Float64Array(features.length * K)
  const bias = new Float64Array(K)
  const p = new Float64Array(K)
  const rnd = seededRandom(settings.seed)
  const order = docs.map((_, i) => i)
  for (let e = 0; e < settings.epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1))
      const t = order[i]!
      order[i] = order[j]!
      order[j] = t
    }
    const rate = settings.learningRate / (1 + e * 0.2)
    for (const i of order) {
      const f = encoded[i]!
      softmaxInto(p, bias, weights, f, K)
      const y = ys[i]!
      const scale = rate / Math.sqrt(Math.max(1, f.length))
      for (let k = 0; k < K; k++) {
        const g = p[k]! - (k === y ? 1 : 0)
        bias[k] = bias[k]! - rate * g
        p[k] = g
      }
      const decay = rate * settings.l2
      for (let n = 0; n < f.length; n++) {
        const base = f[n]! * K
        for (let k = 0; k < K; k++) weights[base + k] = weights[base + k]! - scale * p[k]! - decay * weights[base + k]!
      }
    }
  }
  return { classes, features, bias, weights }
}

/** Class probabilities into `out`, for the features `f` (indexes). */
export function softmaxInto(out: Float64Array, bias: ArrayLike<number>, weights: ArrayLike<number>, f: ArrayLike<number>, K: number): void {
  for (let k = 0; k < K; k++) out[k] = bias[k]!
  for (let n = 0; n < f.length; n++) {
    const base = f[n]! * K
    for (let k = 0; k < K; k++) out[k] = out[k]! + weights[base + k]!
  }
  normalize(out, K)
}

/** Scores → probabilities, in place. */
export function normalize(z: Float64Array, K: number): void {
  let max = -Infinity
  for (let k = 0; k < K; k++) if (z[k]! > max) max = z[k]!
  let sum = 0
  for (let k = 0; k < K; k++) {
    z[k] = Math.exp(z[k]! - max)
    sum += z[k]!
  }
  for (let k = 0; k < K; k++) z[k] = z[k]! / sum
}
