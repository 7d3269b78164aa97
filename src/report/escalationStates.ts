/**
 * The status and level of each deadline of a record's tracked item as of `to`, computed by the
 * escalation capability's own `computeEscalations` — and remembered.
 *
 * Every item is first checked by the escalation capability's `validateItems` (its schema, its outcome
 * fields — `acceptance`, `mediation`, `suspensions` … — and the order of its dates), whether or not its
 * answer is remembered: an impossible record always reaches the appendix.
 *
 * A deadline's outcome depends only on the facts its rule names (`from`, `metBy`, `onlyIf`, `until`, the
 * extension's and the suspension's fields, and the ladder levels' `relativeTo` and `doneWhen`), read from
 * the YAML, and on the item's `suspensions` of the reasons the deadline lists. Those facts are the
 * escalation capability's own (`itemFacts`: `decisionOn`, `mediationStartOn`, `terminatedOn` … derived
 * from the nested outcome fields), never the record's raw fields, so records sharing them share the
 * answer: a year of a county's records has a few thousand distinct combinations, not 500,000. A record
 * is computed in full whenever any of its deadlines is new; the memory is bounded (cleared at `MAX_KEYS`).
 */
import type { ComputeEscalationsOptions, EscalationEntry } from '../escalations/types.js'
import { itemFacts } from '../escalations/itemFacts.js'
import type { TrackedItem } from '../escalations/trackedItems.js'
import type { EscalationsRuleSet } from '../escalations/types.js'
import { validateItems } from '../escalations/validateItems.js'

export interface DeadlineState {
  deadline: string
  status: EscalationEntry['status']
  level: number
}

/** The item's deadlines as of `to`, and the facts the escalation capability derived from it. */
export interface ItemStates {
  /** `itemFacts(item).values`: the flat facts (`decisionOn`, `acceptedOn`, `terminatedOn` …). */
  facts: Readonly<Record<string, unknown>>
  states: DeadlineState[]
}

const MAX_KEYS = 200_000

/**
 * @returns a function that validates one tracked item (throwing the escalation capability's
 *   `XiaobaoError` when it is not valid) and gives its deadline states — synchronously when every one is
 *   remembered, else as a promise.
 */
export function createEscalationStates(
  ruleSet: Pick<EscalationsRuleSet, 'deadlines' | 'escalation'>,
  computeEscalations: (items: readonly TrackedItem[], options: ComputeEscalationsOptions) => Promise<EscalationEntry[]>,
  options: ComputeEscalationsOptions,
): (item: TrackedItem) => ItemStates | Promise<ItemStates> {
  const deadlines = ruleSet.deadlines?.deadlines ?? []
  const levels = ruleSet.escalation?.levels ?? []
  const fieldsOf = new Map(
    deadlines.map((d) => {
      const fields = new Set([d.from, d.metBy, d.onlyIf, d.until, d.extension?.when, d.suspension?.field].filter((f): f is string => f !== undefined))
      for (const level of levels) {
        if (!(level.deadlines as readonly string[]).includes(d.id)) continue
        if (level.trigger.relativeTo) fields.add(level.trigger.relativeTo)
        for (const action of level.actions) if (action.doneWhen) fields.add(action.doneWhen)
      }
      return [d.id as string, [...fields].sort()]
    }),
  )
  const reasonsOf = new Map(deadlines.map((d) => [d.id as string, new Set((d.suspensions ?? []).map((s) => s.reason as string))]))
  const cache = new Map<string, DeadlineState | null>()
  const keyOf = (item: TrackedItem, facts: Record<string, unknown>, deadline: string) => {
    let key = deadline
    for (const field of fieldsOf.get(deadline)!) key += `|${facts[field] ?? ''}`
    const reasons = reasonsOf.get(deadline)!
    if (reasons.size && item.type !== 'meeting-task' && item.suspensions) {
      for (const period of item.suspensions) if (reasons.has(period.reason)) key += `|${period.reason}:${period.from}:${period.to}`
    }
    return key
  }
  const byType = new Map<string, typeof deadlines>()
  for (const d of deadlines) byType.set(d.appliesTo, [...(byType.get(d.appliesTo) ?? []), d])

  const compute = async (item: TrackedItem, facts: Record<string, unknown>, mine: typeof deadlines, keys: string[]): Promise<ItemStates> => {
    const entries = await computeEscalations([item], options)
    if (cache.size > MAX_KEYS) cache.clear()
    const states: DeadlineState[] = []
    mine.forEach((d, i) => {
      const entry = entries.find((e) => e.deadline === d.id)
      const state = entry ? { deadline: entry.deadline, status: entry.status, level: entry.level } : null
      cache.set(keys[i]!, state)
      if (state) states.push(state)
    })
    return { facts, states }
  }

  // Synchronous when every deadline is known: no promise for most records.
  return (item) => {
    const [valid] = validateItems([item])
    const facts = itemFacts(valid!).values
    const mine = byType.get(item.type) ?? []
    const keys = mine.map((d) => keyOf(valid!, facts, d.id))
    const states: DeadlineState[] = []
    for (const key of keys) {
      const state = cache.get(key)
      if (state === undefined) return compute(valid!, facts, mine, keys)
      if (state !== null) states.push(state)
    }
    return { facts, states }
  }
}
