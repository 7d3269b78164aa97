/**
 * Hostile input (issue 12): every public function snapshots its input first and throws only
 * `XiaobaoError`; `routeMany` yields exactly one result per item and never ends early.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  XiaobaoError,
  addWorkingDays,
  createCalendar,
  createEngine,
  isRouteError,
  isWorkingDay,
  parseRuleSet,
  routeComplaint,
  routeComplaintSync,
  workingDaysBetween,
} from '../src/index.js'
import { XiaobaoError as NodeXiaobaoError } from '../src/node/index.js'

const engine = createEngine()
const complaint = { kind: 'complaint', receivedOn: '2026-03-02', text: '超市卖过期牛奶' }

function throwingGetter(base: object = complaint, key = 'text'): object {
  const value = { ...base }
  Object.defineProperty(value, key, { enumerable: true, get: () => { throw new Error('boom') } })
  return value
}
function countingProxy(target: object, counts: Map<PropertyKey, number>): object {
  return new Proxy(target, {
    get(t, key, receiver) {
      counts.set(key, (counts.get(key) ?? 0) + 1)
      return Reflect.get(t, key, receiver)
    },
    getOwnPropertyDescriptor(t, key) {
      counts.set(`gopd:${String(key)}`, (counts.get(`gopd:${String(key)}`) ?? 0) + 1)
      return Reflect.getOwnPropertyDescriptor(t, key)
    },
  })
}
let huge: string | undefined
/** 50 MB of text, made once. */
function hugeText(): string {
  return (huge ??= 'x'.repeat(50 * 1024 * 1024))
}
function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}
function throwingTraps(): object {
  return new Proxy({}, { ownKeys: () => { throw new Error('trap') }, get: () => { throw new Error('trap') } })
}
function cyclic(): object {
  const value: Record<string, unknown> = { ...complaint }
  value.self = value
  return value
}

/** Hand-written hostile values: the cases the issue's attacker tried. */
const HOSTILE: [string, () => unknown][] = [
  ['throwing getter', () => throwingGetter()],
  ['throwing id getter', () => throwingGetter(complaint, 'id')],
  ['revoked Proxy', revoked],
  ['throwing Proxy traps', throwingTraps],
  ['cyclic object', cyclic],
  ['symbol', () => Symbol('x')],
  ['symbol value', () => ({ ...complaint, text: Symbol('x') })],
  ['symbol key', () => ({ ...complaint, [Symbol('k')]: 1 })],
  ['BigInt', () => 10n],
  ['BigInt field', () => ({ ...complaint, amountYuan: 10n })],
  ['NaN', () => NaN],
  ['__proto__ key', () => JSON.parse('{"kind":"complaint","receivedOn":"2026-03-02","text":"x","__proto__":{"polluted":1}}')],
  // (ASCII text: some calendar messages echo the value as JSON, and the caller's own words may be Chinese.)
  ['constructor key', () => ({ kind: 'complaint', receivedOn: '2026-03-02', text: 'expired milk', constructor: { prototype: { polluted: 1 } } })],
  ['function', () => () => 1],
  ['null', () => null],
  ['string', () => 'x'],
  ['huge array', () => new Array(100_000).fill(0)],
  ['huge string', () => ({ ...complaint, text: hugeText() })],
  ['Proxy claiming a huge length', () => new Proxy([], { get: (t, k) => (k === 'length' ? 2 ** 31 : Reflect.get(t, k)) })],
  ['deep nesting', () => { let v: unknown = {}; for (let i = 0; i < 10_000; i++) v = { a: v }; return v }],
]

async function onlyXiaobaoErrors(run: () => unknown): Promise<void> {
  try {
    await run()
  } catch (error) {
    if (!(error instanceof XiaobaoError)) throw new Error(`not a XiaobaoError: ${String(error)}`, { cause: error })
    expect(typeof error.code).toBe('string')
    // English text wholly English: only the caller's own data (quoted, or shown as JSON) may be Chinese.
    for (const issue of error.issues) expect(issue.messageEn.replace(/\{.*\}/g, '{}').replace(/"(?:[^"\\]|\\.)*"/g, '""')).not.toMatch(/[\u4e00-\u9fff]/)
  }
}

