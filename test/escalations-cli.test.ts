/**
 * `xiaobao escalations` and `xiaobao calendar`, run in-process through `main()` with captured streams, and
 * computeEscalations under three time zones (each a child process, since TZ is read once per process).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { FIXTURES, runCli } from './fixtures.js'

const ROOT = new URL('..', import.meta.url).pathname

const run = runCli

describe('xiaobao escalations', () => {
  test('--help, and the main help lists both commands', async () => {
    for (const command of ['escalations', 'calendar']) {
      const r = await run([command, '--help'])
      expect(r.code).toBe(0)
      expect(r.out).toContain(`xiaobao ${command}`)
    }
    const help = (await run(['--help'])).out
    expect(help).toContain('escalations FILE')
    expect(help).toContain('calendar YEAR')
  })

  test('a table by section, the section with the most overdue item first', async () => {
    const r = await run(['escalations', 'examples/tracked-items.json', '--as-of', '2026-10-20'])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^截至 2026-10-20：23 个期限，超期 4/)
    const sections = [...r.out.matchAll(/^(\S+)（([a-z0-9-]+)）$/gm)].map((m) => m[2])
    expect(sections.slice(0, 4)).toEqual(['food-circulation', 'online-trade', 'advertising', 'catering-food'])
    expect(r.out).toContain('→ 联席会议召集人 [escalate-to-convener]')
    expect(r.out).toContain('依据：《暂行办法》第十四条；实施办法第四条(七)（seq 4）')
    // Within a section: overdue first, then pending, then met.
    const advertising = r.out.slice(r.out.indexOf('广告监督管理股（advertising）'))
    expect(advertising.indexOf('JB-2026-0918')).toBeLessThan(advertising.indexOf('JB-2026-0919'))
  })

  test('--json prints the entries; stdin works', async () => {
    const items = JSON.stringify([{ type: 'complaint', id: 'C1', section: 'metrology', receivedOn: '2026-02-12' }])
    const r = await run(['escalations', '-', '--as-of', '2026-03-02', '--json'], items)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject([{ itemId: 'C1', deadline: 'complaint-acceptance', dueOn: '2026-02-28', status: 'overdue', workingDaysLate: 1, level: 2 }])
  })

  test('2027 needs --provisional; with it, dates are marked', async () => {
    const items = JSON.stringify({ items: [{ type: 'complaint', id: 'D', section: 'metrology', receivedOn: '2026-11-30', acceptedOn: '2026-12-01' }] })
    const refused = await run(['escalations', '-', '--as-of', '2026-12-10'], items)
    expect(refused.code).toBe(2)
    expect(refused.err).toContain('[calendar_coverage]')
    expect(refused.err).toContain('2027')
    const provisional = await run(['escalations', '-', '--as-of', '2026-12-10', '--provisional'], items)
    expect(provisional.code).toBe(0)
    expect(provisional.out).toContain('2027-02-03*')
    expect(provisional.out).toContain('* 暂定')
  })

  test('bad input: exit 2 with the item named; missing --as-of or file is a usage error', async () => {
    const bad = await run(['escalations', '-', '--as-of', '2026-10-20'], JSON.stringify([{ type: 'complaint', id: 'C', section: 'metrology', receivedOn: '2026-13-01' }]))
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('items[0].receivedOn')
    expect((await run(['escalations', '-', '--as-of', '2026-10-20'], '{ nope')).err).toContain('[invalid_json]')
    expect((await run(['escalations', 'examples/tracked-items.json'])).code).toBe(2)
    expect((await run(['escalations', '--as-of', '2026-10-20'])).code).toBe(2)
  })

  test('--rules: a rules folder without deadlines says so', async () => {
    const r = await run(['escalations', 'examples/tracked-items.json', '--as-of', '2026-10-20', '--rules', FIXTURES + 'base'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('[missing_file]')
  })
})

describe('xiaobao test runs the escalation scenarios with the others', () => {
  test('one closing line over all scenarios', async () => {
    const r = await run(['test', 'rules', '--filter', '春节'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('rules/tests/escalations.test.yaml')
    expect(r.out).toMatch(/\n\d+ passed, 0 failed\n$/)
    const json = JSON.parse((await run(['test', 'rules', '--filter', '2027', '--json'])).out) as { name: string; passed: boolean }[]
    expect(json.filter((s) => s.name.includes('2027')).length).toBeGreaterThanOrEqual(2)
    expect(json.every((s) => s.passed)).toBe(true)
  })
})

describe('xiaobao calendar', () => {
  test('2026: rest days, make-up days and the notice', async () => {
    const r = await run(['calendar', '2026'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('《国务院办公厅关于2026年部分节假日安排的通知》（国办发明电〔2025〕7号），2025-11-04')
    expect(r.out).toContain('春节  2026-02-15（周日）至 2026-02-23（周一），9 天')
    expect(r.out).toContain('2026-02-28（周六）')
    expect(r.out).toContain('2026-09-20（周日）')
  })

  test('a year from the package names chinese-days; --json is the yearDays object', async () => {
    expect((await run(['calendar', '2024'])).out).toContain('chinese-days 1.5.7')
    const json = JSON.parse((await run(['calendar', '2025', '--json'])).out)
    expect(json).toMatchObject({ year: 2025, from: 'yaml', provisional: false })
    expect(json.makeupWorkdays.map((d: { date: string }) => d.date)).toContain('2025-10-11')
  })

  test('2027: coverage error, or the provisional days', async () => {
    const refused = await run(['calendar', '2027'])
    expect(refused.code).toBe(2)
    expect(refused.err).toContain('rules/calendar/2027.yaml')
    const provisional = await run(['calendar', '2027', '--provisional'])
    expect(provisional.code).toBe(0)
    expect(provisional.out).toContain('暂定')
    expect(provisional.out).toContain('国庆节  2027-10-01（周五）至 2027-10-03（周日），3 天')
    expect((await run(['calendar', 'next'])).code).toBe(2)
  })
})

describe('the same answers in every time zone', () => {
  const script = `
    import { createEngine } from './src/engine/createEngine.ts'
    const items = JSON.parse(process.argv[1])
    const out = await createEngine().computeEscalations(items, { asOf: '2026-10-20' })
    console.log(JSON.stringify(out.map((e) => [e.itemId, e.deadline, e.dueOn, e.status, e.workingDaysLate ?? null, e.level, e.nextReviewOn ?? null])))
  `
  const items = readFileSync(ROOT + 'examples/tracked-items.json', 'utf8')
  const answers = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'].map((tz) =>
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, items], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: tz } }),
  )

  test('UTC, Asia/Shanghai and America/Los_Angeles agree', () => {
    expect(JSON.parse(answers[0]!).length).toBe(23)
    expect(answers[1]).toBe(answers[0])
    expect(answers[2]).toBe(answers[0])
  })
})
