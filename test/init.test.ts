/**
 * `xiaobao init`: a bureau's own rules folder from the shipped rules, then lint, test and route on it
 * with the CLI, as the printed next steps say.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { RULES_DIR, runCli } from './fixtures.js'

const fresh = () => join(mkdtempSync(join(tmpdir(), 'xiaobao-init-')), 'rules')

describe('xiaobao init', () => {
  test('writes the rules, schemas, scenarios and a README; sets the county; the folder lints, tests and routes', async () => {
    const dir = fresh()
    const r = await runCli(['init', dir, '--county', '青田县'])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    // The next three commands.
    expect(r.out).toContain(`npx xiaobao lint ${dir}`)
    expect(r.out).toContain(`npx xiaobao test ${dir}`)
    expect(r.out).toMatch(/\| npx xiaobao route - --rules /)

    expect(readdirSync(join(dir, 'schemas'))).toEqual(readdirSync(join(RULES_DIR, 'schemas')))
    expect(readdirSync(join(dir, 'tests'))).toEqual(readdirSync(join(RULES_DIR, 'tests')))
    const readme = readFileSync(join(dir, 'README.md'), 'utf8')
    expect(readme).toContain('青田县')
    expect(readme).toContain(`npx xiaobao workbench ${dir}`)

    // config.yaml: only the county (and the bureau's name) changed; every comment and layout kept.
    const shipped = readFileSync(join(RULES_DIR, 'config.yaml'), 'utf8')
    expect(readFileSync(join(dir, 'config.yaml'), 'utf8')).toBe(shipped.replace('name: XX县市场监督管理局', 'name: 青田县市场监督管理局').replace('county: XX县', 'county: 青田县'))

    const lint = await runCli(['lint', dir])
    expect(lint.code).toBe(0)
    expect(lint.out).toContain('规则检查通过')
    const tested = await runCli(['test', dir])
    expect(tested.out.trim().split('\n').at(-1)).toMatch(/^[1-9]\d* passed, 0 failed$/)
    expect(tested.code).toBe(0)

    // The county took effect: a shop in 青田县 is ours, one in XX县 is now another county's.
    const complaint = (county: string) => JSON.stringify({ kind: 'complaint', receivedOn: '2026-03-02', text: '在超市买的牛奶过期了', respondent: { county } })
    const routed = await runCli(['route', '-', '--rules', dir], `${complaint('青田县')}\n${complaint('XX县')}\n`)
    expect(routed.code).toBe(0)
    const [own, other] = routed.out.trim().split('\n').map((l) => JSON.parse(l))
    expect(own).toMatchObject({ disposition: 'route', lead: { id: 'food-circulation' } })
    expect(other).toMatchObject({ disposition: 'transfer', transfer: { to: 'XX县' } })
  })

  test('refuses a folder that is not empty unless --force, and writes nothing', async () => {
    const dir = fresh()
    expect((await runCli(['init', dir])).code).toBe(0)
    writeFileSync(join(dir, 'config.yaml'), '# 本局改过的\n' + readFileSync(join(dir, 'config.yaml'), 'utf8'))
    const refused = await runCli(['init', dir, '--county', '青田县'])
    expect(refused.code).toBe(2)
    expect(refused.err).toContain('不是空的')
    expect(refused.err).toContain('--force')
    expect(readFileSync(join(dir, 'config.yaml'), 'utf8')).toMatch(/^# 本局改过的\n/)
    const forced = await runCli(['init', dir, '--county', '青田县', '--force'])
    expect(forced.code).toBe(0)
    expect(readFileSync(join(dir, 'config.yaml'), 'utf8')).toContain('county: 青田县')
  })

  test('without --county keeps the shipped county and says to set it', async () => {
    const dir = fresh()
    const r = await runCli(['init', dir])
    expect(r.code).toBe(0)
    expect(r.out).toContain('未给 --county')
    expect(readFileSync(join(dir, 'config.yaml'), 'utf8')).toBe(readFileSync(join(RULES_DIR, 'config.yaml'), 'utf8'))
  })

  test('a county that needs quoting is quoted; a blank one is refused', async () => {
    const dir = fresh()
    expect((await runCli(['init', dir, '--county', '#1 县: 测试'])).code).toBe(0)
    expect(readFileSync(join(dir, 'config.yaml'), 'utf8')).toContain('county: "#1 县: 测试"')
    expect((await runCli(['lint', dir])).code).toBe(0)
    const blank = fresh()
    const r = await runCli(['init', blank, '--county', '  '])
    expect(r.code).toBe(2)
    expect(r.err).toContain('--county')
    expect(existsSync(blank)).toBe(false)
  })
})
