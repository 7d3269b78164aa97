/**
 * Checks the items given to `computeEscalations`: each against its type's schema, ids unique, dates in an
 * order that can happen. A problem is an `invalid_input` error whose path starts with the item's index and
 * whose message names it (`items[3].receivedOn …`).
 */
import type { Issue } from '../problems/issue.js'
import { inputIssues } from '../problems/inputIssues.js'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import { outcomeIssues } from './checkOutcomes.js'
import { itemFacts } from './itemFacts.js'
import { DATE_ORDER, ITEM_SCHEMAS, ITEM_TYPES, type ItemType, type TrackedItem } from './trackedItems.js'

/** More items than this in one call is `input_too_large`: split the batch. */
export const MAX_ITEMS = 100_000

function issue(path: (string | number)[], message: string, messageEn: string): Issue {
  return { code: 'invalid_input', severity: 'error', path, message, messageEn }
}

function label(index: number): string {
  return `items[${index}]`
}

function describeType(value: unknown, language: 'zh' | 'en' = 'zh'): string {
  if (value === undefined) return language === 'en' ? 'missing' : '缺失'
  return typeof value === 'string' ? JSON.stringify(value.length > 40 ? value.slice(0, 37) + '...' : value) : typeof value
}

/** The problems of one item, with paths starting at its index. */
function itemIssues(value: unknown, index: number): { item?: TrackedItem; issues: Issue[] } {
  const at = label(index)
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { issues: [issue([index], `${at} 应为对象 { type, id, section, … }。`, `${at} must be an object { type, id, section, … }.`)] }
  }
  const type = (value as { type?: unknown }).type
  if (typeof type !== 'string' || !(ITEM_TYPES as readonly string[]).includes(type)) {
    return {
      issues: [
        issue(
          [index, 'type'],
          `${at}.type 为 ${describeType(type)}，应为 ${ITEM_TYPES.join('、')} 之一（complaint 投诉、report 举报、meeting-task 联席会议议定事项）。`,
          `${at}.type is ${describeType(type, 'en')}; it must be one of ${ITEM_TYPES.join(', ')}.`,
        ),
      ],
    }
  }
  const parsed = ITEM_SCHEMAS[type as ItemType].safeParse(value)
  if (!parsed.success) {
    // An ill-formed date fails both the pattern and the real-date check: report it once.
    const seen = new Set<string>()
    const issues = inputIssues(value, parsed.error.issues, [at])
      .map((i) => ({ ...i, path: [index, ...(i.path ?? []).slice(1)] }))
      .filter((i) => !seen.has(i.message) && seen.add(i.message) !== undefined)
    return { issues }
  }
  const item = parsed.data as TrackedItem
  const issues: Issue[] = outcomeIssues(item, index)
  if (issues.length) return { issues }
  const { values, sources } = itemFacts(item)
  const dates = values as Record<string, string | undefined>
  const name = (field: string) => sources[field] ?? field
  for (const [laterFact, earlierFact, strict, needsEarlier] of DATE_ORDER[item.type]) {
    const a = dates[laterFact]
    const b = dates[earlierFact]
    const later = name(laterFact)
    const earlier = name(earlierFact)
    if (a === undefined) continue
    if (b === undefined) {
      if (needsEarlier) {
        issues.push(issue([index, ...later.split('.')], `${at}.${later}（${a}）已填写，但没有 ${earlier}：${later} 不能先于 ${earlier} 发生，请补上 ${earlier}。`, `${at}.${later} (${a}) is given without ${earlier}; it cannot happen before ${earlier}. Add ${earlier}.`))
      }
      continue
    }
    if (strict ? a <= b : a < b) {
      issues.push(
        issue(
          [index, ...later.split('.')],
          `${at}.${later}（${a}）${strict ? '不晚于' : '早于'} ${earlier}（${b}），这不可能，请核对日期。`,
          `${at}.${later} (${a}) is ${strict ? 'not after' : 'before'} ${earlier} (${b}), which cannot happen; check the dates.`,
        ),
      )
    }
  }
  return issues.length ? { issues } : { item, issues }
}

/**
 * Validates the items; throws `XiaobaoError` (`invalid_input`, or `input_too_large`) listing every problem.
 * @example
 * validateItems([{ type: 'report', id: 'R1', section: 'metrology', receivedOn: '2026-03-02', realName: true }])
 */
export function validateItems(items: unknown): TrackedItem[] {
  if (!Array.isArray(items)) {
    throw new XiaobaoError([issue([], `items 应为列表（数组），收到的是 ${items === null ? 'null' : typeof items}。`, `items must be an array; got ${items === null ? 'null' : typeof items}.`)])
  }
  if (items.length > MAX_ITEMS) {
    throw new XiaobaoError([
      { code: 'input_too_large', severity: 'error', path: [], message: `一次最多 ${MAX_ITEMS} 件，收到 ${items.length} 件。请分批计算。`, messageEn: `at most ${MAX_ITEMS} items per call; got ${items.length}. Split the batch.` },
    ])
  }
  const issues: Issue[] = []
  const out: TrackedItem[] = []
  const seen = new Map<string, number>()
  items.forEach((value, index) => {
    const result = itemIssues(value, index)
    issues.push(...result.issues)
    if (!result.item) return
    const prior = seen.get(result.item.id)
    if (prior !== undefined) {
      issues.push(issue([index, 'id'], `${label(index)}.id "${result.item.id}" 与 items[${prior}] 重复；每件的 id 须唯一。`, `${label(index)}.id "${result.item.id}" repeats items[${prior}]; ids must be unique.`))
    } else seen.set(result.item.id, index)
    out.push(result.item)
  })
  if (issues.length) throw new XiaobaoError(issues as [Issue, ...Issue[]])
  return out
}
