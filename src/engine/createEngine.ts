/**
 * `createEngine()`: the object apps hold. It binds a checked rule set to its evaluators once, so each
 * call only validates its input and evaluates.
 */
import * as z from 'zod'
import { inputIssues } from '../problems/inputIssues.js'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import { asXiaobaoError, snapshotInput, typedErrors } from '../problems/snapshotInput.js'
import { checkIterable } from '../problems/checkIterable.js'
import type { RuleSet } from '../capabilities.js'
import { createReferenceEvaluator, type Evaluator } from '../routing/referenceEvaluator.js'
import { routeWith } from '../routing/createRouter.js'
import { createDecider, LEAN, type DecideOptions } from '../routing/decide.js'
import { createCompiledRouter } from '../routing/compiled/createCompiledRouter.js'
import { routeMany, type RouteManyResult } from '../routing/compiled/routeMany.js'
import type { ComplaintInput } from '../routing/complaintInput.js'
import type { RouteOptions, RoutingDecision } from '../routing/types.js'
import { defaultRuleSet } from './defaultRuleSet.js'
import { checkRouteOptions } from './routeOptions.js'
import { createMeetingChecker } from '../meetings/checkMeetingDecision.js'
import type { MeetingRecordInput } from '../meetings/recordInput.js'
import type { MeetingCheckResult } from '../meetings/types.js'
import { calendarOf } from '../calendar/defaultCalendar.js'
import type { WorkingCalendar } from '../calendar/createCalendar.js'
import { createEscalationComputer } from '../escalations/computeEscalations.js'
import type { TrackedItem } from '../escalations/trackedItems.js'
import type { ComputeEscalationsOptions, EscalationEntry } from '../escalations/types.js'
import { createRecordSummarizer } from '../report/summarizeRecords.js'
import type { ReportSummary, SummarizeOptions } from '../report/types.js'

function looksLikeRuleSet(value: unknown): value is RuleSet {
  if (value === null || typeof value !== 'object') return false
  const v = value as Partial<RuleSet>
  return (
    Array.isArray(v.routingRules) &&
    Array.isArray(v.intakeRules) &&
    Array.isArray(v.screeningRules) &&
    typeof v.articles === 'object' &&
    typeof v.sections === 'object' &&
    typeof v.bureau === 'object'
  )
}

const engineOptions = z
  .strictObject({
    rules: z
      .custom<RuleSet>(looksLikeRuleSet, { message: 'not_rule_set' })
      .optional(),
    evaluator: z
      .enum(['compiled', 'reference'])
      .optional()
      .describe('compiled（缺省）：编译后的同步条件；reference：json-rules-engine 本身 / the compiled closures (default) or json-rules-engine itself'),
  })
  .optional()

export type EngineOptions = z.input<typeof engineOptions>

