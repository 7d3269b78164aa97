/**
 * `computeEscalations`: for each tracked item and each deadline that applies to it, the due date, the
 * status as of a review date, how late, the level of the escalation ladder reached, who must do what, and
 * the articles it rests on. Deterministic: the review date is an argument, never the clock.
 *
 * Counting convention (《暂行办法》 and 《处罚程序规定》 count 工作日; the day of the start event is not
 * counted): a deadline of n working days from event day E falls on the n-th working day after E, by the
 * State Council's holiday notices (rest days skipped, make-up working days counted). It is met by an
 * event on or before that day. `workingDaysLate` counts the working days after the due date up to and
 * including the day of review (or of the late event) — a rest day just after the due date is late by 0.
 */
import * as z from 'zod'
import type { WorkingCalendar } from '../calendar/createCalendar.js'
import { inputIssues } from '../problems/inputIssues.js'
import type { Issue } from '../problems/issue.js'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { SectionRef } from '../sections.js'
import { resolveCitation } from '../ruleset/citations.js'
import { isoDate, type CitationRef } from '../ruleset/schemas.js'
import type { Citation } from '../ruleset/types.js'
import type { EscalationsRuleSet as RuleSet } from './types.js'
import type { SectionId } from '../sections.js'
import { fill } from './messages.js'
import type { EscalationLevelSpec } from './schemas.js'
import { ITEM_FIELDS, type TrackedItem } from './trackedItems.js'
import type { ComputeEscalationsOptions, DeadlineRecord, EscalationAction, EscalationEntry, EscalationLevelRecord } from './types.js'
import { validateItems } from './validateItems.js'

const optionsSchema = z.strictObject({ asOf: isoDate, provisional: z.boolean().optional() })

function checkOptions(options: unknown): ComputeEscalationsOptions {
  const parsed = optionsSchema.safeParse(options)
  if (parsed.success) return parsed.data
  throw new XiaobaoError(inputIssues(options, parsed.error.issues, ['options']))
}

/** Working-day arithmetic that remembers whether any answer came from provisional data. */
class Clock {
  provisional = false
  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly opts: { provisional?: boolean },
  ) {}
  addWorkingDays(date: string, n: number): string {
    const result = this.calendar.addWorkingDays(date, n, this.opts)
    if (result.provisional) this.provisional = true
    return result.date
  }
  workingDaysBetween(a: string, b: string): number {
    const result = this.calendar.workingDaysBetween(a, b, this.opts)
    if (result.provisional) this.provisional = true
    return result.days
  }
  isWorkingDay(date: string): boolean {
    const info = this.calendar.dayInfo(date, this.opts)
    if (info.provisional) this.provisional = true
    return info.working
  }
  addCalendarDays(date: string, n: number): string {
    return this.calendar.addCalendarDays(date, n)
  }
  /** The first day of a `{ before: n }` window: from it on, at most n working days remain until `due`. */
  windowStart(due: string, n: number): string {
    let day = due
    let count = 0
    for (;;) {
      if (this.isWorkingDay(day) && ++count === n + 1) return day
      day = this.addCalendarDays(day, -1)
    }
  }
}

/** The item's value of `field` as of `asOf`: an event dated after it has not happened yet. */
function valueOf(item: TrackedItem, field: string, asOf: string): unknown {
  const value = (item as unknown as Record<string, unknown>)[field]
  if (typeof value === 'string' && (ITEM_FIELDS[item.type].events as readonly string[]).includes(field) && value > asOf) return undefined
  return value
}

function dateOf(item: TrackedItem, field: string | undefined, asOf: string): string | undefined {
  if (field === undefined) return undefined
  const value = valueOf(item, field, asOf)
  return typeof value === 'string' ? value : undefined
}

interface LevelState {
  level: EscalationLevelRecord
  reached: boolean
  /** The day it will be reached, when not yet. */
  on?: string
}

