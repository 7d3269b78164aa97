/**
 * Every load-error code has a fixture under test/fixtures/invalid/, named after the code, whose first
 * line says where the error must be reported: `# expect: <code> <line>:<col>`.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { formatIssue } from '../src/problems/issue.js'
import { parseRuleSet } from '../src/capabilities.js'
import { baseFiles, FIXTURES } from './fixtures.js'

const invalid = readdirSync(FIXTURES + 'invalid').filter((f) => f.endsWith('.yaml'))

describe('each broken rule file is reported with its code, file:line:col and a Chinese message', () => {
  test('the base fixture itself is valid', async () => {
    const result = parseRuleSet(await baseFiles())
    expect(result.ok ? [] : result.issues.map((i) => formatIssue(i))).toEqual([])
  })

  test.each(invalid)('%s', async (name) => {
    const text = readFileSync(FIXTURES + 'invalid/' + name, 'utf8')
    const [, code, line, col] = /^# expect: (\w+) (\d+):(\d+)/.exec(text) ?? []
    expect(code, 'fixture header').toBe(name.replace('.yaml', ''))
    const path = `invalid/${name}`
    const result = parseRuleSet([...(await baseFiles()), { path, text }])
    expect(result.ok).toBe(false)
    if (result.ok) return
    const issue = result.issues.find((i) => i.code === code)
    expect(issue, result.issues.map((i) => formatIssue(i)).join('\n')).toBeDefined()
    expect(issue).toMatchObject({ file: path, line: Number(line), col: Number(col), severity: 'error' })
    expect(issue!.message).toMatch(/^第\d+行第\d+列：.*[\u4e00-\u9fff]/)
    expect(issue!.messageEn.length).toBeGreaterThan(10)
  })
})

describe('hostile YAML', () => {
  test('an alias bomb is refused quickly, not expanded', async () => {
    const levels = Array.from({ length: 12 }, (_, i) => `l${i}: &l${i} [${Array(10).fill(i === 0 ? 'x' : `*l${i - 1}`).join(', ')}]`)
    const result = parseRuleSet([{ path: 'bomb.yaml', text: 'kind: vocabularies\n' + levels.join('\n') }])
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0].code).toBe('yaml_alias_limit')
  })

  test('__proto__ keys never pollute Object.prototype', async () => {
    const text = 'kind: vocabularies\nvocabularies:\n  x: { keywords: [a] }\n__proto__: { polluted: yes }\n'
    const result = parseRuleSet([{ path: 'proto.yaml', text }])
    expect(result.ok).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  test('a 50 MB file is refused by size without parsing', async () => {
    const text = 'kind: vocabularies\n# ' + 'x'.repeat(50 * 1024 * 1024)
    const result = parseRuleSet([{ path: 'huge.yaml', text }])
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0]).toMatchObject({ code: 'file_too_large', file: 'huge.yaml' })
  })

  test('deep flow nesting is refused, not a stack overflow', async () => {
    const text = 'kind: vocabularies\nvocabularies: ' + '['.repeat(100000) + ']'.repeat(100000)
    const result = parseRuleSet([{ path: 'deep.yaml', text }])
    expect(result.ok).toBe(false)
  })

  test('a file that is not a mapping, or has no kind', async () => {
    for (const text of ['- a\n- b\n', 'just text', 'vocabularies: {}\n']) {
      const result = parseRuleSet([{ path: 'odd.yaml', text }])
      expect(result.ok).toBe(false)
    }
  })

  test('a rule set without config is reported as missing_file', async () => {
    const files = (await baseFiles()).filter((f) => f.path !== 'config.yaml')
    const result = parseRuleSet(files)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.code)).toContain('missing_file')
  })

  test('all problems are reported, not just the first', async () => {
    const files = await baseFiles()
    const broken = readdirSync(FIXTURES + 'invalid')
      .filter((f) => ['unknown_operator.yaml', 'unknown_section.yaml'].includes(f))
      .map((f) => ({ path: f, text: readFileSync(FIXTURES + 'invalid/' + f, 'utf8') }))
    const result = parseRuleSet([...files, ...broken])
    expect(result.ok).toBe(false)
    if (!result.ok) expect(new Set(result.issues.map((i) => i.code))).toEqual(new Set(['unknown_operator', 'unknown_section']))
  })
})

describe('together: terms that count only together are checked where they are written', () => {
  const vocabulary = (together: string) => `kind: vocabularies
vocabularies:
  金融:
    keywords: [贷款]
    together:
${together}
`
  const issuesOf = async (together: string) => {
    const result = parseRuleSet([...(await baseFiles()), { path: 'together.yaml', text: vocabulary(together) }])
    return result.ok ? [] : result.issues.map((i) => ({ code: i.code, line: i.line, col: i.col, message: i.message }))
  }
  test('a valid entry loads, normalised, with its label', async () => {
    const result = parseRuleSet([...(await baseFiles()), { path: 'together.yaml', text: vocabulary('      - { terms: [信用卡, 年费], within: clause }\n      - { terms: [ＡＴＭ, 吞卡], within: 10 }') }])
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.value.vocabularies['金融']!.together).toEqual([
        { terms: ['信用卡', '年费'], within: 'clause', label: '信用卡…年费' },
        { terms: ['atm', '吞卡'], within: 10, label: 'atm…吞卡' },
      ])
    }
  })
  test('a repeated term, a clause mark inside a term and a window shorter than the terms, each at its line and column', async () => {
    expect(await issuesOf('      - { terms: [年费, 年费], within: clause }')).toMatchObject([{ code: 'invalid_value', line: 6, col: 23, message: expect.stringContaining('写了两次') }])
    expect(await issuesOf('      - { terms: [信用卡，年费, 滞纳金], within: clause }')).toMatchObject([{ code: 'invalid_value', line: 6, col: 19, message: expect.stringContaining('分句标点') }])
    expect(await issuesOf('      - { terms: [信用卡, 年费], within: 4 }')).toMatchObject([{ code: 'invalid_value', line: 6, col: 37, message: expect.stringContaining('within: 4') }])
  })
  test('a list of together terms alone needs no keywords; a list with neither is an error at its name', async () => {
    const only = `kind: vocabularies\nvocabularies:\n  蛋糕标签:\n    together:\n      - { terms: [蛋糕, 标签], within: clause }\n`
    const loaded = parseRuleSet([...(await baseFiles()), { path: 'together.yaml', text: only }])
    expect(loaded.ok).toBe(true)
    if (loaded.ok) expect(loaded.value.vocabularies['蛋糕标签']).toMatchObject({ keywords: [], together: [{ label: '蛋糕…标签' }] })
    const empty = parseRuleSet([...(await baseFiles()), { path: 'together.yaml', text: 'kind: vocabularies\nvocabularies:\n  空表:\n    description: 什么也没有\n' }])
    expect(empty.ok).toBe(false)
    if (!empty.ok) expect(empty.issues.map((i) => ({ code: i.code, line: i.line, col: i.col, message: i.message, en: i.messageEn }))).toEqual([
      { code: 'invalid_value', line: 3, col: 3, message: expect.stringContaining('既没有 keywords 也没有 together'), en: expect.stringContaining('neither keywords nor together') },
    ])
  })
  test('the schema refuses one term, an unknown within and a missing within', async () => {
    expect((await issuesOf('      - { terms: [年费], within: clause }'))[0]).toMatchObject({ line: 6, col: 18 })
    expect((await issuesOf('      - { terms: [信用卡, 年费], within: sentence }'))[0]).toMatchObject({ line: 6, col: 37 })
    expect((await issuesOf('      - { terms: [信用卡, 年费] }'))[0]).toMatchObject({ line: 6 })
  })
})

describe('a route scenario must expect something', () => {
  const scenarios = (expect: string) => `kind: scenarios
measure: { minAccuracy: 0 }
scenarios:
  - name: 过期牛奶
    input: { id: E-1, kind: complaint, receivedOn: "2026-12-06", text: 在某某超市买的牛奶过期了 }
    expect: ${expect}
`
  test('an empty expect is an error at its line and column (it would always pass, and always count as right in a measured file)', async () => {
    const result = parseRuleSet([...(await baseFiles()), { path: 'tests/empty.test.yaml', text: scenarios('{}') }])
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => ({ code: i.code, file: i.file, line: i.line, col: i.col, message: i.message, en: i.messageEn }))).toEqual([
      { code: 'invalid_value', file: 'tests/empty.test.yaml', line: 6, col: 13, message: expect.stringContaining('expect 什么也没写'), en: expect.stringContaining('names nothing') },
    ])
  })
  test('the same for meeting, deadline and report scenarios', async () => {
    const files = {
      meeting: ['kind: scenarios\ntarget: meeting\nscenarios:\n  - name: 空\n    expect: {}\n', 5],
      escalations: ['kind: scenarios\ntarget: escalations\nscenarios:\n  - name: 空\n    asOf: "2026-10-20"\n    items: []\n    expect: {}\n', 7],
      report: ['kind: scenarios\ntarget: report\nscenarios:\n  - name: 空\n    from: "2026-01-01"\n    to: "2026-06-30"\n    records: []\n    expect: {}\n', 8],
    } as const
    for (const [kind, [text, line]] of Object.entries(files)) {
      const result = parseRuleSet([...(await baseFiles()), { path: `tests/${kind}.test.yaml`, text }])
      expect(result.ok, kind).toBe(false)
      if (!result.ok) expect(result.issues.map((i) => [i.code, i.line, i.col, i.message.includes('expect 什么也没写')]), kind).toEqual([['invalid_value', line, 13, true]])
    }
  })
  test('one expectation is enough', async () => {
    expect(parseRuleSet([...(await baseFiles()), { path: 'tests/one.test.yaml', text: scenarios('{ disposition: reject }') }]).ok).toBe(true)
    expect(parseRuleSet([...(await baseFiles()), { path: 'tests/one.test.yaml', text: scenarios('{ category: goods.food.dairy }') }]).ok).toBe(true)
  })
})

describe('variants: the variant table is checked where it is written', () => {
  const load = async (text: string) => parseRuleSet([...(await baseFiles()), { path: 'variants.yaml', text: 'kind: variants\n' + text }])
  test('characters and words load normalised', async () => {
    const result = await load('characters: { 電: 电, Ａ: b }\nwords: { 投拆: 投诉 }\n')
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.value.variants).toEqual({ characters: { 電: '电', a: 'b' }, words: [{ from: '投拆', to: '投诉' }] })
  })
  test('a character mapped to itself, a word that becomes itself again, two characters: each at its line and column', async () => {
    const result = await load('characters: { 電: 电, 业: 业 }\nwords:\n  投拆: 投拆诉\n')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => [i.code, i.line, i.col])).toEqual([['invalid_value', 2, 21], ['invalid_value', 4, 3]])
    const wide = await load('characters: { 電梯: 电梯 }\n')
    expect(wide.ok).toBe(false)
    if (!wide.ok) expect(wide.issues[0]).toMatchObject({ code: 'invalid_value', line: 2, col: 15, message: expect.stringContaining('一个字换一个字') })
  })
})

describe('a word listed twice in one vocabulary is a warning at the second, naming the first', () => {
  const text = [
    'kind: vocabularies',
    'vocabularies:',
    '  重复词表:',
    '    keywords: [会员卡, ＯＫ绷, 储值卡, ok绷]',
    '    notInside: [会员卡号, 会员卡号]',
    '    together:',
    '      - { terms: [信用卡, 年费], within: clause }',
    '      - { terms: [年费, 信用卡], within: clause }',
    '      - { terms: [信用卡, 年费], within: 12 }',
    '',
  ].join('\n')
  test('keywords (full-width and case folded), notInside and together (term order ignored, the window not)', async () => {
    const result = parseRuleSet([...(await baseFiles()), { path: 'dup.yaml', text }])
    expect(result.ok).toBe(true)
    const dups = result.warnings.filter((w) => w.code === 'duplicate_keyword')
    expect(dups.map((w) => [w.file, w.line, w.col, w.severity])).toEqual([
      ['dup.yaml', 4, 31, 'warning'],
      ['dup.yaml', 5, 23, 'warning'],
      ['dup.yaml', 8, 9, 'warning'],
    ])
    expect(dups[0]!.message).toMatch(/^第4行第31列：关键词表「重复词表」的 keywords 里「ok绷」写了两遍，dup\.yaml:4:21 已有/)
    expect(dups[2]!.messageEn).toContain('dup.yaml:7:9')
    if (result.ok) expect(result.value.vocabularies['重复词表']!.keywords).toEqual(['会员卡', 'ok绷', '储值卡'])
  })
  test('the shipped rules list no word twice', async () => {
    const { safeLoadRuleSet } = await import('../src/node/index.js')
    const { warnings } = await safeLoadRuleSet('rules')
    expect(warnings.filter((w) => w.code === 'duplicate_keyword').map((w) => `${w.file}:${w.line}:${w.col}`)).toEqual([])
  })
})
