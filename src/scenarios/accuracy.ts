/**
 * Accuracy of measured scenarios (a field corpus of real texts): per file, all and the frozen part,
 * against the thresholds the file sets. A run fails only when a threshold is not met.
 */
import type { ScenarioRun } from './runner.js'

export interface AccuracyOf {
  right: number
  total: number
  /** right / total, 0 when there is none. */
  accuracy: number
}

export interface MeasuredFile {
  file: string
  all: AccuracyOf
  frozen: AccuracyOf
  /** Not frozen: the part the rules were tuned on. */
  tuned: AccuracyOf
  minAccuracy: number
  minFrozenAccuracy?: number
  /** Both thresholds met (or not judged: `partial`). */
  met: boolean
  /** A name filter ran only part of the file: its thresholds were not judged. */
  partial?: boolean
}

const of = (runs: readonly ScenarioRun[]): AccuracyOf => {
  const right = runs.filter((r) => r.passed).length
  return { right, total: runs.length, accuracy: runs.length === 0 ? 0 : right / runs.length }
}

/** Each measured file's accuracy, in file order. */
export function measureRuns(runs: readonly ScenarioRun[]): MeasuredFile[] {
  const files = new Map<string, ScenarioRun[]>()
  for (const run of runs) {
    if (!run.measured) continue
    let list = files.get(run.at.file)
    if (!list) files.set(run.at.file, (list = []))
    list.push(run)
  }
  return [...files].map(([file, list]) => {
    const { minAccuracy, minFrozenAccuracy } = list[0]!.measured!
    const all = of(list)
    const frozen = of(list.filter((r) => r.measured!.frozen))
    const tuned = of(list.filter((r) => !r.measured!.frozen))
    const partial = list.some((r) => r.measured!.partial === true)
    const met = partial || (all.accuracy >= minAccuracy && (minFrozenAccuracy === undefined || frozen.total === 0 || frozen.accuracy >= minFrozenAccuracy))
    return { file, all, frozen, tuned, minAccuracy, ...(minFrozenAccuracy !== undefined ? { minFrozenAccuracy } : {}), met, ...(partial ? { partial } : {}) }
  })
}

/** Every measured scenario together. */
export function overallAccuracy(runs: readonly ScenarioRun[]): { all: AccuracyOf; frozen: AccuracyOf; tuned: AccuracyOf } {
  const measured = runs.filter((r) => r.measured)
  return { all: of(measured), frozen: of(measured.filter((r) => r.measured!.frozen)), tuned: of(measured.filter((r) => !r.measured!.frozen)) }
}

export const percent = (a: AccuracyOf) => `${a.right}/${a.total} = ${(a.accuracy * 100).toFixed(1)}%`
