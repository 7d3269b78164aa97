/**
 * An app that imports only the calendar does not carry the routing rules, nor zod: an esbuild bundle
 * (browser, minified) of `import { isWorkingDay } from 'xiaobao'`. It was 933 KB (every routing rule came
 * with it), then 198 KB (zod in the calendar's input checks); now ~86 KB, of which ~69 KB is the
 * chinese-days data (its Chinese names \u-escaped) — see README, "Architecture".
 */
import { expect, test } from 'vitest'
import { calendarBundleBytes } from './tools/calendarBundle.js'

test('a calendar-only bundle stays small', async () => {
  const bytes = await calendarBundleBytes()
  expect(bytes).toBeLessThan(100_000)
})
