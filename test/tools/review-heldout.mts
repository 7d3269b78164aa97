// @ts-nocheck — a measurement script, not part of the suite. The learned review warning (similar_cases_differ,
// src/routing/learned/similarCases.ts) on held-out texts, through the real routing path (routeComplaintSync of an
// engine whose rule set carries a model trained without the held-out texts). Prints figures only.
//   for c in f809f5c 6e26786 9d7bae0 2aa3ecd 0b429ff 439c468 4113d40; do mkdir -p /tmp/review-$c && git archive $c rules | tar -x -C /tmp/review-$c; done
//   BUDGETS=2000:2 npx tsx test/tools/review-heldout.mts   (A and B1-B4; BUDGETS=2000,1000:2,… compares pruning)
//   RUNS=C RULES_C=/tmp/review-439c468/rules BUDGETS=2000:2 npx tsx test/tools/review-heldout.mts
//   RUNS=C PAIR_C='fresh21|fresh22' RULES_C=/tmp/review-4113d40/rules BUDGETS=2000:2 npx tsx test/tools/review-heldout.mts
// Figures (2026-12-05, the shipped settings 2000:2): README, "similar cases differ".
// Protocol (honesty):
// - every `frozen: true` scenario is dropped right after loading, and that is asserted; nothing frozen is read, printed
//   or computed on.
// - test = the tuned (unfrozen) texts of a pair of field batches, as labelled in the test tree (this branch's rules, or
//   main's for C); rules = the commit before anyone tuned on that pair; train = that commit's unfrozen scenarios (curated
//   and field) minus the pair: what the bureau would have trained on then. The threshold is the one trainRoutingModel
//   chooses by 5-fold cross-validation on those training rows alone.
// - label = expect.disposition === 'route' ? expect.lead : expect.disposition; a decision's answer likewise.
// - the answer with the model is asserted equal to the answer without it (disposition, lead, assist) on every text.
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
const root = join(import.meta.dirname, '..', '..')
const { createEngine } = await import(root + '/src/engine/createEngine.ts')
const { loadRuleSet } = await import(root + '/src/node/loadRuleSet.ts')
const { trainRoutingModel } = await import(root + '/src/routing/learned/trainRoutingModel.ts')
const { trainingRows } = await import(root + '/src/routing/learned/trainingRows.ts')
const { renderRoutingModel } = await import(root + '/src/routing/learned/renderModel.ts')

const load = async (dir: string) => {
  const rs = await loadRuleSet(dir)
  rs.scenarios = rs.scenarios.filter((s) => s.frozen !== true)
  assert.equal(rs.scenarios.filter((s) => s.frozen === true).length, 0)
  delete rs.routingModel
  return rs
}
const labelOf = (e) => (e.error !== undefined ? undefined : e.disposition === 'reject' || e.disposition === 'transfer' ? e.disposition : typeof e.lead === 'string' ? e.lead : undefined)
const answerOf = (d) => (d.disposition === 'route' ? d.lead?.id ?? '?' : d.disposition)
// BUDGETS: features kept, optionally with the least quantised level kept (`2000:2`).
const budgets = (process.env.BUDGETS ?? '2000').split(',').map((b) => b.split(':').map(Number))