export interface Engine {
  /** The rule set this engine runs. */
  readonly ruleSet: RuleSet
  /**
   * Routes a complaint (投诉), report (举报) or inquiry (咨询): who registers it, which section leads,
   * which assist, and the articles that decide it.
   * @throws XiaobaoError with code `invalid_input` or `input_too_large` for bad input.
   */
  routeComplaint(input: ComplaintInput, options?: RouteOptions): Promise<RoutingDecision>
  /**
   * The same decision, synchronously, for an intake screen that routes as the clerk types. Always runs
   * the compiled conditions, whatever `evaluator` says: json-rules-engine cannot run synchronously, and
   * the differential tests prove the compiled path decides as it does.
   * @throws XiaobaoError with code `invalid_input` or `input_too_large` for bad input.
   * @example
   * createEngine().routeComplaintSync({ kind: 'complaint', receivedOn: '2026-03-02', text: '超市卖过期牛奶' }).lead?.id // 'food-circulation'
   */
  routeComplaintSync(input: ComplaintInput, options?: RouteOptions): RoutingDecision
  /**
   * Routes a stream of complaints (an array, a generator, or an async iterable such as lines of a file)
   * with the engine's evaluator, one at a time: yields, in input order, a decision or — for a bad item —
   * an error record `{ index, id?, error: { code, message, messageEn, issues } }`. It never throws for a
   * bad item and never drops one; memory stays constant.
   * @example
   * for await (const r of engine.routeMany(complaints)) if (isRouteError(r)) console.log(r.index, r.error.code)
   */
  routeMany(items: Iterable<unknown> | AsyncIterable<unknown>, options?: RouteOptions): AsyncGenerator<RouteManyResult, void, undefined>
  /**
   * Checks a recorded joint-meeting (联席会议) decision against the procedure of seq 22-26: who convened
   * and chaired, the topic, 充分酝酿、集体讨论、协商决定, minutes, summary, assignments.
   * `compliant` is false exactly when a finding is a violation.
   * @throws XiaobaoError with code `invalid_input` for a bad record (the issue names the field).
   */
  checkMeetingDecision(record: MeetingRecordInput): Promise<MeetingCheckResult>
  /**
   * The working-day calendar of this rule set: its `rules/calendar/` years over the chinese-days data.
   * A year no data covers is a `calendar_coverage` error unless `{ provisional: true }`.
   */
  readonly calendar: WorkingCalendar
  /**
   * For each item and each deadline of `rules/deadlines.yaml` whose start event has happened by `asOf`:
   * the due date (the n-th working day after the start event, that day not counted), the status
   * (pending, due-soon, overdue, met, met-late), working days late, the level of `rules/escalation.yaml`
   * reached, who must do what, the articles, and the next date anything changes.
   * @throws XiaobaoError `invalid_input` for a bad item (the issue's path starts with its index), or
   * `calendar_coverage` when a date falls in a year no calendar data covers (unless `provisional: true`).
   * @example
   * const out = await engine.computeEscalations(
   *   [{ type: 'complaint', id: 'C1', section: 'metrology', receivedOn: '2026-09-29' }],
   *   { asOf: '2026-10-12' },
   * )
   * out[0] // { itemId: 'C1', deadline: 'complaint-acceptance', dueOn: '2026-10-14', status: 'due-soon', level: 1, … }
   */
  computeEscalations(items: readonly TrackedItem[], options: ComputeEscalationsOptions): Promise<EscalationEntry[]>
  /**
   * The information-analysis report (实施办法第十八条, seq 27; 《暂行办法》第三十四条): one pass over records
   * (an array, a generator or an async iterable such as `recordsFromLines(lines)`), each routed when it
   * carries no decision and its deadlines computed as of `to`; counts by kind, channel, disposition,
   * section, category and month, handling figures, hot spots against `compareWith`, every figure with
   * its record ids (`audience: 'internal'`) or small cells suppressed and personal data redacted
   * (`audience: 'public'`, 第三十三条、第三十五条). A bad record is an entry of `errors`, never an exception.
   * @throws XiaobaoError `invalid_input` for bad options; `missing_file` without rules/report.yaml.
   * @example
   * const summary = await engine.summarizeRecords(records, { from: '2026-01-01', to: '2026-06-30' })
   * summary.counts.byKind // [{ key: 'complaint', label: '投诉', cell: { count: 2, ids: ['A', 'B'] } }, …]
   */
  summarizeRecords(records: Iterable<unknown> | AsyncIterable<unknown>, options: SummarizeOptions): Promise<ReportSummary>
}

/**
 * Creates an engine over the bundled rules, or over a rule set you loaded.
 * @param options `{ rules?, evaluator? }`: a rule set from `loadRuleSet` (xiaobao/node) or `parseRuleSet`
 *   (default: the bundled rules); `evaluator: 'compiled'` (default) or `'reference'` (json-rules-engine)
 * @throws XiaobaoError `invalid_input` when the options are not those
 * @example
 * const engine = createEngine()
 * const r = await engine.routeComplaint({ kind: 'complaint', receivedOn: '2026-03-02', text: '超市卖过期牛奶' })
 * r.lead?.id // 'food-circulation'
 */
/** Each engine's lean router (see `leanRouterOf`); not a property, so an engine's shape is unchanged. */
const leanRouters = new WeakMap<object, (value: unknown) => RoutingDecision>()
const LEAN_OPTIONS: DecideOptions = { [LEAN]: true }

/**
 * Internal, for `route --format compact` (not exported from the package): routes a value `JSON.parse`
 * just made — plain data, no getters or Proxies, shared with no caller — to a lean decision (decide.ts
 * `LEAN`: the compact line's answers, none of the texts). It skips the snapshot, such a value being its
 * own safe copy; a value that fails validation goes through `routeComplaintSync`, so its error is
 * exactly that call's (snapshot limits included). Only for values from `JSON.parse`.
 */
export function leanRouterOf(engine: object): ((value: unknown) => RoutingDecision) | undefined {
  return leanRouters.get(engine)
}

