/**
 * What a retrained model changes: the labelled route scenarios whose answer (the lead section, or `reject`)
 * differs between two routings of the same rules — the old model file and the new one. Retraining moves
 * the texts whose p sits near `leadThreshold` from one side to the other (README, "learned lead"), so a
 * field file can lose a text nobody touched; `xiaobao train` prints these so legal staff see it at once,
 * not when `xiaobao test` next fails a threshold.
 *
 * Pure and browser-safe: the two routings are passed in. Frozen scenarios are counted, never named (the
 * sealed part of the field corpus, as `xiaobao test` keeps it).
 */
import type { ScenarioRecord } from '../ruleSet.js'
import { labelOf } from './trainingRows.js'

/** A routing decision as far as the comparison reads it. */
export interface AnsweredDecision {
  disposition: string
  lead?: { id: string } | null
}

export type Route = (input: ScenarioRecord['input']) => AnsweredDecision

export type ChangeKind = 'rightToWrong' | 'wrongToRight' | 'wrongToWrong'

export interface AnswerChange {
  kind: ChangeKind
  before: string
  after: string
  scenario: { name: string; id?: string; line: number }
}

export interface FileChanges {
  file: string
  tuned: AnswerChange[]
  /** Frozen scenarios: counts only, never an `AnswerChange` (no name, id or line). */
  frozen: Record<ChangeKind, number>
}

const answerOf = (d: AnsweredDecision): string => (d.disposition === 'route' ? (d.lead?.id ?? '?') : d.disposition)

/**
 * The scenarios with a text and a clear label (`labelOf`: a lead or `reject`; transfers and expected errors
 * aside) whose answer differs between `before` and `after`, by file in file order. A scenario that either
 * routing refuses (its input is invalid on purpose) is left out.
 */
export function answerChanges(scenarios: readonly ScenarioRecord[], before: Route, after: Route): FileChanges[] {
  const byFile = new Map<string, FileChanges>()
  for (const s of scenarios) {
    const label = labelOf(s.expect)
    if (label === undefined || typeof s.input?.text !== 'string') continue
    let a: string
    let b: string
    try {
      a = answerOf(before(s.input))
      b = answerOf(after(s.input))
    } catch {
      continue
    }
    if (a === b) continue
    const kind: ChangeKind = a === label ? 'rightToWrong' : b === label ? 'wrongToRight' : 'wrongToWrong'
    let entry = byFile.get(s.at.file)
    if (!entry) byFile.set(s.at.file, (entry = { file: s.at.file, tuned: [], frozen: { rightToWrong: 0, wrongToRight: 0, wrongToWrong: 0 } }))
    if (s.frozen === true) entry.frozen[kind]++
    else {
      const id = s.input.id
      entry.tuned.push({ kind, before: a, after: b, scenario: { name: s.name, line: s.at.line, ...(typeof id === 'string' ? { id } : {}) } })
    }
  }
  return [...byFile.values()]
}
