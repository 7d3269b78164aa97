/**
 * `npm run bench`: routes a few thousand varied complaints through the bundled rules and prints
 * complaints/second and p50/p99 latency, next to a plain json-rules-engine Engine run over the same
 * conditions and facts. A benchmark, not a test: figures are ratios within one run on one machine.
 */
import { Engine } from 'json-rules-engine'
import { performance } from 'node:perf_hooks'
import { createEngine } from '../../src/engine/createEngine.js'
import { defaultRuleSet } from '../../src/engine/defaultRuleSet.js'
import { validateComplaint } from '../../src/routing/routeComplaint.js'
import { deriveFacts } from '../../src/routing/deriveFacts.js'
import { applyOperator } from '../../src/routing/explainCondition.js'
import { TEXT_OPERATORS } from '../../src/routing/facts.js'
import { workload } from './workload.js'

const COUNT = Number(process.env.BENCH_COUNT ?? 5000)

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function measure(name: string, items: unknown[], run: (item: unknown) => Promise<unknown> | unknown) {
  for (const item of items.slice(0, 200)) await run(item) // warm-up
  const times: number[] = []
  const start = performance.now()
  for (const item of items) {
    const t0 = performance.now()
    await run(item)
    times.push(performance.now() - t0)
  }
  const total = performance.now() - start
  times.sort((a, b) => a - b)
  return { name, perSecond: Math.round((items.length / total) * 1000), p50: percentile(times, 50) * 1000, p99: percentile(times, 99) * 1000 }
}

const loadStart = performance.now()
const ruleSet = defaultRuleSet()
const engine = createEngine({ rules: ruleSet })
const loadMs = performance.now() - loadStart
const items = workload(ruleSet, COUNT)

// Plain json-rules-engine over the same conditions, facts derived once up front (its best case).
const plain = new Engine([], { allowUndefinedFacts: true })
const vocab = (name: string) => ruleSet.vocabularies[name]?.keywords
for (const op of TEXT_OPERATORS) plain.addOperator(op, (a: unknown, b: unknown) => applyOperator(op, a, b, vocab))
for (const rule of [...ruleSet.intakeRules, ...ruleSet.screeningRules, ...ruleSet.routingRules]) {
  plain.addRule({ name: rule.id, conditions: structuredClone(rule.when) as never, event: { type: rule.id } })
}
const factsList = items.map((item) => deriveFacts(validateComplaint(item, ruleSet), ruleSet).facts)

const rows = [
  await measure('plain json-rules-engine (same conditions)', factsList, (facts) => plain.run({ ...(facts as object) })),
  await measure('engine.routeComplaint (reference)', items, (item) => engine.routeComplaint(item as never)),
]
const baseline = rows[0]!.perSecond
console.log(`xiaobao bench — ${COUNT} complaints, ${ruleSet.routingRules.length + ruleSet.screeningRules.length + ruleSet.intakeRules.length} rules, ${Object.keys(ruleSet.vocabularies).length} vocabularies; load+parse bundled rules ${loadMs.toFixed(1)} ms`)
console.log('| path | complaints/s | p50 µs | p99 µs | × plain JRE |')
console.log('|---|---:|---:|---:|---:|')
for (const r of rows) console.log(`| ${r.name} | ${r.perSecond} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${(r.perSecond / baseline).toFixed(2)} |`)