export function createEngine(options?: EngineOptions): Engine {
  return typedErrors(() => buildEngine(snapshotInput(options, 'options')))
}

function buildEngine(options: EngineOptions): Engine {
  const parsed = engineOptions.safeParse(options)
  if (!parsed.success) throw new XiaobaoError(inputIssues(options, parsed.error.issues, [], 'options'))
  const ruleSet = parsed.data?.rules ?? defaultRuleSet()
  let decider: ReturnType<typeof createDecider>
  let compiled: ReturnType<typeof createCompiledRouter>
  try {
    decider = createDecider(ruleSet)
    compiled = createCompiledRouter(ruleSet, decider)
  } catch (error) {
    if (error instanceof XiaobaoError) throw error
    throw new XiaobaoError(
      [
        {
          code: 'invalid_input',
          severity: 'error',
          path: ['rules'],
          message: 'rules 不是已加载的规则集：结构不完整（请用 loadRuleSet 或 parseRuleSet 得到）。',
          messageEn: 'rules is not a loaded rule set: parts of it are missing (get one from loadRuleSet or parseRuleSet).',
        },
      ],
      { cause: error },
    )
  }
  // json-rules-engine is set up on first use: a compiled engine never needs it.
  let reference: Evaluator | undefined
  const routeReference = (input: unknown, routeOptions?: RouteOptions) =>
    routeWith(ruleSet, (reference ??= createReferenceEvaluator(ruleSet)), input, routeOptions, decider)
  const routeCompiled = async (input: unknown, routeOptions?: RouteOptions) => compiled.route(input, routeOptions)
  const route = parsed.data?.evaluator === 'reference' ? routeReference : routeCompiled
  const checkMeeting = createMeetingChecker(ruleSet)
  let calendar: WorkingCalendar | undefined
  const calendarOnce = () => (calendar ??= calendarOf(ruleSet))
  let escalations: ReturnType<typeof createEscalationComputer> | undefined
  const escalationsOnce = () => (escalations ??= createEscalationComputer(ruleSet, calendarOnce()))
  let summarizer: ReturnType<typeof createRecordSummarizer> | undefined
  const engine: Engine = {
    ruleSet,
    get calendar() {
      return calendarOnce()
    },
    async computeEscalations(items, escalationOptions) {
      return typedErrors(() => {
        const itemsCopy = snapshotInput(items, 'items')
        const optionsCopy = snapshotInput(escalationOptions, 'options')
        return escalationsOnce()(itemsCopy, optionsCopy)
      })
    },
    summarizeRecords(records, summarizeOptions) {
      return typedErrors(() => {
        // The records are a stream: each is snapshotted where it is read (summarizeRecords.ts).
        const optionsCopy = snapshotInput(summarizeOptions, 'options', { functions: true })
        summarizer ??= createRecordSummarizer({
          ruleSet,
          calendar: calendarOnce(),
          route: (input) => compiled.route(input),
          computeEscalations: (items, escalationOptions) => escalationsOnce()(items, escalationOptions),
        })
        return summarizer(checkIterable(records, 'summarizeRecords', 'records'), optionsCopy)
      })
    },
    async routeComplaint(input, routeOptions) {
      return typedErrors(() => {
        const inputCopy = snapshotInput(input, 'input')
        return route(inputCopy, checkRouteOptions(snapshotInput(routeOptions, 'options')))
      })
    },
    routeComplaintSync(input, routeOptions) {
      // typedErrors written out: no closure per call on the hot path.
      try {
        const inputCopy = snapshotInput(input, 'input')
        return compiled.route(inputCopy, checkRouteOptions(snapshotInput(routeOptions, 'options')))
      } catch (error) {
        throw asXiaobaoError(error)
      }
    },
    routeMany(items, routeOptions) {
      return typedErrors(() => {
        const source = checkIterable(items, 'routeMany', 'items')
        const checkedOptions = checkRouteOptions(snapshotInput(routeOptions, 'options'))
        const routeOne = route === routeCompiled ? compiled.route : routeReference
        return routeMany(routeOne, source, checkedOptions)
      })
    },
    checkMeetingDecision(record) {
      return typedErrors(() => checkMeeting(snapshotInput(record, 'record')))
    },
  }
  leanRouters.set(engine, (value) => {
    try {
      return compiled.route(value, LEAN_OPTIONS)
    } catch {
      // Not a valid complaint (or anything unforeseen): the public path, which words the error.
      return engine.routeComplaintSync(value as ComplaintInput)
    }
  })
  return engine
}
