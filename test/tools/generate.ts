/**
 * `npm run gen`: regenerates what is derived from rules/ and src/ — the bundled rules module, the bundled
 * calendar slice, chinese-days' lunar and holiday tables and the JSON Schemas in rules/schemas/. Tests fail when any is stale.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeBundledCalendar, writeBundledRules } from '../../src/node/bundleRules.js'
import { ruleFileJsonSchemas } from '../../src/capabilities.js'
import { loadRuleSet } from '../../src/node/loadRuleSet.js'
import { LUNAR_TABLE_MODULE, renderLunarTable } from './lunarTable.js'
import { HOLIDAY_TABLE_MODULE, renderHolidayTable } from './holidayTable.js'
import { readFile } from 'node:fs/promises'

const root = join(import.meta.dirname, '..', '..')
await mkdir(join(root, 'rules', 'schemas'), { recursive: true })
// The shipped schemas are the folder's own (`xiaobao schema rules`): its vocabularies and finding codes as enums.
const ruleSet = await loadRuleSet(join(root, 'rules'))
for (const [name, schema] of Object.entries(ruleFileJsonSchemas(ruleSet))) {
  await writeFile(join(root, 'rules', 'schemas', name), JSON.stringify(schema, null, 2) + '\n')
}
const changed = await writeBundledRules(join(root, 'rules'), root)
const calendarChanged = await writeBundledCalendar(join(root, 'rules'), join(root, 'src', 'calendar', 'bundledCalendar.generated.ts'))
const lunarTarget = join(root, LUNAR_TABLE_MODULE)
const lunarChanged = (await readFile(lunarTarget, 'utf8').catch(() => '')) !== renderLunarTable()
if (lunarChanged) await writeFile(lunarTarget, renderLunarTable())
const holidayTarget = join(root, HOLIDAY_TABLE_MODULE)
const holidayChanged = (await readFile(holidayTarget, 'utf8').catch(() => '')) !== renderHolidayTable()
if (holidayChanged) await writeFile(holidayTarget, renderHolidayTable())
console.log(`rules/schemas written; lunar table ${lunarChanged ? 'updated' : 'unchanged'}; holiday table ${holidayChanged ? 'updated' : 'unchanged'}; bundled rules ${changed ? 'updated' : 'unchanged'}; bundled calendar ${calendarChanged ? 'updated' : 'unchanged'}`)