async function run(name: string, pair: string, testDir: string, rulesDir: string) {
  const inPair = (s) => s.measure && new RegExp(`/(${pair})\\.test\\.yaml$`).test('/' + s.at.file)
  const testTree = await load(testDir)
  let rules
  try {
    rules = await load(rulesDir)
  } catch (e) {
    console.log(`\n## ${name}: the rules tree ${rulesDir} does not load with today's code (${String(e.message ?? e).split('\n')[0]}); skipped`)
    return
  }
  const test = testTree.scenarios.filter(inPair).filter((s) => typeof s.input?.text === 'string' && labelOf(s.expect) !== undefined)
  const train = rules.scenarios.filter((s) => !inPair(s))
  for (const s of [...test, ...train]) assert.notEqual(s.frozen, true)
  const trainSet = { ...rules, scenarios: train }
  const plain = createEngine({ rules: { ...rules, scenarios: [] } })
  const want = test.map((s) => labelOf(s.expect))
  const before = test.map((s) => plain.routeComplaintSync(s.input))
  const rulesRight = before.map((d, i) => answerOf(d) === want[i])
  console.log(`\n## ${name}: ${test.length} tuned texts; rules right ${rulesRight.filter(Boolean).length}/${test.length}; train ${trainingRows(trainSet).rows.length} rows`)
  console.log('| features | θ (CV) | flagged | useful (rules wrong) | false alarm (rules right) | rules-wrong flagged | wrong by confidence before (h/m/l) | after (h/m/l) | had the model led: fixes / breaks | model gzip |')
  console.log('|---:|---:|---:|---:|---:|---:|---|---|---|---:|')
  for (const [maxFeatures, minLevel = 1] of budgets) {
    // The review warning alone (the answer is asserted unchanged below); "had the model led" is computed from its flags.
    const { model } = trainRoutingModel(trainSet, { maxFeatures, minLevel, leadThreshold: false, ...(process.env.THRESHOLD ? { threshold: Number(process.env.THRESHOLD) } : {}) })
    const engine = createEngine({ rules: { ...rules, scenarios: [], routingModel: { ...model, at: { file: 'learned/routing-model.yaml', line: 1, col: 1 } } } })
    const after = test.map((s) => engine.routeComplaintSync(s.input))
    after.forEach((d, i) => {
      assert.equal(d.disposition, before[i].disposition)
      assert.deepEqual(d.lead, before[i].lead)
      assert.deepEqual(d.assist, before[i].assist)
    })
    const flag = after.map((d) => d.warnings.find((w) => w.code === 'similar_cases_differ'))
    const flagged = flag.filter(Boolean).length
    const useful = flag.filter((f, i) => f && !rulesRight[i]).length
    const falseAlarm = flag.filter((f, i) => f && rulesRight[i]).length
    const wrong = rulesRight.filter((r) => !r).length
    const levels = (ds) => ['high', 'medium', 'low'].map((l) => ds.filter((d, i) => !rulesRight[i] && d.confidence === l).length).join('/')
    const highs = after.filter((d) => d.confidence === 'high').length
    const highsRight = after.filter((d, i) => d.confidence === 'high' && rulesRight[i]).length
    highTally.push([highsRight, highs])
    const fixes = flag.filter((f, i) => f && f.similar?.answer === want[i]).length
    const breaks = flag.filter((f, i) => f && rulesRight[i]).length
    flag.forEach((f, i) => {
      if (f) tally.push({ run: name, p: f.similar.p, rulesRight: rulesRight[i], modelRight: f.similar.answer === want[i], confidence: before[i].confidence, fallback: before[i].warnings.some((w) => w.code === 'no_specific_section'), kind: before[i].disposition === 'reject' ? 'reject→route' : f.similar.answer === 'reject' ? 'route→reject' : 'route→route' })
    })
    console.log(`| ${maxFeatures || 'all'}${minLevel > 1 ? ` (levels ≥ ${minLevel})` : ''} | ${model.threshold} | ${flagged} | ${useful} | ${falseAlarm} | ${useful}/${wrong} | ${levels(before)} | ${levels(after)} | ${fixes} / ${breaks} | ${gzipSync(renderRoutingModel(model)).length} |`)
  }
}

