/**
 * `route --format compact` (issue 12): every line under 700 bytes — on the shipped examples, on every
 * scenario input of the shipped rules (the field corpus included) and on a generated workload as the
 * bench routes it — and complete: the basis of each decision follows from the rules it lists as fired.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { compactDecision, compactLine, lineSplitter, routeBatchSync, routeLines } from '../src/cli/ndjson.js'
import { createEngine, leanRouterOf } from '../src/engine/createEngine.js'
import { loadRuleSet } from '../src/node/loadRuleSet.js'
import type { RoutingDecision } from '../src/routing/types.js'
import { complaints } from './bench/workload.js'
import { RULES_DIR } from './fixtures.js'

const ROOT = new URL('..', import.meta.url).pathname
const ruleSet = await loadRuleSet(RULES_DIR)
const engine = createEngine({ rules: ruleSet })

function longest(inputs: Iterable<unknown>): { bytes: number; line: string; lines: number } {
  let bytes = 0
  let line = ''
  let lines = 0
  for (const input of inputs) {
    let decision: RoutingDecision
    try {
      decision = engine.routeComplaintSync(input as never)
    } catch {
      continue // a bad input is an error record, not a decision
    }
    const text = JSON.stringify(compactDecision(decision))
    lines++
    const size = Buffer.byteLength(text)
    if (size > bytes) [bytes, line] = [size, text]
  }
  return { bytes, line, lines }
}

describe('route --format compact: every line under 700 bytes', () => {
  test('examples/complaints.ndjson', () => {
    const inputs = readFileSync(ROOT + 'examples/complaints.ndjson', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown)
    const { bytes, line, lines } = longest(inputs)
    expect(lines).toBeGreaterThan(5) // one example is a bad complaint on purpose
    expect(bytes, line).toBeLessThan(700)
  })

  test('every scenario input of the shipped rules, the field corpus included', () => {
    const inputs = ruleSet.scenarios.flatMap((s) => ('input' in s && s.input && typeof s.input === 'object' && 'text' in s.input ? [s.input] : []))
    const { bytes, line, lines } = longest(inputs)
    expect(lines).toBeGreaterThan(300)
    expect(bytes, line).toBeLessThan(700)
  })

  test('20,000 generated complaints (the bench workload, its seed)', () => {
    const { bytes, line, lines } = longest(complaints(ruleSet, 20_000, 2027))
    expect(lines).toBe(20_000)
    expect(bytes, line).toBeLessThan(700)
  })
})

describe('route --format compact is complete', () => {
  test("the basis is the citations of the deciding rules named in fired (or of the fallback duty, a learned lead's duty, or the rule a learned rejection borrows)", () => {
    const rules = new Map([...ruleSet.intakeRules, ...ruleSet.screeningRules, ...ruleSet.routingRules].map((r) => [r.id, r]))
    const key = (c: { doc?: string; seq: number; item?: number }) => `${c.doc ?? 'implementation-measures'}:${c.seq}:${c.item ?? ''}`
    let checked = 0
    for (const input of complaints(ruleSet, 2_000, 5)) {
      const decision = engine.routeComplaintSync(input)
      const compact = compactDecision(decision) as { fired: string[]; warnings?: string[] }
      const cited = new Set<string>()
      for (const id of compact.fired) for (const c of rules.get(id)!.cites) cited.add(key(c))
      if (compact.warnings?.includes('no_specific_section')) for (const c of ruleSet.fallback.cites) cited.add(key(c))
      // A lead the learned model chose (learned_lead): its section's duty article (the items marked routing).
      if (compact.warnings?.includes('learned_lead')) for (const a of Object.values(ruleSet.articles)) if (a.section === decision.lead!.id) for (const i of a.items) cited.add(key({ doc: a.doc, seq: a.seq, item: i.item }))
      // A rejection the learned model made (learned_reject): the citations of the screening rule the model file names for the kind.
      if (compact.warnings?.includes('learned_reject')) for (const c of rules.get(ruleSet.routingModel!.learnedReject!.rules[(input as { kind: 'complaint' | 'report' | 'inquiry' }).kind]!)!.cites) cited.add(key(c))
      for (const c of decision.basis) expect(cited.has(key(c)), `${key(c)} in ${JSON.stringify(compact)}`).toBe(true)
      checked++
    }
    expect(checked).toBe(2_000)
  })
})

/**
 * The CLI routes compact lines from lean decisions (decide.ts `LEAN`, createEngine.ts `leanRouterOf`):
 * no texts built, no snapshot of a value `JSON.parse` just made. Every line must be the line the full
 * decision gives, and every error record the one `routeComplaintSync` gives.
 */
