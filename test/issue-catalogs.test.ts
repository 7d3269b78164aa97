/**
 * Every issue code has a catalog entry in Chinese and in English, in exactly one catalog; the type
 * `IssueCode` is closed and equals the union of the catalogs' codes (checked by `tsc`).
 */
import { describe, expect, test } from 'vitest'
import { CAPABILITIES, ISSUE_CATALOGS } from '../src/capabilities.js'
import { INPUT_MESSAGES, RULE_FILE_MESSAGES } from '../src/problems/catalog.js'
import type { IssueCode } from '../src/problems/issue.js'
import type { MessageCatalog } from '../src/problems/messages.js'
import { LOADER_MESSAGES } from '../src/ruleset/messages.js'
import { CALENDAR_MESSAGES } from '../src/calendar/issues.js'
import { ESCALATION_MESSAGES } from '../src/escalations/issues.js'
import { ROUTING_MESSAGES } from '../src/routing/issues.js'

type CodesOf<T> = T extends MessageCatalog<infer F> ? keyof F & string : never
type Catalogued =
  | CodesOf<typeof INPUT_MESSAGES>
  | CodesOf<typeof RULE_FILE_MESSAGES>
  | CodesOf<typeof LOADER_MESSAGES>
  | CodesOf<typeof CALENDAR_MESSAGES>
  | CodesOf<typeof ESCALATION_MESSAGES>
  | CodesOf<typeof ROUTING_MESSAGES>
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
// A code declared without a catalog entry (or a catalog entry for no declared code) fails `tsc` here.
const complete: Equal<IssueCode, Catalogued> = true

describe('issue catalogs', () => {
  test('the type-level check is in force', () => {
    expect(complete).toBe(true)
  })

  test('every capability with codes contributes its catalog', () => {
    const byCapability = Object.fromEntries(CAPABILITIES.map((c) => [c.name, 'issues' in c && c.issues ? c.issues : undefined]))
    expect(byCapability.routing).toBe(ROUTING_MESSAGES)
    expect(byCapability.calendar).toBe(CALENDAR_MESSAGES)
    expect(byCapability.escalations).toBe(ESCALATION_MESSAGES)
  })

  test('every code is in exactly one catalog, with a non-empty text in both languages', () => {
    const seen = new Map<string, number>()
    ISSUE_CATALOGS.forEach((catalog, i) => {
      for (const code of catalog.codes) {
        expect(seen.has(code), `${code} is in two catalogs`).toBe(false)
        seen.set(code, i)
        // Placeholders print as "undefined" with no fields; the text around them must exist.
        for (const language of ['zh', 'en'] as const) expect(catalog.text(language, code, {}).trim(), `${code} (${language})`).not.toBe('')
      }
    })
    expect(seen.size).toBeGreaterThan(30)
    expect([...seen.keys()]).not.toContain('duty_mismatch')
  })
})