// Every flag, for the table by p printed at the end (had the model led only from p ≥ t, or only where the rules'
// own confidence was not high).
const tally = []
// high decisions right / all high decisions, per run (after the model)
const highTally = []
const runs = (process.env.RUNS ?? 'A,B1,B2,B3,B4').split(',')
const here = join(root, 'rules')
if (runs.includes('A')) await run('A: fresh17/fresh18, rules of f809f5c', 'fresh17|fresh18', here, '/tmp/review-f809f5c/rules')
if (runs.includes('B1')) await run('B1: fresh15/fresh16, rules of 6e26786', 'fresh15|fresh16', here, '/tmp/review-6e26786/rules')
if (runs.includes('B2')) await run('B2: fresh13/fresh14, rules of 9d7bae0', 'fresh13|fresh14', here, '/tmp/review-9d7bae0/rules')
if (runs.includes('B3')) await run('B3: fresh11/fresh12, rules of 2aa3ecd', 'fresh11|fresh12', here, '/tmp/review-2aa3ecd/rules')
if (runs.includes('B4')) await run('B4: fresh9/fresh10, rules of 0b429ff', 'fresh9|fresh10', here, '/tmp/review-0b429ff/rules')
// C: the batches the lead committed this session, untuned, on main's rules of that hour (PAIR_C: 'fresh19|fresh20' at
// 439c468; 'fresh21|fresh22' at 4113d40).
const pairC = process.env.PAIR_C ?? 'fresh19|fresh20'
if (runs.includes('C')) await run(`C: ${pairC.replace('|', '/')}, rules of ${process.env.RULES_C}`, pairC, process.env.RULES_C, process.env.RULES_C)
// PAIRS: more pairs, each 'fileA|fileB@rules dir' (the rules from before the pair was tuned; labels from this tree), comma-separated:
//   PAIRS='fresh19|fresh20@/tmp/review-439c468/rules,fresh21|fresh22@/tmp/review-4113d40/rules,fresh23|fresh24@/tmp/review-286a617/rules'
for (const spec of (process.env.PAIRS ?? '').split(',').filter(Boolean)) {
  const [pair, dir] = spec.split('@')
  await run(`${pair.replace('|', '/')}, rules of ${dir}`, pair, here, dir)
}

if (highTally.length > 0) console.log(`\nhigh decisions right (all runs, with the model): ${highTally.reduce((a, b) => a + b[0], 0)}/${highTally.reduce((a, b) => a + b[1], 0)}`)
if (tally.length > 0 && process.env.BY_RULES) {
  // route→route only: had the model led, by p, split by what the rules' own decision looked like.
  console.log('\n## route→route, by p and the rules\' own decision: fixes / breaks / neither')
  console.log('| from p ≥ | rules fell back (no_specific_section) | rules low | rules medium | rules high |')
  console.log('|---:|---|---|---|---|')
  const rr = tally.filter((f) => f.kind === 'route→route')
  for (const t of [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9]) {
    const row = (fs) => { const ok = fs.filter((f) => f.p >= t); return `${ok.filter((f) => f.modelRight).length} / ${ok.filter((f) => f.rulesRight).length} / ${ok.filter((f) => !f.modelRight && !f.rulesRight).length}` }
    console.log(`| ${t} | ${row(rr.filter((f) => f.fallback))} | ${row(rr.filter((f) => !f.fallback && f.confidence === 'low'))} | ${row(rr.filter((f) => !f.fallback && f.confidence === 'medium'))} | ${row(rr.filter((f) => f.confidence === 'high'))} |`)
  }
}
if (tally.length > 0) {
  console.log('\n## had the model led, by its p (all runs above): fixes / breaks / neither (the rules and the model both wrong)')
  console.log('| from p ≥ | all flags | where the rules were not high | route→route (another lead) | route→reject | reject→route |')
  console.log('|---:|---|---|---|---|---|')
  for (const t of [0.75, 0.8, 0.85, 0.9, 0.95]) {
    const row = (fs) => { const ok = fs.filter((f) => f.p >= t); return `${ok.filter((f) => f.modelRight).length} / ${ok.filter((f) => f.rulesRight).length} / ${ok.filter((f) => !f.modelRight && !f.rulesRight).length}` }
    console.log(`| ${t} | ${row(tally)} | ${row(tally.filter((f) => f.confidence !== 'high'))} | ${['route→route', 'route→reject', 'reject→route'].map((k) => row(tally.filter((f) => f.kind === k))).join(' | ')} |`)
  }
}
