/**
 * What `npm run gen` derives must match rules/ and src/: the bundled rules module and the JSON Schemas.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { BUNDLED_DIR, renderBundledCalendar, renderBundledRuleModules } from '../src/node/bundleRules.js'
import { ruleFileJsonSchemas } from '../src/capabilities.js'
import { RULES_DIR } from './fixtures.js'
import { LUNAR_TABLE_MODULE, lunarYearCode, renderLunarTable } from './tools/lunarTable.js'
import { HOLIDAY_TABLE_MODULE, renderHolidayTable } from './tools/holidayTable.js'

const ROOT = new URL('..', import.meta.url).pathname

describe('generated files are up to date (run `npm run gen` when this fails)', () => {
  test('the bundled rules (src/engine/bundledRuleFiles.generated.ts, src/engine/bundled/*.generated.ts) match rules/', async () => {
    const modules = await renderBundledRuleModules(RULES_DIR)
    for (const m of modules) {
      const current = readFileSync(join(ROOT, m.path), 'utf8')
      expect(current === m.text, `${m.path} is stale: run \`npm run gen\``).toBe(true)
    }
    const present = readdirSync(join(ROOT, BUNDLED_DIR)).filter((n) => n.endsWith('.generated.ts')).map((n) => `${BUNDLED_DIR}/${n}`)
    expect(present.sort(), 'a stale module is left in src/engine/bundled: run `npm run gen`').toEqual(modules.map((m) => m.path).filter((p) => p.startsWith(BUNDLED_DIR + '/')).sort())
  })

  test('src/calendar/bundledCalendar.generated.ts matches rules/calendar/', async () => {
    const current = readFileSync(join(ROOT, 'src/calendar/bundledCalendar.generated.ts'), 'utf8')
    expect(current === (await renderBundledCalendar(RULES_DIR)), 'bundled calendar is stale: run `npm run gen`').toBe(true)
  })

  test('src/calendar/lunarTable.generated.ts matches chinese-days', () => {
    expect(readFileSync(join(ROOT, LUNAR_TABLE_MODULE), 'utf8') === renderLunarTable(), 'the lunar table is stale: run `npm run gen`').toBe(true)
  })

  test('src/calendar/holidayTable.generated.ts matches chinese-days', () => {
    expect(readFileSync(join(ROOT, HOLIDAY_TABLE_MODULE), 'utf8') === renderHolidayTable(), 'the holiday table is stale: run `npm run gen`').toBe(true)
  })

  test('rules/schemas/*.json match the zod schemas and the folder\'s names (`xiaobao schema rules`)', async () => {
    const { loadRuleSet } = await import('../src/node/loadRuleSet.js')
    for (const [name, schema] of Object.entries(ruleFileJsonSchemas(await loadRuleSet(RULES_DIR)))) {
      const current = readFileSync(join(RULES_DIR, 'schemas', name), 'utf8')
      expect(current === JSON.stringify(schema, null, 2) + '\n', `${name} is stale: run \`npm run gen\``).toBe(true)
    }
  })

  test('every rule file names its JSON Schema for the editor', () => {
    const texts = readFileSync(join(ROOT, 'src/engine/bundledRuleFiles.generated.ts'), 'utf8')
    expect(texts).toContain('yaml-language-server: $schema=')
  })
})

describe('the pre-parsed bundled rule set', () => {
  test('equals parsing the bundled files now', async () => {
    const { defaultRuleSet, bundledRuleFiles } = await import('../src/engine/defaultRuleSet.js')
    const { parseRuleSetOrThrow } = await import('../src/capabilities.js')
    const reparsed = JSON.parse(JSON.stringify(parseRuleSetOrThrow(bundledRuleFiles())))
    expect(defaultRuleSet()).toEqual(reparsed)
  })

  test('the routing module\'s compact taxonomy decodes to the parsed categories, field for field and in order (without what routing omits)', async () => {
    const { bundledRuleFiles } = await import('../src/engine/defaultRuleSet.js')
    const { parseRuleSetOrThrow } = await import('../src/capabilities.js')
    const { data } = await import('../src/engine/bundled/routing.generated.js')
    const parsed = parseRuleSetOrThrow(bundledRuleFiles()).categories!.categories
    const runtime = parsed.map(({ basis: _b, cites: _c, at: _a, ...leaf }) => leaf)
    expect(JSON.stringify(data().categories)).toBe(JSON.stringify({ categories: runtime }))
    expect(readFileSync(join(ROOT, BUNDLED_DIR, 'routing.generated.ts'), 'utf8')).toContain('decodeTaxonomy(value.categories)')
  })

  test('the bundled calendar slice equals the bundled rule set\'s calendar', async () => {
    const { defaultRuleSet } = await import('../src/engine/defaultRuleSet.js')
    const { parseBundledCalendar } = await import('../src/calendar/bundledCalendar.generated.js')
    expect(parseBundledCalendar()).toEqual(defaultRuleSet().calendar)
  })
})

test('the lunar table answers as chinese-days, every month of 1900–2100', async () => {
  const chineseDays = (await import('chinese-days')).default
  const { LUNAR_TABLE_FIRST_YEAR, LUNAR_YEARS } = await import('../src/calendar/lunarTable.generated.js')
  for (let year = 1900; year <= 2100; year++) {
    const code = LUNAR_YEARS[year - LUNAR_TABLE_FIRST_YEAR]!
    expect(code).toBe(lunarYearCode(year))
    for (let month = 1; month <= 12; month++) expect(code & (1 << (month - 1)) ? 30 : 29).toBe(chineseDays.monthDays(year, month))
    const leap = chineseDays.getYearLeapMonth(year)
    expect((code >> 12) & 0xf).toBe(leap.leapMonth ?? 0)
    if (leap.leapMonth) expect(code & (1 << 16) ? 30 : 29).toBe(leap.days)
  }
})