describe('route --format compact: lean decisions give the same lines as full ones', () => {
  const lean = leanRouterOf(engine)!
  const line = (d: RoutingDecision) => JSON.stringify(compactDecision(d))
  const scenarioInputs = ruleSet.scenarios.flatMap((s) => ('input' in s && s.input && typeof s.input === 'object' ? [s.input as unknown] : []))
  const examples = readFileSync(ROOT + 'examples/complaints.ndjson', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown)
  // Transfers, rejections with and without a competent authority, yielded screening rules, the fallback,
  // ids and no ids, optional fields and their defaults.
  const edge: unknown[] = [
    { kind: 'complaint', receivedOn: '2026-05-06', text: '在邻县商店买的电热毯一用就坏', respondent: { name: '某商店', county: 'YY县' } },
    { id: 'e1', kind: 'report', receivedOn: '2026-05-06', text: '银行乱收费，存款利息不对', respondent: { name: '某银行' } },
    { kind: 'complaint', receivedOn: '2026-05-06', text: '理发店关门了，会员卡里的存款不退', respondent: { name: '某理发店', county: 'XX县' } },
    { kind: 'inquiry', receivedOn: '2026-05-06', text: '他答应的事一直没办' },
    { kind: 'complaint', receivedOn: '2026-05-06', text: '超市卖的牛奶过期了', harmKnownOn: '2022-01-01', respondent: { county: '  ' } },
    { kind: 'report', receivedOn: '2026-05-06', text: '电视上的保健品广告说能治病', advertisement: { medium: 'tv' }, severity: 'major' },
    { kind: 'complaint', channel: 'visit', receivedOn: '2026-05-06', text: '网购的手机是假货', respondent: { online: true, platformOperator: { name: '某平台', county: 'ZZ县' } } },
  ]

  test('every scenario input and example, a few thousand generated complaints', () => {
    let compared = 0
    let failedBoth = 0
    const inputs = [...scenarioInputs, ...examples, ...edge, ...complaints(ruleSet, 5_000, 77), ...complaints(ruleSet, 1_000, 2027)]
    const dispositions = new Set<string>()
    for (const input of inputs) {
      let full: RoutingDecision | undefined
      let fullError: unknown
      try {
        full = engine.routeComplaintSync(input as never)
      } catch (error) {
        fullError = error
      }
      const parsed = JSON.parse(JSON.stringify(input)) as unknown
      if (full) {
        const leanDecision = lean(parsed)
        expect(line(leanDecision), JSON.stringify(input)).toBe(line(full))
        expect(compactLine(leanDecision)).toBe(line(full))
        expect(compactLine(full)).toBe(line(full))
        dispositions.add(full.disposition)
        compared++
      } else {
        expect(() => lean(parsed)).toThrow((fullError as Error).message)
        failedBoth++
      }
    }
    expect(compared).toBeGreaterThan(6_300)
    expect(failedBoth).toBeGreaterThan(0) // examples/complaints.ndjson has a bad complaint on purpose
    expect([...dispositions].sort()).toEqual(['reject', 'route', 'transfer'])
  })

  test('routeBatchSync (lean) writes exactly what routeLines (full decisions, routeMany) writes', async () => {
    const texts = [
      ...[...complaints(ruleSet, 2_000, 9)].map((c) => JSON.stringify(c)),
      ...examples.map((e) => JSON.stringify(e)),
      ...edge.map((e) => JSON.stringify(e)),
      '{"kind":"complaint"',
      '{"kind":"nope","receivedOn":"2026-05-06","text":"x"}',
      '{"__proto__":{"x":1},"kind":"complaint","receivedOn":"2026-05-06","text":"超市卖过期牛奶"}',
      '{"kind":"complaint","receivedOn":"2026-05-06","text":"超市卖过期牛奶","harmKnownOn":"2027-01-01"}',
      JSON.stringify({ kind: 'complaint', receivedOn: '2026-05-06', text: '牛奶'.repeat(100_000) }),
      '[]',
      'null',
      '7',
    ]
    const splitter = lineSplitter()
    const lines = [...splitter.push(texts.join('\n') + '\n\n'), ...splitter.end()]
    const batch = routeBatchSync(engine, lines, false, 'compact')
    let expected = ''
    for await (const record of routeLines(engine, lines, false, 'compact')) expected += record.json + '\n'
    expect(batch.text.split('\n').length).toBe(lines.length + 1)
    expect(batch.text).toBe(expected)
  })
})
