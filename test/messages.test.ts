/**
 * Messages (issue 12): one issue per problem, English text wholly English, numbers and sizes stated right.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { XiaobaoError, createEngine, parseRuleSet } from '../src/index.js'
import { readRuleFiles } from '../src/node/index.js'

const engine = createEngine()
const caught = (run: () => unknown): XiaobaoError => {
  try {
    run()
  } catch (error) {
    if (error instanceof XiaobaoError) return error
    throw error
  }
  throw new Error('did not throw')
}

describe('messages', () => {
  it('a malformed date is reported once', () => {
    const error = caught(() => engine.routeComplaintSync({ kind: 'complaint', receivedOn: '2026/3/2', text: '超市卖过期牛奶' } as never))
    expect(error.issues).toHaveLength(1)
    expect(error.issues[0].path).toEqual(['receivedOn'])
  })

  it('English text holds no Chinese word ("input must be object, got a list")', () => {
    const error = caught(() => engine.routeComplaintSync([] as never))
    expect(error.issues[0].messageEn).toBe('input must be object, got a list.')
    const missing = caught(() => engine.routeComplaintSync({ kind: 'complaint', text: 'x' } as never))
    expect(missing.issues[0].messageEn).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it('priority: .inf says it is not a finite number', async () => {
    const files = await readRuleFiles(new URL('../rules', import.meta.url).pathname)
    const patched = files.map((f) => (f.path === 'sections/metrology.yaml' ? { ...f, text: f.text.replace('priority: 70', 'priority: .inf') } : f))
    const result = parseRuleSet(patched)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      const issue = result.issues.find((i) => i.file === 'sections/metrology.yaml')!
      expect(issue.messageEn).toContain('.inf is not a finite number')
      expect(issue.messageEn).not.toContain('null')
    }
  })

  it('a 50 MB text is reported as 50 MB', () => {
    const result = parseRuleSet([{ path: 'big.yaml', text: 'x'.repeat(50 * 1024 * 1024) }])
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0].messageEn).toContain('50.0 MB')
  })

  it('a file that fails to parse does not cascade: citations into it are not reported again, the count is', async () => {
    const files = await readRuleFiles(new URL('../rules', import.meta.url).pathname)
    const articles = files.find((f) => f.path === 'articles/implementation-measures.yaml')!
    const broken = files.map((f) => (f === articles ? { ...f, text: f.text.replace(/\nkind: articles\n/, '\nkind: articles\n  bad: [\n') } : f))
    const result = parseRuleSet(broken)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.issues.map((i) => i.code)).not.toContain('dangling_citation')
      expect(result.issues.every((i) => i.file === articles.path)).toBe(true)
      const note = result.warnings.find((w) => w.code === 'suppressed_issues')!
      expect(note.messageEn).toMatch(/^\d+ more reference problem/)
    }
  })
})
