/**
 * Rule folders (issue 12): an empty folder is an error; every `{ fact }` in a condition is checked;
 * symlinks followed inside the folder, reported otherwise; strict UTF-8.
 */
import { mkdtemp, mkdir, readFile, symlink, writeFile, cp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { safeLoadRuleSet, readRuleFolder } from '../src/node/index.js'
import { decodeUtf8 } from '../src/node/readRuleFiles.js'

const RULES = new URL('../rules', import.meta.url).pathname

async function copyOfRules(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'xiaobao-rules-'))
  await cp(RULES, dir, { recursive: true })
  return dir
}

describe('rule folders', () => {
  it('an empty folder is a missing_file error, not an OK rule set', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xiaobao-empty-'))
    const result = await safeLoadRuleSet(dir)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.issues[0].code).toBe('missing_file')
      expect(result.issues[0].messageEn).toMatch(/config.*articles.*section/)
    }
  })

  it('safeLoadRuleSet never throws (a missing folder is an issue)', async () => {
    const result = await safeLoadRuleSet('/nonexistent-xiaobao-folder')
    expect(result.ok).toBe(false)
    const notString = await safeLoadRuleSet(42 as never)
    expect(notString.ok).toBe(false)
  })

  it('a misspelt fact inside value ({ fact: ownCountry }) is unknown_fact', async () => {
    const dir = await copyOfRules()
    const section = join(dir, 'sections', 'metrology.yaml')
    const sectionText = await readFile(section, 'utf8')
    const patched = sectionText.replace('{ fact: categoryLead, operator: equal, value: metrology }', '{ fact: categoryLead, operator: equal, value: { fact: ownCountry } }')
    expect(patched).not.toBe(sectionText)
    await writeFile(section, patched)
    const result = await safeLoadRuleSet(dir)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      const issue = result.issues.find((i) => i.code === 'unknown_fact')
      expect(issue?.messageEn).toContain('ownCountry')
      expect(issue?.file).toBe('sections/metrology.yaml')
      expect(issue?.line).toBeGreaterThan(0)
    }
  })

  it('a screening hint is checked like a condition: a misspelt fact is unknown_fact at its line', async () => {
    const dir = await copyOfRules()
    const file = join(dir, 'screening.yaml')
    const text = await readFile(file, 'utf8')
    const patched = text.replace('{ fact: yearsSinceTextDate, operator: greaterThan, value: 3 }', '{ fact: yearsSinceTextDates, operator: greaterThan, value: 3 }')
    expect(patched).not.toBe(text)
    await writeFile(file, patched)
    const result = await safeLoadRuleSet(dir)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      const issue = result.issues.find((i) => i.code === 'unknown_fact')
      expect(issue?.messageEn).toContain('yearsSinceTextDates')
      expect(issue?.file).toBe('screening.yaml')
      const line = text.split('\n').findIndex((l) => l.includes('fact: yearsSinceTextDate,')) + 1
      expect(issue?.line).toBe(line)
    }
  })

  it('symlinks: a linked file inside the folder is read; one leading outside is reported; a loop is reported', async () => {
    const dir = await copyOfRules()
    await mkdir(join(dir, 'linked'))
    // A link back to the folder itself: a loop.
    await symlink(dir, join(dir, 'linked', 'loop'))
    const outside = await mkdtemp(join(tmpdir(), 'xiaobao-outside-'))
    await writeFile(join(outside, 'x.yaml'), 'kind: vocabularies\n')
    await symlink(join(outside, 'x.yaml'), join(dir, 'outside.yaml'))
    const { issues } = await readRuleFolder(dir)
    expect(issues.map((i) => [i.code, i.file])).toEqual([
      ['symlink_loop', 'linked/loop'],
      ['unreadable_file', 'outside.yaml'],
    ])
    const result = await safeLoadRuleSet(dir)
    expect(result.ok).toBe(false)
  })

  it('a symlinked rule file inside the folder is read, not skipped', async () => {
    const dir = await copyOfRules()
    await mkdir(join(dir, 'alias'))
    await symlink(join(dir, 'config.yaml'), join(dir, 'alias', 'config-link.yaml'))
    const result = await safeLoadRuleSet(dir)
    // Read twice: the second config is a duplicate_file, which proves the link was followed.
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.code)).toContain('duplicate_file')
  })

  it('invalid UTF-8 is invalid_encoding at file:line:col; a BOM is stripped', async () => {
    const dir = await copyOfRules()
    // GBK bytes of 过期 on line 2, column 9.
    await writeFile(join(dir, 'gbk.yaml'), Buffer.concat([Buffer.from('kind: vocabularies\n# note: '), Buffer.from([0xb9, 0xfd, 0xc6, 0xda]), Buffer.from('\n')]))
    const result = await safeLoadRuleSet(dir)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      const issue = result.issues.find((i) => i.code === 'invalid_encoding')!
      expect([issue.file, issue.line, issue.col]).toEqual(['gbk.yaml', 2, 9])
    }
    const bom = decodeUtf8(Buffer.from('\uFEFFkind: config\n'))
    expect(bom).toEqual({ ok: true, text: 'kind: config\n' })
    const bad = decodeUtf8(Buffer.from([0x61, 0x0a, 0xe4, 0xb8, 0xad, 0xff]))
    expect(bad).toMatchObject({ ok: false, line: 2, col: 2 })
  })
})
