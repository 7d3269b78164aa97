/**
 * `route --format compact` (issue 12): every line under 700 bytes — on the shipped examples, on every
 * scenario input of the shipped rules (the field corpus included) and on a generated workload as the
 * bench routes it — and complete: the basis of each decision follows from the rules it lists as fired.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { compactDecision } from '../src/cli/ndjson.js'
import { createEngine } from '../src/engine/createEngine.js'
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
  test('the basis is the citations of the deciding rules named in fired (or of the fallback duty)', () => {
    const rules = new Map([...ruleSet.intakeRules, ...ruleSet.screeningRules, ...ruleSet.routingRules].map((r) => [r.id, r]))
    const key = (c: { doc?: string; seq: number; item?: number }) => `${c.doc ?? 'implementation-measures'}:${c.seq}:${c.item ?? ''}`
    let checked = 0
    for (const input of complaints(ruleSet, 2_000, 5)) {
      const decision = engine.routeComplaintSync(input)
      const compact = compactDecision(decision) as { fired: string[]; warnings?: string[] }
      const cited = new Set<string>()
      for (const id of compact.fired) for (const c of rules.get(id)!.cites) cited.add(key(c))
      if (compact.warnings?.includes('no_specific_section')) for (const c of ruleSet.fallback.cites) cited.add(key(c))
      for (const c of decision.basis) expect(cited.has(key(c)), `${key(c)} in ${JSON.stringify(compact)}`).toBe(true)
      checked++
    }
    expect(checked).toBe(2_000)
  })
})
