/**
 * Typed issues: a duplicate carries where the earlier one is; message templates are filled in one place
 * and their placeholders are checked when the catalog is made.
 */
import { describe, expect, test } from 'vitest'
import { parseRuleSet } from '../src/capabilities.js'
import { defineMessages, fill, placeholdersOf } from '../src/problems/messages.js'
import type { LoaderIssue } from '../src/ruleset/messages.js'
import { baseFiles } from './fixtures.js'

describe('message catalogs', () => {
  test('fill writes places as file:line[:col]', () => {
    expect(fill('已在 {earlier} 使用，{id}', { earlier: { file: 'a.yaml', line: 3, col: 5 }, id: 'x' })).toBe('已在 a.yaml:3:5 使用，x')
    expect(placeholdersOf('{a} and {b}')).toEqual(['a', 'b'])
  })

  test('a placeholder that names no field of its code fails when the catalog is made', () => {
    expect(() => defineMessages<{ dup: { id: string } }>({ dup: ['id'] }, { zh: { dup: '重复 {idd}' }, en: { dup: 'dup {id}' } })).toThrow(/unknown placeholder\(s\) \{idd\}/)
    expect(() => defineMessages<{ dup: { id: string } }>({ dup: ['id'] }, { zh: { dup: '重复 {id}' }, en: {} as never })).toThrow(/no template for dup/)
  })
})

describe('typed loader issues', () => {
  test('a duplicate rule id carries the id and where it was first used', async () => {
    const files = await baseFiles()
    const section = files.find((f) => f.path.startsWith('sections/') && f.text.includes('  - id: '))!
    const id = /  - id: (\S+)/.exec(section.text)![1]!
    const result = parseRuleSet([...files, { path: 'sections/zz-copy.yaml', text: section.text.replace(/^id: (\S+)/m, 'id: advertising') }])
    expect(result.ok).toBe(false)
    if (result.ok) return
    const issue = result.issues.find((i) => i.code === 'duplicate_rule_id') as LoaderIssue | undefined
    expect(issue).toBeDefined()
    if (issue?.code !== 'duplicate_rule_id') return
    expect(issue.id).toBe(id)
    expect(issue.earlier.file).toBe(section.path)
    expect(issue.message).toContain(`已在 ${issue.earlier.file}:${issue.earlier.line}:${issue.earlier.col} 使用`)
  })
})
