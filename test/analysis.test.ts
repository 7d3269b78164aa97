/**
 * analyzeRuleSet: one fixture rule set per finding code provokes it, at the expected place; collisions
 * come with a complaint that really makes both rules fire (checked on json-rules-engine); the shipped
 * rules have no error-level finding; the analysis is deterministic and reads no clock.
 */
import { afterEach, describe, expect, expectTypeOf, test, vi } from 'vitest'
import { analyzeRuleSet } from '../src/analysis/analyzeRuleSet.js'
import { ANALYSIS_CODES, type Analysis, type AnalyzeOptions, type Finding } from '../src/analysis/types.js'
import { createEngine } from '../src/engine/createEngine.js'
import { analyzeRuleSet as exported, ANALYSIS_CODES as exportedCodes } from '../src/index.js'
import { loadRuleSet } from '../src/node/loadRuleSet.js'
import { parseRuleSet } from '../src/capabilities.js'
import type { RuleSet } from '../src/capabilities.js'
import { analysisFixtureExpectation, analysisFixtureNames, analysisFixtureOptions, analysisFixtureRuleSet } from './fixtures/analysis/fixtures.js'
import { baseFiles, RULES_DIR } from './fixtures.js'

const byCode = (analysis: Analysis, code: string) => analysis.findings.filter((f) => f.code === code)

describe('every finding code has a fixture rule set that provokes it', () => {
  test('one fixture folder per code, named after it', () => {
    expect(analysisFixtureNames()).toEqual([...ANALYSIS_CODES].sort())
  })

  test.each(analysisFixtureNames())('%s', async (name) => {
    const expected = await analysisFixtureExpectation(name)
    expect(expected.code).toBe(name)
    const analysis = analyzeRuleSet(await analysisFixtureRuleSet(name), await analysisFixtureOptions(name))
    const found = byCode(analysis, name)
    expect(found.length, analysis.findings.map((f) => `${f.code} ${f.locations[0]?.file}:${f.locations[0]?.line}`).join('\n')).toBeGreaterThan(0)
    expect(found.every((f) => f.severity === expected.severity)).toBe(true)
    const at = found.map((f) => `${f.locations[0]?.file}:${f.locations[0]?.line}`)
    expect(at).toContain(`${expected.file}:${expected.line}`)
    for (const f of found) {
      expect(f.message).toMatch(/[\u4e00-\u9fff]/)
      expect(f.messageEn).toMatch(/[a-z]{3}/)
    }
    // Errors fail `xiaobao analyze`; the summary counts them.
    expect(analysis.summary.errors).toBe(analysis.findings.filter((f) => f.severity === 'error').length)
  })
})

