// @ts-nocheck — a measurement script, not part of the suite. The learned fallback (src/routing/learned/) on
// held-out texts, rules alone vs rules + learned, through the real routing path (routeComplaintSync of an
// engine whose rule set carries the trained model). Prints figures only.
//   for c in 98f04f7 0d31251; do mkdir -p /tmp/learn-rules-$c && git archive $c rules | tar -x -C /tmp/learn-rules-$c; done
//   npx tsx test/tools/learned-heldout.mts            (RUN=1|2|cv, BUDGETS=0,3000,…)
// Protocol (honesty):
// - every `frozen: true` scenario is dropped right after loading, and that is asserted; nothing frozen is read.
// - run 1: test = the tuned texts of fresh9/fresh10 (13th/14th batches); rules of 98f04f7 (never tuned on them);
//   train = every other unfrozen scenario of 98f04f7 (field + curated).
// - run 2: test = the tuned texts of fresh7/fresh8 (11th/12th); rules of 0d31251 (never tuned on them); train = the
//   field files of 98f04f7 except fresh7/8, plus the curated scenarios of 0d31251 (later curated ones were written
//   while tuning on fresh7/8 and would leak).
// - the threshold is chosen by trainRoutingModel's 5-fold cross-validation on the train rows alone.
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
const root = join(import.meta.dirname, '..', '..')
const { createEngine } = await import(root + '/src/engine/createEngine.ts')
const { loadRuleSet } = await import(root + '/src/node/loadRuleSet.ts')
const { trainRoutingModel } = await import(root + '/src/routing/learned/trainRoutingModel.ts')
const { labelOf, trainingRows } = await import(root + '/src/routing/learned/trainingRows.ts')
const { crossValidate } = await import(root + '/src/routing/learned/crossValidate.ts')
const { DEFAULT_FIT } = await import(root + '/src/routing/learned/fit.ts')
const { renderRoutingModel } = await import(root + '/src/routing/learned/renderModel.ts')

const load = async (dir: string) => {
  const rs = await loadRuleSet(dir)
  rs.scenarios = rs.scenarios.filter((s) => s.frozen !== true)
  assert.equal(rs.scenarios.filter((s) => s.frozen === true).length, 0)
  delete rs.routingModel
  // The archived rules predate the `byCategory: true` marker this branch adds to the *.by-category rules.
  for (const r of rs.routingRules) if (/\.by-category$/.test(r.id)) r.byCategory = true
  return rs
}
const head = await load(process.env.RULES_HEAD ?? '/tmp/learn-rules-98f04f7/rules')
const old = await load(process.env.RULES_OLD ?? '/tmp/learn-rules-0d31251/rules')
const budgets = (process.env.BUDGETS ?? '0,6000,3000,2000,1000').split(',').map(Number)
const fileRe = (re: string) => new RegExp(`(${re})\\.test\\.yaml$`)
const labelOfDecision = (d) => (d === undefined ? 'error' : d.disposition === 'route' ? d.lead?.id ?? '?' : d.disposition)

