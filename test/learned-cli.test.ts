/**
 * `xiaobao train` and `xiaobao lint` on a copy of the bundled rules: a corrupt model is an error with its
 * place, `train` writes it anew (keeping `enabled: false`), lint is then clean of `stale_routing_model`;
 * a new scenario makes it stale again.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { expect, test } from 'vitest'
import { bundledRuleFiles } from '../src/engine/defaultRuleSet.js'
import { parse, stringify } from 'yaml'
import { runCli } from './fixtures.js'

/** A temporary folder holding the bundled rule files. */
function copyOfBundledRules(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  for (const f of bundledRuleFiles()) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true })
    writeFileSync(join(dir, f.path), f.text)
  }
  return dir
}

test('train rewrites a corrupt or stale model; lint warns when it is stale', async () => {
  const dir = copyOfBundledRules('xiaobao-train-')
  const model = join(dir, 'learned', 'routing-model.yaml')
  writeFileSync(model, readFileSync(model, 'utf8').replace(/^enabled: true$/m, 'enabled: false').replace(/^weights: (\S+?),/m, 'weights: $1'))
  const broken = await runCli(['lint', dir])
  expect(broken.code).toBe(1)
  expect(broken.out).toMatch(/routing-model\.yaml:\d+:\d+/)
  expect(broken.out).toContain('xiaobao train')

  const trained = await runCli(['train', dir])
  expect(trained.code).toBe(0)
  expect(readFileSync(model, 'utf8')).toMatch(/^enabled: false$/m)
  // The shipped file's skipChars (the anonymisation placeholder) is kept, from the text of a file that did not load,
  // and no learned gram has the character.
  expect(readFileSync(model, 'utf8')).toMatch(/^ {2}skipChars: 某$/m)
  expect(parse(readFileSync(model, 'utf8')).features.split('|').some((g: string) => g.includes('某'))).toBe(false)
  const clean = await runCli(['lint', dir, '--json'])
  expect(clean.code).toBe(0)
  expect(JSON.parse(clean.out).issues.map((i: { code: string }) => i.code)).not.toContain('stale_routing_model')

  writeFileSync(join(dir, 'tests', 'extra.test.yaml'), 'kind: scenarios\nscenarios:\n  - { name: 新的, input: { kind: complaint, receivedOn: "2026-03-02", text: 秤不准 }, expect: { lead: metrology } }\n')
  const stale = await runCli(['lint', dir, '--json'])
  expect(JSON.parse(stale.out).issues.find((i: { code: string }) => i.code === 'stale_routing_model')).toMatchObject({ severity: 'warning' })
})

test('train lists the labelled answers the new model changes against the old one (frozen ones only counted)', async () => {
  const dir = copyOfBundledRules('xiaobao-train-changes-')
  // An old model that is sure of 计量股 whatever the text: with leadThreshold 0.9 it leads every routed scenario there.
  const model = join(dir, 'learned', 'routing-model.yaml')
  const old = parse(readFileSync(model, 'utf8'))
  old.bias[old.classes.indexOf('metrology')] = 60
  old.leadThreshold = 0.9
  writeFileSync(model, stringify(old, { lineWidth: 0 }))
  // A frozen scenario of that kind, so the count (not the name) shows.
  writeFileSync(join(dir, 'tests', 'sealed.test.yaml'), 'kind: scenarios\nscenarios:\n  - { name: 冻结的药店场景, frozen: true, input: { kind: complaint, receivedOn: "2026-03-02", text: 在某某大药房买的感冒药过期了, respondent: { name: 某某大药房, county: XX县 } }, expect: { lead: drugs } }\n')

  const first = await runCli(['train', dir])
  expect(first.code).toBe(0)
  expect(first.out).toMatch(/(\d+) 件测试场景的答案改变/)
  expect(first.out).toContain('错→对 wrong→right：metrology → ')
  expect(first.out).toMatch(/tests\/sealed\.test\.yaml\n {4}冻结的 frozen：错→对 wrong→right 1/)
  expect(first.out).not.toContain('冻结的药店场景')

  const again = await runCli(['train', dir])
  expect(again.out).toContain('没有测试场景的答案改变')
})