describe('each fixture says exactly what is wrong', () => {
  test('lead_collision: from a scenario, and from a complaint built out of the rules’ keywords', async () => {
    const ruleSet = await analysisFixtureRuleSet('lead_collision')
    const found = byCode(analyzeRuleSet(ruleSet), 'lead_collision')
    expect(found.map((f) => f.rules)).toEqual([
      ['consumer-protection.prepaid', 'food-circulation.prepaid-cake'],
      ['food-circulation.market', 'metrology.short-weight'],
    ].sort())
    const fromScenario = found.find((f) => f.example?.source === 'scenario')!
    expect(fromScenario.example).toMatchObject({ scenario: '缺斤少两', text: '菜市场缺斤少两', winner: 'food-circulation.market', lead: 'food-circulation' })
    expect(fromScenario.locations.map((l) => l.file)).toEqual(['sections/food-circulation.yaml', 'sections/metrology.yaml', 'base.test.yaml'])
    const built = found.find((f) => f.example?.source === 'constructed')!
    expect(built.example!.text).toMatch(/预付卡|充值卡|办卡/)
    expect(built.example!.text).toMatch(/蛋糕|月饼/)
    expect(built.example!.winner).toBe('consumer-protection.prepaid')
    expect(built.message).toContain(built.example!.text)
    // The example really ties on the reference engine (json-rules-engine), not only in the analyzer.
    for (const f of found) {
      const decision = await createEngine({ rules: ruleSet }).routeComplaint(f.example!.input)
      const tie = decision.warnings.find((w) => w.code === 'lead_tie')
      expect(tie?.rules).toEqual(expect.arrayContaining(f.rules!))
      expect(decision.lead?.id).toBe(f.example!.lead)
    }
  })

  test('rule_shadowed names the rule and the higher rule that masks it', async () => {
    const found = byCode(analyzeRuleSet(await analysisFixtureRuleSet('rule_shadowed')), 'rule_shadowed')
    expect(found.map((f) => f.rules)).toContainEqual(['food-circulation.scale', 'metrology.short-weight'])
    const f = found.find((x) => x.rules![0] === 'food-circulation.scale')!
    expect(f.message).toContain('最多只能协办')
  })

  test('rule_unsatisfiable, rule_expired, rule_not_yet_in_force name their rule', async () => {
    for (const [code, rule] of [
      ['rule_unsatisfiable', 'consumer-protection.card-without-card'],
      ['rule_expired', 'consumer-protection.gym-2025'],
      ['rule_not_yet_in_force', 'consumer-protection.gym-2027'],
    ] as const) {
      const analysis = analyzeRuleSet(await analysisFixtureRuleSet(code))
      expect(byCode(analysis, code).map((f) => f.rules)).toEqual([[rule]])
      // A rule that cannot fire, or is not in force, is not also reported as untested.
      expect(byCode(analysis, 'rule_never_fired').flatMap((f) => f.rules)).not.toContain(rule)
    }
  })

  test('keyword_shared names the keyword, both vocabularies and the competing rules', async () => {
    const [f] = byCode(analyzeRuleSet(await analysisFixtureRuleSet('keyword_shared')), 'keyword_shared')
    expect(f!.message).toContain('「电子秤」')
    expect(f!.locations.map((l) => l.file).sort()).toEqual(['vocabularies-extra.yaml', 'vocabularies.yaml'])
    expect(f!.rules!.sort()).toEqual(['food-circulation.market-scale', 'metrology.short-weight'])
  })

  test('keyword_shared leaves out a keyword one of the rules forbids outright (notContainsAny at the top of its all)', async () => {
    const ruleSet = structuredClone(await analysisFixtureRuleSet('keyword_shared'))
    const rule = ruleSet.routingRules.find((r) => r.id === 'food-circulation.market-scale')!
    const metrology = Object.values(ruleSet.vocabularies).find((v) => v.name !== '秤具' && v.keywords.includes('电子秤'))!
    ;(rule.when as { all: unknown[] }).all.push({ fact: 'text', operator: 'notContainsAny', value: metrology.name })
    expect(byCode(analyzeRuleSet(ruleSet), 'keyword_shared').filter((f) => f.message.includes('「电子秤」'))).toEqual([])
  })

  test('condition_untested names the path inside when', async () => {
    const [f] = byCode(analyzeRuleSet(await analysisFixtureRuleSet('condition_untested')), 'condition_untested').filter((x) => x.rules![0] === 'metrology.short-weight')
    expect(f!.message).toContain('when.any[1]')
    expect(f!.message).toContain('地磅作弊')
  })

  test('scenario_conflict names both scenarios and the field they disagree on', async () => {
    const [f] = byCode(analyzeRuleSet(await analysisFixtureRuleSet('scenario_conflict')), 'scenario_conflict')
    expect(f!.message).toContain('「缺斤少两」')
    expect(f!.message).toContain('「缺斤少两由消保股主办」')
    expect(f!.message).toContain('lead')
    expect(f!.locations.map((l) => l.file)).toEqual(['base.test.yaml', 'conflict.test.yaml'])
  })

  test('the coverage tables of a fixture', async () => {
    const analysis = analyzeRuleSet(await analysisFixtureRuleSet('duty_unexercised'))
    const rows = analysis.coverage.duties.filter((r) => r.seq === 18)
    expect(rows.map((r) => [r.item, r.routing, r.rules, r.scenarios])).toEqual([
      [1, 'duty', ['metrology.short-weight'], ['缺斤少两']],
      [2, 'duty', ['metrology.fuel-dispenser'], []],
    ])
    const rule = analysis.coverage.rules.find((r) => r.rule === 'metrology.short-weight')!
    expect(rule).toMatchObject({ stage: 'routing', role: 'lead', evaluated: 2, fired: 1, decided: 1 })
    expect(rule.conditions).toEqual([
      { path: 'when', condition: 'all', madeTrue: 1, madeFalse: 1 },
      { path: 'when.all[0]', condition: 'text containsAny 计量', madeTrue: 1, madeFalse: 1 },
    ])
    const procedure = analyzeRuleSet(await analysisFixtureRuleSet('procedure_item_unchecked')).coverage.procedure
    expect(procedure?.map((r) => [r.seq, r.item, r.checks])).toEqual([
      [25, 1, []],
      [25, 2, ['decision.majority-vote']],
    ])
    const limits = analyzeRuleSet(await analysisFixtureRuleSet('time_limit_unenforced')).coverage.timeLimits
    expect(limits.find((r) => r.seq === 23)).toMatchObject({ limit: '十五个工作日内', deadlineRules: [], rules: [] })
    expect(limits.find((r) => r.seq === 14)).toMatchObject({ limit: '七个工作日内', deadlineRules: ['complaint-acceptance'] })
  })
})

