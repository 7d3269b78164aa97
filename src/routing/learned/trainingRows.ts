/**
 * What the learned review model is trained on: the route scenarios of a rule set that have a text and a clear
 * label, with every `frozen: true` scenario dropped FIRST — the held-out third is never read, so it cannot
 * change the model (or its hash). The label is the expected lead section for `route`, or `reject`;
 * transfers are left out (`labelOf`).
 */
import { sha256Hex } from '../../ruleset/contentHash.js'
import { normalizeText } from '../../conditions/normalizeText.js'
import type { RoutingRuleSet } from '../ruleSet.js'
import type { ScenarioRecord } from '../ruleSet.js'
import { variantsOf } from '../deriveFacts.js'

export interface TrainingRow {
  /** As the router reads it (normalised, variants applied). */
  text: string
  respondent: string
  label: string
  /** The scenario's input, as written (to route it with the rules). */
  input: Record<string, unknown>
  /** The scenario file it comes from. */
  file: string
}

export interface TrainingRows {
  rows: TrainingRow[]
  /** Frozen scenarios left out (counted, never read further). */
  frozenExcluded: number
  /** `sha256:<16 hex>` over the rows, in order. */
  hash: string
  /**
   * The same per scenario file, in file order: the model is stale when a file's rows changed or a file
   * has rows it was not trained on. A file that is gone is not staleness: a bureau may delete scenario
   * files (the field corpus that `xiaobao init` copies, say), and the model still knows what it learnt there.
   */
  files: Record<string, string>
}

/**
 * The class of a scenario's expectation, or undefined when it has none (an error case, no lead) or is a
 * transfer: a transfer follows from the respondent's county, not from the words, so a transfer's text
 * (an ordinary complaint about some section's matter) would only teach the model noise — and the review
 * warning never compares against a transfer.
 */
export function labelOf(expect: ScenarioRecord['expect']): string | undefined {
  if (expect.error !== undefined || expect.disposition === 'transfer') return undefined
  if (expect.disposition === 'reject') return expect.disposition
  if ((expect.disposition === undefined || expect.disposition === 'route') && typeof expect.lead === 'string') return expect.lead
  return undefined
}

/** The training rows of `ruleSet`, frozen scenarios dropped first. */
export function trainingRows(ruleSet: RoutingRuleSet, options: { overallHash?: boolean } = {}): TrainingRows {
  const unfrozen = ruleSet.scenarios.filter((s) => s.frozen !== true)
  const frozenExcluded = ruleSet.scenarios.length - unfrozen.length
  const variants = variantsOf(ruleSet)
  const rows: TrainingRow[] = []
  for (const s of unfrozen) {
    const text = s.input.text
    const label = labelOf(s.expect)
    if (typeof text !== 'string' || text.trim() === '' || label === undefined) continue
    const respondent = s.input.respondent
    const name = respondent !== null && typeof respondent === 'object' && typeof (respondent as { name?: unknown }).name === 'string' ? (respondent as { name: string }).name : ''
    rows.push({ text: variants(normalizeText(text)), respondent: variants(normalizeText(name)), label, input: s.input, file: s.at.file })
  }
  const byFile = new Map<string, TrainingRow[]>()
  for (const row of rows) {
    let list = byFile.get(row.file)
    if (!list) byFile.set(row.file, (list = []))
    list.push(row)
  }
  const files: Record<string, string> = {}
  for (const [file, list] of byFile) files[file] = rowsHash(list)
  // (The overall hash is skipped when only the per-file ones are wanted: lint's check runs at every load.)
  return { rows, frozenExcluded, hash: options.overallHash === false ? '' : rowsHash(rows), files }
}

/** The hash of the rows: text, respondent and label of each, in order. */
export function rowsHash(rows: readonly Pick<TrainingRow, 'text' | 'respondent' | 'label'>[]): string {
  const json = JSON.stringify(rows.map((r) => [r.text, r.respondent, r.label]))
  return 'sha256:' + sha256Hex(new TextEncoder().encode(json)).slice(0, 16)
}
