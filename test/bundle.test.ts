/**
 * An app that imports only the calendar does not carry the routing rules: an esbuild bundle (browser,
 * minified) of `import { isWorkingDay } from 'xiaobao'`. It was 933 KB (every routing rule came with it).
 * The goal is under 100 KB; what remains above that is zod in the calendar's input checks (~95 KB) —
 * see README, "Architecture".
 */
import { expect, test } from 'vitest'
import { calendarBundleBytes } from './tools/calendarBundle.js'

test('a calendar-only bundle stays small', async () => {
  const bytes = await calendarBundleBytes()
  // 210 KB: every calendar method now snapshots its arguments (src/problems/snapshotInput.ts, issue 12).
  expect(bytes).toBeLessThan(210_000)
})