describe('the shipped rules', () => {
  let shipped: RuleSet
  const load = async () => (shipped ??= await loadRuleSet(RULES_DIR))
  // The analysis of the shipped rules routes every scenario (thousands): made once, read by several tests.
  let analysed: Analysis
  const analysis = async () => (analysed ??= analyzeRuleSet(await load()))

  test('have no error-level finding and no collision', async () => {
    const { findings, summary } = await analysis()
    expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message}`)).toEqual([])
    expect(summary.collisions).toBe(0)
  })

  test('every routing duty of seq 3-21 is cited and reached by a scenario; every other one says why not', async () => {
    const rows = (await analysis()).coverage.duties
    const items = Object.values((await load()).articles).filter((a) => a.section).flatMap((a) => a.items)
    expect(rows).toHaveLength(items.length)
    expect(new Set(rows.map((r) => r.seq))).toEqual(new Set(Array.from({ length: 19 }, (_, i) => i + 3)))
    for (const row of rows) {
      if (row.routing === 'duty') {
        expect(row.rules.length, `${row.seq}/${row.item}`).toBeGreaterThan(0)
        expect(row.scenarios.length, `${row.seq}/${row.item}`).toBeGreaterThan(0)
      } else expect(row.routing, `${row.seq}/${row.item}`).toBe('not')
    }
  })

  test('the old equal priorities of the commodity sections (50/51) are collisions, proven by the scenarios', async () => {
    const ruleSet = await load()
    const commodity = ['food-circulation', 'catering-food', 'cosmetics', 'drugs', 'medical-devices', 'product-quality']
    // Before the fix every commodity lead rule had 50, the more specific ones (recall, …) 51.
    const specific = new Set(['cosmetics.recall', 'drugs.good-supply-practice', 'drugs.recall', 'drugs.narcotics', 'medical-devices.recall'])
    const old: RuleSet = {
      ...ruleSet,
      // The by-category rules (priority 11-12, issue 10) did not exist then: they keep their priority.
      routingRules: ruleSet.routingRules.map((r) => (r.role === 'lead' && commodity.includes(r.section) && !r.id.endsWith('.by-category') ? { ...r, priority: specific.has(r.id) ? 51 : 50 } : r)),
    }
    const found = byCode(analyzeRuleSet(old), 'lead_collision')
    expect(found.length).toBeGreaterThanOrEqual(30)
    const scenarioOf = (a: string, b: string) => found.find((f) => f.rules!.includes(a) && f.rules!.includes(b))?.example
    expect(scenarioOf('drugs.retail-and-use', 'food-circulation.food')).toMatchObject({ source: 'scenario', winner: 'drugs.retail-and-use' })
    expect(scenarioOf('drugs.retail-and-use', 'medical-devices.devices')).toMatchObject({ source: 'scenario', winner: 'drugs.retail-and-use' })
    expect(scenarioOf('cosmetics.recall', 'medical-devices.recall')).toMatchObject({ source: 'scenario', winner: 'cosmetics.recall' })
    expect(found.every((f) => f.severity === 'error' && f.example !== undefined)).toBe(true)
    // A whole analysis with every scenario: 100 s in stop 32's loaded CI, near the suite's 120 s. Not a timed assertion.
  }, 300_000)

  // No timed assertion here (machines are shared and noisy): a hang still fails on the suite's testTimeout, and
  // `npm run bench` prints the analysis time beside the parse time of the same rules (a ratio in one run).
  test('the analysis of the shipped rules finishes, and its summary counts its findings', async () => {
    const { findings, summary } = await analysis()
    const count = (severity: string) => findings.filter((f) => f.severity === severity).length
    expect([summary.errors, summary.warnings, summary.infos]).toEqual([count('error'), count('warning'), count('info')])
    expect(summary.errors).toBe(0)
  })
})

describe('deterministic, no clock', () => {
  afterEach(() => vi.useRealTimers())

  test('the same rule set gives the same analysis, whatever the system date', async () => {
    // Two loads: the analysis keeps a router per rule set, and the second run must not reuse the first's.
    const [one, two] = [await loadRuleSet(RULES_DIR), await loadRuleSet(RULES_DIR)]
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2031-07-01T00:00:00Z'))
    const a = JSON.stringify(analyzeRuleSet(one))
    vi.setSystemTime(new Date('2019-01-01T00:00:00Z'))
    const b = JSON.stringify(analyzeRuleSet(two))
    expect(a).toBe(b)
    // Two full analyses of the shipped rules (~30 s each on a loaded two-CPU machine in stop 30): a longer hang guard.
  }, 300_000)

  test('asOf defaults to the latest scenario date and can be given', async () => {
    const result = parseRuleSet(await baseFiles())
    if (!result.ok) throw new Error('base fixture does not load')
    const base = result.value
    expect(analyzeRuleSet(base).summary.asOf).toBe('2026-03-02')
    // metrology.scale-at-restaurant is in force 2026-01-01 … 2026-06-30.
    const codes = (asOf: string) => byCode(analyzeRuleSet(base, { asOf }), 'rule_expired').concat(byCode(analyzeRuleSet(base, { asOf }), 'rule_not_yet_in_force')).map((f) => `${f.code} ${f.rules}`)
    expect(codes('2026-03-02')).toEqual([])
    expect(codes('2026-07-01')).toEqual(['rule_expired metrology.scale-at-restaurant'])
    expect(codes('2025-12-31')).toEqual(['rule_not_yet_in_force metrology.scale-at-restaurant'])
  })

  test('options.scenarios replaces the rule set’s scenarios', async () => {
    const result = parseRuleSet(await baseFiles())
    if (!result.ok) throw new Error('base fixture does not load')
    const analysis = analyzeRuleSet(result.value, { scenarios: [] })
    expect(analysis.summary.scenarios).toBe(0)
    expect(analysis.summary.asOf).toBeUndefined()
    expect(byCode(analysis, 'rule_never_fired')).toEqual([])
  })
})

test('public surface', () => {
  // The package exports it guarded (a safe copy of the options, only XiaobaoError; issue 12), same type.
  expect(exported.name).toBe(analyzeRuleSet.name)
  expectTypeOf(exported).toEqualTypeOf<typeof analyzeRuleSet>()
  expect(exportedCodes).toBe(ANALYSIS_CODES)
  expectTypeOf(analyzeRuleSet).parameters.toEqualTypeOf<[RuleSet, AnalyzeOptions?]>()
  expectTypeOf(analyzeRuleSet).returns.toEqualTypeOf<Analysis>()
  expectTypeOf<Finding['severity']>().toEqualTypeOf<'error' | 'warning' | 'info'>()
})