const calendar = createCalendar()
/** Every public function, called with `value` in each argument position that takes caller data. */
const CALLS: [string, (value: unknown) => unknown][] = [
  ['createEngine(options)', (v) => createEngine(v as never)],
  ['createEngine({ rules })', (v) => createEngine({ rules: v } as never)],
  ['routeComplaint(input)', (v) => engine.routeComplaint(v as never)],
  ['routeComplaint(_, options)', (v) => engine.routeComplaint(complaint as never, v as never)],
  ['routeComplaintSync(input)', (v) => engine.routeComplaintSync(v as never)],
  ['top-level routeComplaintSync(input)', (v) => routeComplaintSync(v as never)],
  ['top-level routeComplaintSync(_, options)', (v) => routeComplaintSync(complaint as never, v as never)],
  ['top-level routeComplaint(input)', (v) => routeComplaint(v as never)],
  ['routeMany(items)', async (v) => { for await (const _ of engine.routeMany(v as never)) void _ }],
  ['routeMany([item])', async (v) => { for await (const _ of engine.routeMany([v])) void _ }],
  ['checkMeetingDecision(record)', (v) => engine.checkMeetingDecision(v as never)],
  ['computeEscalations(items)', (v) => engine.computeEscalations(v as never, { asOf: '2026-03-02' })],
  ['computeEscalations([item])', (v) => engine.computeEscalations([v] as never, { asOf: '2026-03-02' })],
  ['computeEscalations(_, options)', (v) => engine.computeEscalations([], v as never)],
  ['summarizeRecords(records)', (v) => engine.summarizeRecords(v as never, { from: '2026-01-01', to: '2026-03-31' })],
  ['summarizeRecords([record])', (v) => engine.summarizeRecords([v], { from: '2026-01-01', to: '2026-03-31' })],
  ['summarizeRecords(_, options)', (v) => engine.summarizeRecords([], v as never)],
  ['parseRuleSet(files)', (v) => parseRuleSet(v as never)],
  ['parseRuleSet([file])', (v) => parseRuleSet([v] as never)],
  ['createCalendar(input)', (v) => createCalendar(v as never)],
  ['isWorkingDay(date)', (v) => isWorkingDay(v as never)],
  ['isWorkingDay(_, options)', (v) => isWorkingDay('2026-03-02', v as never)],
  ['addWorkingDays(_, n)', (v) => addWorkingDays('2026-03-02', v as never)],
  ['addWorkingDays(_, _, options)', (v) => addWorkingDays('2026-03-02', 3, v as never)],
  ['workingDaysBetween(a)', (v) => workingDaysBetween(v as never, '2026-03-02')],
  ['calendar.dayInfo(_, options)', (v) => calendar.dayInfo('2026-03-02', v as never)],
  ['calendar.yearDays(year)', (v) => calendar.yearDays(v as never)],
]

describe('every public function throws only XiaobaoError for hostile values', () => {
  for (const [call, run] of CALLS) {
    it.each(HOSTILE)(`${call}: %s`, async (_, make) => {
      await onlyXiaobaoErrors(() => run(make()))
    })
  }
})

describe('snapshots: no getter or trap runs twice', () => {
  it('routeComplaintSync reads each field of a Proxy once', () => {
    const counts = new Map<PropertyKey, number>()
    engine.routeComplaintSync(countingProxy({ ...complaint }, counts) as never)
    for (const [key, n] of counts) if (typeof key === 'string' && !key.startsWith('gopd:')) expect([key, n]).toEqual([key, 1])
    expect(counts.get('gopd:text')).toBe(1)
  })
  it('a getter that returns a different value each time is read once (the decision uses one text)', () => {
    let reads = 0
    const input = { kind: 'complaint', receivedOn: '2026-03-02' }
    Object.defineProperty(input, 'text', { enumerable: true, get: () => (reads++ === 0 ? '超市卖过期牛奶' : 'x'.repeat(10_000_000)) })
    expect(engine.routeComplaintSync(input as never).lead?.id).toBe('food-circulation')
    expect(reads).toBe(1)
  })
  it('a throwing getter is invalid_input naming the field', () => {
    const error = (() => { try { engine.routeComplaintSync(throwingGetter() as never) } catch (e) { return e } })() as XiaobaoError
    expect(error).toBeInstanceOf(XiaobaoError)
    expect(error.code).toBe('invalid_input')
    expect(error.issues[0].path).toEqual(['text'])
  })
  it('a rule-set-shaped object is invalid_input, not a TypeError', () => {
    const fake = { routingRules: [], intakeRules: [], screeningRules: [], articles: {}, sections: {}, bureau: {} }
    expect(() => createEngine({ rules: fake } as never)).toThrow(XiaobaoError)
  })
})

