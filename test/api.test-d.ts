/**
 * Type tests: the public signatures other apps code against (run by `vitest --typecheck`).
 */
import { describe, expectTypeOf, test } from 'vitest'
import { createEngine, parseRuleSet, recordsFromLines, XiaobaoError, type Cell, type Citation, type Issue, type ReportSummary, type RouteErrorRecord, type RoutingDecision, type RuleSet, type SectionRef, type SummarizeOptions } from 'xiaobao'
import { loadRuleSet } from 'xiaobao/node'

describe('public API types', () => {
  test('createEngine and routeComplaint', () => {
    const engine = createEngine()
    expectTypeOf(createEngine).parameter(0).toEqualTypeOf<{ rules?: RuleSet | undefined; evaluator?: 'compiled' | 'reference' | undefined } | undefined>()
    expectTypeOf(engine.routeComplaint).returns.toEqualTypeOf<Promise<RoutingDecision>>()
    expectTypeOf(engine.routeComplaint).parameter(0).toHaveProperty('kind').toEqualTypeOf<'complaint' | 'report' | 'inquiry'>()
    expectTypeOf(engine.routeComplaint).parameter(0).toHaveProperty('receivedOn').toEqualTypeOf<string>()
    expectTypeOf(engine.routeComplaintSync).returns.toEqualTypeOf<RoutingDecision>()
    expectTypeOf(engine.routeMany).returns.toEqualTypeOf<AsyncGenerator<RoutingDecision | RouteErrorRecord, void, undefined>>()
  })

  test('the optional jurisdiction facts of the input (《暂行办法》第十二条、第二十八条)', () => {
    type Input = Parameters<ReturnType<typeof createEngine>['routeComplaint']>[0]
    type Respondent = NonNullable<Input['respondent']>
    expectTypeOf<Respondent['operatesIn']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<Respondent['domicile']>().toEqualTypeOf<string | undefined>()
    type Advertisement = NonNullable<Input['advertisement']>
    expectTypeOf<Advertisement['medium']>().toEqualTypeOf<'television' | 'radio' | 'film' | 'newspaper' | 'periodical' | 'internet' | 'outdoor' | 'other' | undefined>()
    expectTypeOf<NonNullable<Advertisement['publisher']>>().toEqualTypeOf<{ name?: string | undefined; county?: string | undefined }>()
    expectTypeOf<NonNullable<Advertisement['advertiser']>>().toEqualTypeOf<{ name?: string | undefined; county?: string | undefined }>()
    expectTypeOf<Advertisement['selfPublished']>().toEqualTypeOf<boolean | undefined>()
  })

  test('what the bureau does when the case is not its own', () => {
    expectTypeOf<NonNullable<RoutingDecision['transfer']>['action']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<NonNullable<RoutingDecision['rejection']>['action']>().toEqualTypeOf<string | undefined>()
  })

  test('the decision', () => {
    expectTypeOf<RoutingDecision['disposition']>().toEqualTypeOf<'route' | 'transfer' | 'reject'>()
    expectTypeOf<RoutingDecision['lead']>().toEqualTypeOf<SectionRef | null>()
    expectTypeOf<RoutingDecision['assist']>().toEqualTypeOf<SectionRef[]>()
    expectTypeOf<RoutingDecision['basis']>().toEqualTypeOf<Citation[]>()
    // Issue 10: every decision names its category and says how sure it is (additions; optional in the type).
    expectTypeOf<NonNullable<RoutingDecision['category']>['id']>().toEqualTypeOf<string>()
    expectTypeOf<NonNullable<RoutingDecision['category']>['name']>().toEqualTypeOf<string>()
    expectTypeOf<RoutingDecision['confidence']>().toEqualTypeOf<'high' | 'medium' | 'low' | undefined>()
    expectTypeOf<Citation['doc']>().toEqualTypeOf<'implementation-measures' | 'complaint-measures' | 'penalty-procedure'>()
    expectTypeOf<Citation>().toHaveProperty('printed').toEqualTypeOf<string>()
  })

  test('the report', () => {
    const engine = createEngine()
    expectTypeOf(engine.summarizeRecords).returns.toEqualTypeOf<Promise<ReportSummary>>()
    expectTypeOf(engine.summarizeRecords).parameter(1).toEqualTypeOf<SummarizeOptions>()
    expectTypeOf<SummarizeOptions['audience']>().toEqualTypeOf<'internal' | 'public' | undefined>()
    expectTypeOf<Cell>().toEqualTypeOf<{ count: number; ids?: string[] } | { count: null; shown: string }>()
    expectTypeOf(recordsFromLines(['{}'])).toMatchTypeOf<AsyncIterable<unknown>>()
  })

  test('loading and errors', () => {
    expectTypeOf(loadRuleSet).toEqualTypeOf<(dir: string) => Promise<RuleSet>>()
    expectTypeOf(parseRuleSet).returns.toMatchTypeOf<{ ok: true; value: RuleSet } | { ok: false; issues: [Issue, ...Issue[]] }>()
    expectTypeOf<XiaobaoError['issues']>().toEqualTypeOf<[Issue, ...Issue[]]>()
  })
})
