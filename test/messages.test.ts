/**
 * Messages (issue 12): one issue per problem, English text wholly English, numbers and sizes stated right.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { XiaobaoError, citationProblem, createEngine, parseRuleSet } from '../src/index.js'
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

  it('a misspelt or missing kind: in a defining file is one issue, not a cascade (articles: 58 errors before; a section: 8 and a warning)', async () => {
    const files = await readRuleFiles(new URL('../rules', import.meta.url).pathname)
    const cases: [string, (text: string) => string][] = [
      ['articles/implementation-measures.yaml', (t) => t.replace(/^kind: articles$/m, 'kind: artcles')],
      ['sections/metrology.yaml', (t) => t.replace(/^kind: section$/m, 'kind: sectoin')],
      ['sections/metrology.yaml', (t) => t.replace(/^kind: section$/m, 'knd: section')],
    ]
    for (const [path, change] of cases) {
      const broken = files.map((f) => (f.path === path ? { ...f, text: change(f.text) } : f))
      expect(broken.find((f) => f.path === path)!.text).not.toBe(files.find((f) => f.path === path)!.text)
      const result = parseRuleSet(broken)
      expect(result.ok, path).toBe(false)
      if (!result.ok) {
        expect(result.issues.map((i) => [i.file, i.code]), path).toHaveLength(1)
        expect(result.issues[0].file).toBe(path)
        expect(result.warnings.map((w) => w.code)).toEqual(['suppressed_issues'])
      }
    }
  })

  it('a folder without articles or section files names them (missing_file), and nothing that follows from it', async () => {
    const files = await readRuleFiles(new URL('../rules', import.meta.url).pathname)
    const result = parseRuleSet(files.filter((f) => ['config.yaml', 'intake.yaml', 'screening.yaml'].includes(f.path)))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.issues.map((i) => [i.code, i.file])).toEqual([['missing_file', undefined], ['missing_file', undefined]])
      expect(result.issues[0].messageEn).toContain('kind: articles')
      expect(result.issues[1]!.messageEn).toContain('kind: section')
    }
  })

  it('a citation of an article the rule set lacks says what it has, never a fixed range it contradicts', async () => {
    const files = await readRuleFiles(new URL('../rules', import.meta.url).pathname)
    const cite = (seq: number, without?: (f: { path: string; text: string }) => { path: string; text: string }) => {
      const changed = files.map((f) => (f.path === 'config.yaml' ? { ...f, text: f.text.replace(/seq: 3\b/, `seq: ${seq}`) } : without ? without(f) : f))
      const result = parseRuleSet(changed)
      return result.ok ? [] : result.issues.filter((i) => i.code === 'dangling_citation').map((i) => i.messageEn)
    }
    expect(files.find((f) => f.path === 'config.yaml')!.text).toMatch(/seq: 3\b/)
    expect(cite(99)).toEqual([expect.stringContaining('implementation-measures seq 99. The rule set has seq 1..28 of it.')])
    // A rule set without seq 3 (or without any article): the message says what it has.
    const ruleSet = engine.ruleSet
    const articles = Object.fromEntries(Object.entries(ruleSet.articles).filter(([key]) => key !== 'implementation-measures:3'))
    expect(citationProblem({ ...ruleSet, articles }, { seq: 3 })?.en).toContain('The rule set has seq 1..2, 4..28 of it.')
    expect(citationProblem({ ...ruleSet, articles: {} }, { seq: 3 })?.en).toContain('The rule set has no article of implementation-measures')
  })
})