describe('one XiaobaoError class', () => {
  it('an error made by xiaobao/node is instanceof the XiaobaoError of xiaobao (separate copies share a brand)', async () => {
    const { loadRuleSet } = await import('../src/node/index.js')
    const error = await loadRuleSet('/nonexistent-folder-xiaobao').catch((e: unknown) => e)
    expect(error instanceof XiaobaoError).toBe(true)
    expect(NodeXiaobaoError).toBe(XiaobaoError)
    // A copy of the class (as a second bundle has) is recognised by the brand.
    const brand = Symbol.for('xiaobao.XiaobaoError')
    const foreign = Object.assign(new Error('x'), { [brand]: true })
    Object.defineProperty(foreign, brand, { value: true })
    expect(foreign instanceof XiaobaoError).toBe(true)
    expect(new Error('plain') instanceof XiaobaoError).toBe(false)
  })
})

describe('parseRuleSet never throws', () => {
  const values: [string, () => unknown][] = [['null', () => null], ['undefined', () => undefined], ['{}', () => ({})], ["'x'", () => 'x'], ['[null]', () => [null]], ['[1]', () => [1]], ['[{ path }]', () => [{ path: 'a.yaml' }]], ['42n', () => 42n], ['revoked Proxy', revoked], ['[revoked Proxy]', () => [revoked()]]]
  it.each(values)('%s → { ok: false, issues }', (_, make) => {
    const result = parseRuleSet(make() as never)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0].code).toBe('invalid_input')
  })
})

describe('routeMany', () => {
  it('rejects a string source up front (not character by character)', () => {
    expect(() => engine.routeMany('abc' as never)).toThrow(XiaobaoError)
    expect(() => engine.routeMany(42 as never)).toThrow(XiaobaoError)
  })
  it('a throwing id getter is an error record; later items still come out', async () => {
    const items = [complaint, throwingGetter(complaint, 'id'), revoked(), cyclic(), complaint]
    const out = []
    for await (const r of engine.routeMany(items)) out.push(r)
    expect(out).toHaveLength(5)
    expect(out.map((r) => isRouteError(r))).toEqual([false, true, true, true, false])
  })
  it('a throwing element read in an array is a record', async () => {
    const items = new Proxy([complaint, complaint, complaint], { get: (t, k, r) => (k === '1' ? (() => { throw new Error('boom') })() : Reflect.get(t, k, r)) })
    const out = []
    for await (const r of engine.routeMany(items)) out.push(r)
    expect(out.map((r) => isRouteError(r))).toEqual([false, true, false])
  })
  it('property: exactly one result per item, in order, for any mix of values', async () => {
    const hostile = fc.oneof(
      fc.anything({ withBigInt: true, withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true }),
      // (fast-check itself probes its values with `in`, so a revoked Proxy is left to the cases above.)
      fc.constantFrom(...HOSTILE.filter(([n]) => !/^(huge|deep|revoked|throwing Proxy|Proxy)/.test(n)).map(([, make]) => make)).map((make) => make()),
      fc.constant(complaint),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { maxLength: 20 }), async (items) => {
        const out = []
        for await (const r of engine.routeMany(items)) out.push(r)
        expect(out).toHaveLength(items.length)
        out.forEach((r, i) => { if (isRouteError(r)) expect(r.index).toBe(i) })
      }),
      { numRuns: 30 },
    )
  })
})

describe('property: arbitrary values into every public function', () => {
  const arbitrary = fc.oneof(
    fc.anything({ withBigInt: true, withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withMap: true, withSet: true, withTypedArray: true, withDate: true }),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'kind', 'text', 'receivedOn', 'id', 'asOf'), fc.anything({ withBigInt: true })),
    fc.double(),
    fc.string({ maxLength: 100 }),
  )
  for (const [call, run] of CALLS) {
    it(call, async () => {
      await fc.assert(fc.asyncProperty(arbitrary, async (value) => onlyXiaobaoErrors(() => run(value))), { numRuns: 25 })
    })
  }
})