/**
 * Binds a rule set and its calendar; the returned function validates its arguments and computes.
 * @example
 * const compute = createEscalationComputer(ruleSet, calendarOf(ruleSet))
 * await compute([{ type: 'complaint', id: 'C1', section: 'metrology', receivedOn: '2026-09-29' }], { asOf: '2026-10-12' })
 * // → [{ itemId: 'C1', deadline: 'complaint-acceptance', dueOn: '2026-10-14', status: 'due-soon', level: 1, … }]
 */
export function createEscalationComputer(ruleSet: RuleSet, calendar: WorkingCalendar) {
  const sectionRef = (id: SectionId): SectionRef => ({ id, name: ruleSet.sections[id]?.name ?? id })
  const resolve = (refs: readonly CitationRef[], into: Map<string, Citation>) => {
    for (const ref of refs) {
      const key = `${ref.doc ?? 'implementation-measures'}:${ref.seq}:${ref.item ?? ''}`
      if (into.has(key)) continue
      const citation = resolveCitation(ruleSet, ref)
      if (citation) into.set(key, citation)
    }
  }

  function entryFor(item: TrackedItem, deadline: DeadlineRecord, asOf: string, clock: Clock): EscalationEntry | undefined {
    if (deadline.appliesTo !== item.type) return undefined
    if (deadline.onlyIf !== undefined && valueOf(item, deadline.onlyIf, asOf) !== true) return undefined
    const start = dateOf(item, deadline.from, asOf)
    if (start === undefined) return undefined // the clock has not started (as of asOf)

    const basis = new Map<string, Citation>()
    resolve(deadline.cites, basis)
    let dueOn: string
    if (deadline.until !== undefined) {
      const until = dateOf(item, deadline.until, asOf)
      if (until === undefined) return undefined
      dueOn = until
    } else {
      let length = deadline.length!
      if (deadline.extension && valueOf(item, deadline.extension.when, asOf) === true) {
        length += deadline.extension.length
        resolve(deadline.extension.cites, basis)
      }
      if (deadline.suspension) {
        const suspended = valueOf(item, deadline.suspension.field, asOf)
        if (typeof suspended === 'number' && suspended > 0) {
          length += suspended
          resolve(deadline.suspension.cites, basis)
        }
      }
      dueOn = deadline.unit === 'calendar-days' ? clock.addCalendarDays(start, length) : clock.addWorkingDays(start, length)
    }

    const metOn = dateOf(item, deadline.metBy, asOf)
    if (metOn !== undefined) {
      const late = metOn > dueOn
      return {
        itemId: item.id,
        deadline: deadline.id,
        dueOn,
        status: late ? 'met-late' : 'met',
        ...(late ? { workingDaysLate: clock.workingDaysBetween(dueOn, metOn) } : {}),
        level: 0,
        actions: [],
        basis: [...basis.values()],
      }
    }

    const overdue = asOf > dueOn
    const workingDaysLate = overdue ? clock.workingDaysBetween(dueOn, asOf) : undefined
    const states: LevelState[] = []
    for (const level of ruleSet.escalation?.levels ?? []) {
      if (!level.deadlines.includes(deadline.id)) continue
      const trigger: EscalationLevelSpec['trigger'] = level.trigger
      if (trigger.before !== undefined) {
        if (overdue) continue
        const from = clock.windowStart(dueOn, trigger.before)
        states.push(asOf >= from ? { level, reached: true } : { level, reached: false, on: from })
      } else {
        const ref = trigger.relativeTo === undefined ? dueOn : dateOf(item, trigger.relativeTo, asOf)
        if (ref === undefined) continue
        const after = trigger.after ?? 0
        const on = after === 0 ? clock.addCalendarDays(ref, 1) : clock.addWorkingDays(ref, after)
        states.push(overdue && asOf >= on ? { level, reached: true } : { level, reached: false, on })
      }
    }
    const reached = states.filter((s) => s.reached).sort((a, b) => a.level.level - b.level.level)
    const level = reached.at(-1)?.level.level ?? 0
    const dueSoon = !overdue && reached.some((s) => s.level.trigger.before !== undefined)

    const changes = states.filter((s) => !s.reached && s.on! > asOf).map((s) => s.on!)
    if (!overdue) changes.push(clock.addCalendarDays(dueOn, 1))
    const nextReviewOn = changes.sort()[0]

    const values: Record<string, unknown> = { ...item, dueOn, workingDaysLate, itemId: item.id }
    for (const field of ITEM_FIELDS[item.type].events) values[field] = valueOf(item, field, asOf)
    const actions = new Map<string, EscalationAction>()
    for (const { level: reachedLevel } of reached) {
      resolve(reachedLevel.cites, basis)
      for (const action of reachedLevel.actions) {
        if (action.doneWhen !== undefined && dateOf(item, action.doneWhen, asOf) !== undefined) continue
        const actor: EscalationAction['actor'] =
          action.actor === 'item-section' ? sectionRef(item.section) : action.actor === 'convener' || action.actor === 'joint-meeting-office' ? action.actor : sectionRef(action.actor as SectionId)
        const key = `${action.code} ${typeof actor === 'string' ? actor : actor.id}`
        actions.delete(key) // a higher level's wording replaces a lower one's, and moves to the end
        actions.set(key, {
          code: action.code,
          actor,
          message: fill(action.message.zh, { ...values, deadline: deadline.name.zh, section: sectionRef(item.section).name }),
          messageEn: fill(action.message.en, { ...values, deadline: deadline.name.en, section: item.section }),
        })
      }
    }

    return {
      itemId: item.id,
      deadline: deadline.id,
      dueOn,
      status: overdue ? 'overdue' : dueSoon ? 'due-soon' : 'pending',
      ...(workingDaysLate !== undefined ? { workingDaysLate } : {}),
      level,
      actions: [...actions.values()],
      basis: [...basis.values()],
      ...(nextReviewOn !== undefined ? { nextReviewOn } : {}),
    }
  }

  /** See `Engine.computeEscalations`. */
  return async function computeEscalations(items: unknown, options: unknown): Promise<EscalationEntry[]> {
    const { asOf, provisional } = checkOptions(options)
    const checked = validateItems(items)
    const deadlines = ruleSet.deadlines?.deadlines
    if (!deadlines) {
      throw new XiaobaoError([
        {
          code: 'missing_file',
          severity: 'error',
          message: '规则集中没有期限文件（kind: deadlines，即 rules/deadlines.yaml），无法计算期限。',
          messageEn: 'the rule set has no deadlines file (kind: deadlines, rules/deadlines.yaml), so no deadline can be computed.',
        },
      ])
    }
    const out: EscalationEntry[] = []
    checked.forEach((item, index) => {
      for (const deadline of deadlines) {
        const clock = new Clock(calendar, provisional ? { provisional: true } : {})
        let entry: EscalationEntry | undefined
        try {
          entry = entryFor(item, deadline, asOf, clock)
        } catch (error) {
          throw withItem(error, index, item, deadline)
        }
        if (entry) out.push(clock.provisional ? { ...entry, provisional: true } : entry)
      }
    })
    return out
  }
}

/** A calendar error, told which item and deadline needed the year. */
function withItem(error: unknown, index: number, item: TrackedItem, deadline: DeadlineRecord): unknown {
  if (!(error instanceof XiaobaoError)) return error
  const issues = error.issues.map(
    (issue): Issue => ({
      ...issue,
      path: [index],
      message: `items[${index}]（${item.id}，${deadline.name.zh}）：${issue.message}`,
      messageEn: `items[${index}] (${item.id}, ${deadline.name.en}): ${issue.messageEn}`,
    }),
  )
  return new XiaobaoError(issues as [Issue, ...Issue[]], { cause: error })
}
