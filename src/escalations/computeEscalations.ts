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
import { addDays, yearOfIso } from '../dates/index.js'
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
import { itemFacts } from './itemFacts.js'
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
  /**
   * `windowStart` from covered data only (never provisional), or the first uncovered year it would need.
   * With `provisional`, the caller may then ask `windowStart` itself.
   */
  coveredWindowStart(due: string, n: number): { date: string } | { beyond: number } {
    try {
      let day = due
      let count = 0
      for (;;) {
        if (this.calendar.dayInfo(day).working && ++count === n + 1) return { date: day }
        day = this.addCalendarDays(day, -1)
      }
    } catch (error) {
      const year = coverageYear(error, this.calendar, due.slice(0, 4) + '-01-01', true)
      if (year === undefined) throw error
      return { beyond: year }
    }
  }
  /**
   * A look-ahead: the n-th working day after `date`, when it decides neither the due date nor the status as
   * of `asOf` (a level not reached yet, the next review). It never marks the entry provisional: with
   * `provisional` it may come from provisional data (then `provisional: true` on the answer only); without,
   * a date beyond the data is `{ beyond: year }` instead of a `calendar_coverage` error.
   */
  lookAhead(date: string, n: number): { date: string; provisional: boolean } | { beyond: number } {
    try {
      return this.calendar.addWorkingDays(date, n, this.opts)
    } catch (error) {
      const year = coverageYear(error, this.calendar, date)
      if (year === undefined) throw error
      return { beyond: year }
    }
  }
  /** The caller accepts provisional calendar data. */
  get allowsProvisional(): boolean {
    return this.opts.provisional === true
  }
  /** `windowStart` as a look-ahead: from provisional data if need be, without marking the entry provisional. */
  lookBack(due: string, n: number): string {
    let day = due
    let count = 0
    for (;;) {
      if (this.calendar.dayInfo(day, this.opts).working && ++count === n + 1) return day
      day = this.addCalendarDays(day, -1)
    }
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

/** An item with the facts the rules name (`itemFacts`). */
interface Tracked {
  item: TrackedItem
  facts: Record<string, unknown>
}

/** The item's value of `field` as of `asOf`: an event dated after it has not happened yet. */
function valueOf(tracked: Tracked, field: string, asOf: string): unknown {
  const value = tracked.facts[field]
  if (typeof value === 'string' && (ITEM_FIELDS[tracked.item.type].events as readonly string[]).includes(field) && value > asOf) return undefined
  return value
}

function dateOf(tracked: Tracked, field: string | undefined, asOf: string): string | undefined {
  if (field === undefined) return undefined
  const value = valueOf(tracked, field, asOf)
  return typeof value === 'string' ? value : undefined
}

/**
 * Working days of the item's suspension periods with `reason` that lie after `start` and, as of `asOf`,
 * have begun: each counted from its first day (or the day after `start`) to its last (or `asOf`, while it
 * lasts). These days do not count towards the deadline.
 */
function suspendedWorkingDays(tracked: Tracked, reason: string, start: string, asOf: string, clock: Clock): number {
  const item = tracked.item
  if (item.type === 'meeting-task' || !item.suspensions) return 0
  let days = 0
  for (const period of item.suspensions) {
    if (period.reason !== reason || period.from > asOf || period.to <= start) continue
    const from = period.from > start ? addDays(period.from, -1) : start
    const to = period.to < asOf ? period.to : asOf
    if (to > from) days += clock.workingDaysBetween(from, to)
  }
  return days
}

interface LevelState {
  level: EscalationLevelRecord
  reached: boolean
  /** The day it will be reached, when not yet. */
  on?: string
  /** `on` came from provisional calendar data (a look-ahead: the entry itself is not provisional). */
  onProvisional?: boolean
  /** `on` lies in this year, which no notice covers (and `provisional` was not asked for). */
  beyond?: number
}

/**
 * The first year from `date`'s on (or, `backwards`, the last year up to it) that no notice covers, when
 * `error` is `calendar_coverage`; else undefined.
 */
function coverageYear(error: unknown, calendar: WorkingCalendar, date: string, backwards = false): number | undefined {
  if (!(error instanceof XiaobaoError) || error.code !== 'calendar_coverage') return undefined
  const covered = new Set(calendar.coverage().map((entry) => entry.year))
  let year = yearOfIso(date)
  while (covered.has(year)) year += backwards ? -1 : 1
  return year
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

  /** The undone actions of the reached levels (a higher level's wording replaces a lower one's); adds their citations to `basis`. */
  function actionsOf(
    tracked: Tracked,
    deadline: DeadlineRecord,
    reached: readonly EscalationLevelRecord[],
    extra: { dueOn: string; workingDaysLate: number | undefined },
    asOf: string,
    basis: Map<string, Citation>,
  ): EscalationAction[] {
    const item = tracked.item
    const values: Record<string, unknown> = { ...tracked.facts, ...extra, itemId: item.id }
    for (const field of ITEM_FIELDS[item.type].events) values[field] = valueOf(tracked, field, asOf)
    const actions = new Map<string, EscalationAction>()
    for (const reachedLevel of reached) {
      resolve(reachedLevel.cites, basis)
      for (const action of reachedLevel.actions) {
        if (action.doneWhen !== undefined && dateOf(tracked, action.doneWhen, asOf) !== undefined) continue
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
    return [...actions.values()]
  }

  function entryFor(tracked: Tracked, deadline: DeadlineRecord, asOf: string, clock: Clock): EscalationEntry | undefined {
    const item = tracked.item
    if (deadline.appliesTo !== item.type) return undefined
    if (deadline.onlyIf !== undefined) {
      // A flag must be true; an event must have happened (as of asOf).
      const condition = valueOf(tracked, deadline.onlyIf, asOf)
      if (condition !== true && typeof condition !== 'string') return undefined
    }
    const start = dateOf(tracked, deadline.from, asOf)
    if (start === undefined) return undefined // the clock has not started (as of asOf)

    const basis = new Map<string, Citation>()
    resolve(deadline.cites, basis)
    let dueOn: string
    if (deadline.until !== undefined) {
      const until = dateOf(tracked, deadline.until, asOf)
      if (until === undefined) return undefined
      dueOn = until
    } else {
      let length = deadline.length!
      if (deadline.extension && valueOf(tracked, deadline.extension.when, asOf) === true) {
        length += deadline.extension.length
        resolve(deadline.extension.cites, basis)
      }
      if (deadline.suspension) {
        const suspended = valueOf(tracked, deadline.suspension.field, asOf)
        if (typeof suspended === 'number' && suspended > 0) {
          length += suspended
          resolve(deadline.suspension.cites, basis)
        }
      }
      for (const period of deadline.suspensions ?? []) {
        const suspended = suspendedWorkingDays(tracked, period.reason, start, asOf, clock)
        if (suspended > 0) {
          length += suspended
          resolve(period.cites, basis)
        }
      }
      dueOn = deadline.unit === 'calendar-days' ? clock.addCalendarDays(start, length) : clock.addWorkingDays(start, length)
    }

    const metOn = dateOf(tracked, deadline.metBy, asOf)
    if (metOn !== undefined) {
      const late = metOn > dueOn
      const workingDaysLate = late ? clock.workingDaysBetween(dueOn, metOn) : undefined
      // A level marked `whenMetLate` stays due after a late completion until its actions are done
      // (seq 26: a task not finished as the meeting required is criticised, even if finished since).
      const stillDue = late ? (ruleSet.escalation?.levels ?? []).filter((l) => l.whenMetLate === true && l.deadlines.includes(deadline.id)) : []
      const actions = stillDue.length ? actionsOf(tracked, deadline, stillDue, { dueOn, workingDaysLate }, asOf, basis) : []
      const level = actions.length ? Math.max(...stillDue.filter((l) => l.actions.some((a) => actions.some((b) => b.code === a.code))).map((l) => l.level)) : 0
      return {
        itemId: item.id,
        deadline: deadline.id,
        dueOn,
        status: late ? 'met-late' : 'met',
        ...(workingDaysLate !== undefined ? { workingDaysLate } : {}),
        level,
        actions,
        basis: [...basis.values()],
        ruleSet: { ...ruleSet.provenance },
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
        const window = clock.coveredWindowStart(dueOn, trigger.before)
        if ('date' in window) {
          states.push(asOf >= window.date ? { level, reached: true } : { level, reached: false, on: window.date })
          continue
        }
        // The window needs a year no notice covers. If more than `before` working days remain from asOf
        // within the covered days alone, the level is not reached yet, whatever that year holds.
        const lastCovered = `${window.beyond - 1}-12-31`
        if (asOf <= lastCovered && clock.workingDaysBetween(addDays(asOf, -1), lastCovered) > trigger.before) {
          const ahead = clock.allowsProvisional ? clock.lookBack(dueOn, trigger.before) : undefined
          states.push(ahead ? { level, reached: false, on: ahead, onProvisional: true } : { level, reached: false, beyond: window.beyond })
          continue
        }
        const from = clock.windowStart(dueOn, trigger.before) // really needs that year: provisional, or calendar_coverage
        states.push(asOf >= from ? { level, reached: true } : { level, reached: false, on: from })
      } else {
        const ref = trigger.relativeTo === undefined ? dueOn : dateOf(tracked, trigger.relativeTo, asOf)
        if (ref === undefined) continue
        const after = trigger.after ?? 0
        if (after === 0) {
          const on = clock.addCalendarDays(ref, 1)
          states.push(overdue && asOf >= on ? { level, reached: true } : { level, reached: false, on })
          continue
        }
        // Whether the level is reached as of asOf needs only the days up to asOf; the day it will be
        // reached is a look-ahead, which may lie in a year no notice covers yet.
        const ahead = clock.lookAhead(ref, after)
        if ('beyond' in ahead) {
          // Beyond the data: the level is reached only if `after` working days already lie in (ref, asOf].
          const reachedByNow = overdue && asOf > ref && clock.workingDaysBetween(ref, asOf) >= after
          states.push(reachedByNow ? { level, reached: true } : { level, reached: false, beyond: ahead.beyond })
        } else if (overdue && asOf >= ahead.date) {
          states.push({ level, reached: true })
        } else {
          states.push({ level, reached: false, on: ahead.date, ...(ahead.provisional ? { onProvisional: true } : {}) })
        }
      }
    }
    const reached = states.filter((s) => s.reached).sort((a, b) => a.level.level - b.level.level)
    const level = reached.at(-1)?.level.level ?? 0
    const dueSoon = !overdue && reached.some((s) => s.level.trigger.before !== undefined)

    // The next review: the earliest day a level or the status changes. A day that needs a year no notice
    // covers is omitted (`nextReviewNeedsYear` says which year) unless an earlier day is known anyway; with
    // `provisional` it is computed from provisional data and flagged on its own (`nextReviewProvisional`).
    const changes: { on: string; provisional: boolean }[] = states
      .filter((s) => !s.reached && s.on !== undefined && s.on > asOf)
      .map((s) => ({ on: s.on!, provisional: s.onProvisional === true }))
    if (!overdue) changes.push({ on: clock.addCalendarDays(dueOn, 1), provisional: false })
    const next = changes.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))[0]
    const beyond = states.filter((s) => !s.reached && s.beyond !== undefined).map((s) => s.beyond!)
    // A known day inside an uncovered year may come after the unknown one: then it is not the next review.
    const firstBeyond = beyond.length ? Math.min(...beyond) : undefined
    const known = next && (firstBeyond === undefined || next.on < `${firstBeyond}-01-01`) ? next : undefined
    const review: Pick<EscalationEntry, 'nextReviewOn' | 'nextReviewProvisional' | 'nextReviewNeedsYear'> = known
      ? { nextReviewOn: known.on, ...(known.provisional ? { nextReviewProvisional: true } : {}) }
      : firstBeyond !== undefined
        ? { nextReviewNeedsYear: firstBeyond }
        : {}

    const actions = actionsOf(tracked, deadline, reached.map((s) => s.level), { dueOn, workingDaysLate }, asOf, basis)

    return {
      itemId: item.id,
      deadline: deadline.id,
      dueOn,
      status: overdue ? 'overdue' : dueSoon ? 'due-soon' : 'pending',
      ...(workingDaysLate !== undefined ? { workingDaysLate } : {}),
      level,
      actions,
      basis: [...basis.values()],
      ...review,
      ruleSet: { ...ruleSet.provenance },
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
      const tracked: Tracked = { item, facts: itemFacts(item).values }
      for (const deadline of deadlines) {
        const clock = new Clock(calendar, provisional ? { provisional: true } : {})
        let entry: EscalationEntry | undefined
        try {
          entry = entryFor(tracked, deadline, asOf, clock)
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