describe('every exported function of xiaobao, xiaobao/node and xiaobao/route (found by enumeration) throws only XiaobaoError', async () => {
  const entries = {
    xiaobao: await import('../src/index.js'),
    'xiaobao/node': await import('../src/node/index.js'),
    'xiaobao/route': await import('../src/route.js'),
  }
  // (Huge strings and deep nesting are covered per call above; here every argument position of every
  // export, so an export added later is covered without being listed.)
  const values = HOSTILE.filter(([n]) => n !== 'huge string' && n !== 'deep nesting')
  for (const [entry, module] of Object.entries(entries)) {
    for (const [name, fn] of Object.entries(module)) {
      if (typeof fn !== 'function' || name === 'XiaobaoError') continue
      for (let position = 0; position < Math.max(1, Math.min(3, fn.length)); position++) {
        it(`${entry} ${name}, argument ${position + 1}`, async () => {
          for (const [, make] of values) {
            // (The arguments before it are plain ASCII data: the caller's own words may be echoed.)
            const args: unknown[] = [{ kind: 'complaint', receivedOn: '2026-03-02', text: 'expired milk' }, {}, undefined].slice(0, position)
            args.push(make())
            await onlyXiaobaoErrors(async () => {
              const result = (fn as (...a: unknown[]) => unknown)(...args)
              if (result !== null && typeof result === 'object' && Symbol.asyncIterator in result) for await (const _ of result as AsyncIterable<unknown>) void _
              else await result
            })
          }
        })
      }
    }
  }
})

describe('a rule-set argument that is not a loaded rule set', () => {
  it('is invalid_input naming the argument (a revoked Proxy or a throwing getter included), not an internal error', async () => {
    const { analyzeRuleSet, citationProblem, resolveCitation } = await import('../src/index.js')
    const getter = Object.defineProperty({}, 'articles', { get: () => { throw new Error('boom') } })
    for (const value of [null, {}, revoked(), getter, 'rules']) {
      for (const run of [() => analyzeRuleSet(value as never), () => citationProblem(value as never, { seq: 1 }), () => resolveCitation(value as never, { seq: 1 })]) {
        expect(run).toThrow(XiaobaoError)
        try { run() } catch (e) { expect([(e as XiaobaoError).code, (e as XiaobaoError).issues[0].path]).toEqual(['invalid_input', ['ruleSet']]) }
      }
    }
  })
})

describe('recordsFromLines', () => {
  it('refuses a string (not character by character) and a non-iterable; a line that is not text is an appendix entry; a BOM is dropped', async () => {
    const { recordsFromLines } = await import('../src/index.js')
    expect(() => recordsFromLines('abc' as never)).toThrow(XiaobaoError)
    expect(() => recordsFromLines(42 as never)).toThrow(XiaobaoError)
    const out = []
    for await (const r of recordsFromLines(['\uFEFF{"id":"a"}', 7 as never, '{"id":"b"}'])) out.push(r)
    expect(out.map((r) => [r.line, r.value, r.jsonError])).toEqual([[1, { id: 'a' }, undefined], [2, undefined, 'not text but number'], [3, { id: 'b' }, undefined]])
  })
})

describe('a wrapped function given the wrong kind of value names the argument (invalid_input, not internal_error)', async () => {
  const m = await import('../src/index.js')
  const record = { code: 'x', severity: 'error', message: '甲', messageEn: 'A' } as never
  it.each<[string, () => unknown, string]>([
    ['formatIssue', () => m.formatIssue(null as never), 'issue'],
    ['formatIssue language', () => m.formatIssue(record, 42 as never), 'language'],
    ['formatCitation', () => m.formatCitation(42 as never), 'citation'],
    ['ruleFilesHash', () => m.ruleFilesHash({} as never), 'files'],
    ['renderReportHtml', () => m.renderReportHtml('x' as never), 'summary'],
    ['summaryParagraph', () => m.summaryParagraph([] as never), 'summary'],
    ['createRedactor', () => m.createRedactor({ pattern: 'x' } as never), 'patterns'],
    ['formatAnalysisText', () => m.formatAnalysisText(null as never), 'analysis'],
  ])('%s', (_name, call, argument) => {
    let caught: unknown
    try { call() } catch (e) { caught = e }
    expect(caught).toBeInstanceOf(XiaobaoError)
    expect([(caught as XiaobaoError).code, (caught as XiaobaoError).issues[0].path]).toEqual(['invalid_input', [argument]])
  })

  it('xiaobao/route’s formatIssue too, and a right value still works', async () => {
    const { formatIssue } = await import('../src/route.js')
    expect(() => formatIssue(undefined as never)).toThrow(expect.objectContaining({ code: 'invalid_input' }))
    expect(formatIssue(record, 'zh')).toContain('甲')
  })
})