async function run(name: string, testRe: string, rules, trainScenarios) {
  const isTest = (s) => s.measure && fileRe(testRe).test(s.at.file)
  const test = head.scenarios.filter(isTest).filter((s) => typeof s.input?.text === 'string' && labelOf(s.expect) !== undefined)
  for (const s of [...test, ...trainScenarios]) assert.notEqual(s.frozen, true)
  assert.equal(trainScenarios.filter(isTest).length, 0)
  const trainSet = { ...rules, scenarios: trainScenarios }
  const plain = createEngine({ rules: { ...rules, scenarios: [] } })
  const base = test.map((s) => { try { return labelOfDecision(plain.routeComplaintSync(s.input)) } catch { return 'error' } })
  const want = test.map((s) => labelOf(s.expect))
  const right = (xs) => xs.filter((x, i) => x === want[i]).length
  console.log(`\n## ${name}: test ${test.length} tuned texts; train ${trainingRows(trainSet).rows.length} rows (frozen dropped: ${trainingRows(trainSet).frozenExcluded})`)
  console.log(`rules alone: ${right(base)}/${test.length}`)
  console.log('| features kept | threshold (CV) | rules + learned | handed to learned | fixes | breaks | model gzip |')
  console.log('|---:|---:|---:|---:|---:|---:|---:|')
  for (const maxFeatures of budgets) {
    const { model } = trainRoutingModel(trainSet, { maxFeatures })
    const withModel = createEngine({ rules: { ...rules, scenarios: [], routingModel: { ...model, at: { file: 'learned/routing-model.yaml', line: 1, col: 1 } } } })
    const got = test.map((s) => { try { return withModel.routeComplaintSync(s.input) } catch { return undefined } })
    const labels = got.map(labelOfDecision)
    const learned = got.map((d) => d?.warnings.some((w) => w.code === 'learned_lead') ?? false)
    const fixes = labels.filter((l, i) => learned[i] && l === want[i] && base[i] !== want[i]).length
    const breaks = labels.filter((l, i) => learned[i] && l !== want[i] && base[i] === want[i]).length
    const gz = gzipSync(renderRoutingModel(model)).length
    if (process.env.DIAG) {
      // Where the rules fell back on the test texts: what the model's top class was (figures only).
      const { decodedModel } = await import(root + '/src/routing/learned/modelFor.ts')
      const { scoreText } = await import(root + '/src/routing/learned/score.ts')
      const { variantsOf } = await import(root + '/src/routing/deriveFacts.ts')
      const { normalizeText } = await import(root + '/src/conditions/normalizeText.ts')
      const dec = decodedModel({ ...model, at: { file: '', line: 1, col: 1 } })
      const v = variantsOf(rules)
      const c = { fellBack: 0, topIsFallback: 0, topRejectOrTransfer: 0, topRejectOrTransferRight: 0, belowThreshold: 0, handed: 0, fallbackRight: 0, topRight: 0 }
      test.forEach((s, i) => {
        const d = plain.routeComplaintSync(s.input)
        const lead = d.trace.find((h) => h.stage === 'routing' && h.effect === 'lead')
        const fell = d.disposition === 'route' && (d.warnings.some((w) => w.code === 'no_specific_section') || (lead && rules.routingRules.find((r) => r.id === lead.rule)?.byCategory === true))
        if (!fell) return
        c.fellBack++
        if (base[i] === want[i]) c.fallbackRight++
        const sc = scoreText(dec, v(normalizeText(s.input.text)), v(normalizeText(s.input.respondent?.name ?? '')))
        const top = model.classes[sc.top]
        if (top === want[i]) c.topRight++
        if (top === d.lead.id) c.topIsFallback++
        else if (top === 'reject' || top === 'transfer') { c.topRejectOrTransfer++; if (top === want[i]) c.topRejectOrTransferRight++ }
        else if (sc.p < model.threshold) c.belowThreshold++
        else c.handed++
      })
      console.log('  where the rules fell back:', JSON.stringify(c))
    }
    console.log(`| ${maxFeatures || 'all'} | ${model.threshold} | ${right(labels)}/${test.length} | ${learned.filter(Boolean).length} | ${fixes} | ${breaks} | ${gz} |`)
  }
}

if (!process.env.RUN || process.env.RUN === '1') {
  await run('held-out 1: fresh9/fresh10, rules of 98f04f7', 'fresh9|fresh10', head, head.scenarios.filter((s) => !(s.measure && /fresh(9|10)\.test\.yaml$/.test(s.at.file))))
}
if (!process.env.RUN || process.env.RUN === '2') {
  const field = head.scenarios.filter((s) => s.measure && !/fresh[78]\.test\.yaml$/.test(s.at.file))
  const curated = old.scenarios.filter((s) => !s.measure)
  await run('held-out 2: fresh7/fresh8, rules of 0d31251', 'fresh7|fresh8', old, [...field, ...curated])
}
if (!process.env.RUN || process.env.RUN === 'cv') {
  // 5-fold CV on all unfrozen rows of 98f04f7 (what the shipped model trains on): top-class accuracy by budget.
  const { rows } = trainingRows(head)
  console.log(`\n## 5-fold cross-validation on the ${rows.length} training rows (top class right)`)
  for (const maxFeatures of budgets) {
    const oof = crossValidate(rows, DEFAULT_FIT, maxFeatures, 5)
    console.log(`features ${maxFeatures || 'all'}: ${oof.filter((a) => a.label === a.predicted).length}/${rows.length}`)
  }
}
