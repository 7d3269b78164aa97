/**
 * The status and level of each deadline of a record's tracked item as of `to`, computed by the
 * escalation capability's own `computeEscalations` — and remembered. A deadline's outcome depends only
 * on the item fields its rule names (`from`, `metBy`, `onlyIf`, `until`, the extension's and the
 * suspension's fields, and the ladder levels' `relativeTo` and `doneWhen`), all read from the YAML, so
 * records sharing those dates share the answer: a year of a county's records has a few thousand
 * distinct (receivedOn, acceptedOn) pairs, not 500,000. A record is computed (and validated) in full
 * whenever any of its deadlines is new; the memory is bounded (cleared at `MAX_KEYS`).
 */
import type { ComputeEscalationsOptions, EscalationEntry } from '../escalations/types.js'
import type { TrackedItem } from '../escalations/trackedItems.js'
import type { EscalationsRuleSet } from '../escalations/types.js'

export interface DeadlineState {
  deadline: string
  status: EscalationEntry['status']
  level: number
}

const MAX_KEYS = 200_000

export function createEscalationStates(
  ruleSet: Pick<EscalationsRuleSet, 'deadlines' | 'escalation'>,
  computeEscalations: (items: readonly TrackedItem[], options: ComputeEscalationsOptions) => Promise<EscalationEntry[]>,
  options: ComputeEscalationsOptions,
): (item: TrackedItem) => DeadlineState[] | Promise<DeadlineState[]> {
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
  const cache = new Map<string, DeadlineState | null>()
  const keyOf = (item: TrackedItem, deadline: string) => {
    const values = item as unknown as Record<string, unknown>
    let key = deadline
    for (const field of fieldsOf.get(deadline)!) key += `|${values[field] ?? ''}`
    return key
  }
  const byType = new Map<string, typeof deadlines>()
  for (const d of deadlines) byType.set(d.appliesTo, [...(byType.get(d.appliesTo) ?? []), d])

  const compute = async (item: TrackedItem, mine: typeof deadlines, keys: string[]) => {
    const entries = await computeEscalations([item], options)
    if (cache.size > MAX_KEYS) cache.clear()
    const states: DeadlineState[] = []
    mine.forEach((d, i) => {
      const entry = entries.find((e) => e.deadline === d.id)
      const state = entry ? { deadline: entry.deadline, status: entry.status, level: entry.level } : null
      cache.set(keys[i]!, state)
      if (state) states.push(state)
    })
    return states
  }

  // Synchronous when every deadline is known: no promise for most records.
  return (item) => {
    const mine = byType.get(item.type) ?? []
    const keys = mine.map((d) => keyOf(item, d.id))
    const states: DeadlineState[] = []
    for (const key of keys) {
      const state = cache.get(key)
      if (state === undefined) return compute(item, mine, keys)
      if (state !== null) states.push(state)
    }
    return states
  }
}
