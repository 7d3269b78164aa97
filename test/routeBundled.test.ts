/**
 * The top-level `routeComplaintSync` / `routeComplaint` route with the routing part of the bundled rules
 * only (no scenarios, no other capability, the taxonomy without its notes for people): they must decide
 * exactly as `createEngine()` does over the whole bundled rule set, for every scenario input of rules/
 * (the field corpus included), the examples, and bad input.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { createEngine, routeComplaint, routeComplaintSync, XiaobaoError } from '../src/index.js'
import { loadRuleSet } from '../src/node/loadRuleSet.js'
import { bundledRoutingRuleSet } from '../src/engine/bundledRouting.js'
import { defaultRuleSet } from '../src/engine/defaultRuleSet.js'
import { citedItems, merge, splitOmitted } from '../src/engine/mergeBundled.js'
import { resolveCitation } from '../src/ruleset/citations.js'
import type { CitationRef } from '../src/ruleset/schemas.js'
import type { RuleSet } from '../src/capabilities.js'
import { RULES_DIR } from './fixtures.js'

const engine = createEngine()

function outcome(route: () => unknown): unknown {
  try {
    return { ok: route() }
  } catch (error) {
    expect(error).toBeInstanceOf(XiaobaoError)
    return { error: (error as XiaobaoError).issues }
  }
}

describe('top-level routeComplaintSync decides as createEngine().routeComplaintSync', async () => {
  const ruleSet = await loadRuleSet(RULES_DIR)
  const inputs: unknown[] = [
    ...ruleSet.scenarios.map((s) => s.input),
    ...readFileSync(new URL('../examples/complaints.ndjson', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)),
  ]

  test(`${inputs.length} inputs, with and without explain`, () => {
    expect(inputs.length).toBeGreaterThan(300)
    for (const input of inputs) {
      expect(outcome(() => routeComplaintSync(input as never))).toEqual(outcome(() => engine.routeComplaintSync(input as never)))
      expect(outcome(() => routeComplaintSync(input as never, { explain: true }))).toEqual(outcome(() => engine.routeComplaintSync(input as never, { explain: true })))
    }
  })

  test('bad input and bad options are the same XiaobaoError', () => {
    const bad: [unknown, unknown][] = [
      [null, undefined],
      [{ kind: 'complaint' }, undefined],
      [{ kind: 'complaint', receivedOn: '2026-03-02', text: 'x'.repeat(1_000_000) }, undefined],
      [{ kind: 'complaint', receivedOn: '2026-03-02', text: '超市卖过期牛奶' }, { explian: true }],
    ]
    for (const [input, options] of bad) {
      const top = outcome(() => routeComplaintSync(input as never, options as never))
      expect(top).toHaveProperty('error')
      expect(top).toEqual(outcome(() => engine.routeComplaintSync(input as never, options as never)))
    }
  })

  test('routeComplaint is the same decision as a promise, and rejects with XiaobaoError', async () => {
    const input = { kind: 'complaint', receivedOn: '2026-03-02', text: '超市卖过期牛奶' } as const
    expect(await routeComplaint(input)).toEqual(await engine.routeComplaint(input))
    await expect(routeComplaint(null as never)).rejects.toBeInstanceOf(XiaobaoError)
  })
})

test('the routing part of the bundled rules is the whole bundled rule set less what routing never reads', () => {
  const whole = defaultRuleSet() as unknown as Record<string, unknown>
  const routing = bundledRoutingRuleSet() as unknown as Record<string, unknown>
  for (const key of ['bureau', 'provenance', 'fallback', 'limits', 'sections', 'confidence', 'calendar']) {
    expect(routing[key], key).toEqual(whole[key])
  }
  expect(routing.scenarios).toEqual([])
  const strip = <T extends object>(record: Record<string, T>, fields: string[]) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).filter(([f]) => !fields.includes(f)))]))
  // The articles a decision can quote: those the routing rules and the fallback cite, and of them only
  // what a citation quotes (the cited items; the whole article for a citation without an item). Every
  // citation resolves as in the whole rule set.
  const whole_ = defaultRuleSet()
  const refs = [...whole_.routingRules, ...whole_.intakeRules, ...whole_.screeningRules, whole_.fallback].flatMap((r) => r.cites)
  const keyOf = (c: CitationRef) => `${c.doc ?? 'implementation-measures'}:${c.seq}`
  const cited = new Set(refs.map(keyOf))
  expect(Object.keys(routing.articles as object).sort()).toEqual([...cited].sort())
  expect(Object.keys(routing.articles as object).length).toBeLessThan(Object.keys(whole_.articles).length)
  for (const ref of refs) expect(resolveCitation(routing as unknown as RuleSet, ref), JSON.stringify(ref)).toEqual(resolveCitation(whole_, ref))
  // Items no citation anywhere names are left out (their place kept by `{}`), and duty marks are for analysis.
  const anywhere = citedItems({ ...whole_, scenarios: [] })
  let left = 0
  for (const [key, article] of Object.entries(routing.articles as RuleSet['articles'])) {
    const quoted = anywhere.get(key)
    article.items.forEach((item, i) => {
      expect(item, `${key} item ${i + 1}`).not.toHaveProperty('routing')
      expect(item, `${key} item ${i + 1}`).not.toHaveProperty('check')
      if (quoted !== 'whole' && !quoted?.has(whole_.articles[key]!.items[i]!.item)) expect(item, `${key} item ${i + 1}`).toEqual({})
      if (Object.keys(item).length === 0) left++
    })
  }
  expect(left).toBeGreaterThan(20)
  expect(routing.vocabularies).toEqual(strip(defaultRuleSet().vocabularies, ['description', 'at']))
  const stripList = <T extends object>(list: readonly T[], fields: string[]) => Object.values(strip({ ...list } as unknown as Record<string, T>, fields))
  expect(routing.routingRules).toEqual(stripList(defaultRuleSet().routingRules, ['description']))
  expect(routing.intakeRules).toEqual(stripList(defaultRuleSet().intakeRules, ['description']))
  expect(routing.screeningRules).toEqual(stripList(defaultRuleSet().screeningRules, ['description', 'note']))
  const categories = defaultRuleSet().categories!.categories
  expect(bundledRoutingRuleSet().categories!.categories).toEqual(
    categories.map(({ basis: _b, cites: _c, at: _a, ...rest }) => rest),
  )
})

test('splitOmitted and merge: what is split off is put back, lists and records element by element', () => {
  const value = {
    list: [{ a: 1, b: { c: 2 } }, { a: 3 }],
    record: { x: { keep: 1, drop: 2 }, y: { keep: 3 } },
    whole: [1, 2],
  }
  const { kept, omitted } = splitOmitted(value, ['list.*.b', 'record.*.drop', 'whole', 'absent.*.x'])
  expect(kept).toEqual({ list: [{ a: 1 }, { a: 3 }], record: { x: { keep: 1 }, y: { keep: 3 } } })
  expect(omitted).toEqual({ list: [{ b: { c: 2 } }, {}], record: { x: { drop: 2 }, y: {} }, whole: [1, 2] })
  expect(merge(kept, omitted)).toEqual(value)
  expect(value.list[0]).toHaveProperty('b') // the input is not changed
})
