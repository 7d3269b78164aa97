/**
 * `xiaobao analyze` and `xiaobao test --coverage` in-process, and the HTML report in headless Chromium.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { analysisFixtureDir } from './fixtures/analysis/fixtures.js'
import { FIXTURES, runCli } from './fixtures.js'


const run = runCli

describe('xiaobao analyze', () => {
  test('the shipped rules pass (what CI runs)', async () => {
    const r = await run(['analyze', 'rules'])
    expect(r.code, r.out).toBe(0)
    expect(r.out).toContain('通过：没有错误 / OK: no errors')
    expect(r.out).toContain('主办冲突 / lead collisions: 0')
  })

  test('a collision fails with exit 1, file:line:col, the example complaint and who wins today', async () => {
    const dir = await analysisFixtureDir('lead_collision')
    const r = await run(['analyze', dir])
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/food-circulation\.yaml:11:\d+ 错误 \[lead_collision\] /)
    expect(r.out).toContain('例 / example（测试场景 scenario「缺斤少两」）：「菜市场缺斤少两」')
    expect(r.out).toContain('今天 / today: food-circulation.market 主办 leads（food-circulation）')
    expect(r.out).toContain('未通过：有 2 个错误 / FAILED: 2 error(s)')
  })

  test('--words FILE: a general word list (first column, # lines skipped) gives keyword_in_common_word', async () => {
    const words = join(mkdtempSync(join(tmpdir(), 'xiaobao-words-')), 'dict.txt')
    writeFileSync(words, '# word freq tag\n电子秤盘 12 n\n缺斤少两 3 i\n')
    const r = await run(['analyze', FIXTURES + 'base', '--json', '--words', words])
    expect(r.code, r.out).toBe(0)
    const found = JSON.parse(r.out).findings.filter((f: { code: string }) => f.code === 'keyword_in_common_word')
    expect(found.map((f: { message: string }) => f.message)).toEqual([expect.stringContaining('电子秤⊂电子秤盘')])
    const missing = await run(['analyze', FIXTURES + 'base', '--words', words + '.none'])
    expect(missing.code).not.toBe(0)
    // A GBK list (电子秤盘 in GBK) is refused, not read as U+FFFD words that match nothing.
    writeFileSync(words, Buffer.concat([Buffer.from('# word freq tag\n'), Buffer.from([0xb5, 0xe7, 0xd7, 0xd3, 0xb3, 0xd3, 0xc5, 0xcc]), Buffer.from(' 12 n\n')]))
    const gbk = await run(['analyze', FIXTURES + 'base', '--json', '--words', words])
    expect(gbk.code).toBe(2)
    expect(gbk.err).toContain('[invalid_encoding]')
  })

  test('without --words: jieba\'s dictionary (@node-rs/jieba, a dev dependency here) is the general word list', async () => {
    const r = await run(['analyze', 'rules', '--json'])
    expect(r.code, r.out).toBe(0)
    const found = JSON.parse(r.out).findings.filter((f: { code: string }) => f.code === 'keyword_in_common_word')
    const messages = found.map((f: { message: string }) => f.message).join('\n')
    expect(messages).toContain('存款⊂储蓄存款')
    // 「年报」 inside the newspaper 「中国青年报」 was a real trap it found; the rules now list 青年报 under notInside.
    expect(messages).not.toContain('年报⊂中国青年报')
  })

  test('--json, --format markdown, --verbose', async () => {
    const base = FIXTURES + 'base'
    const json = await run(['analyze', base, '--json'])
    expect(json.code).toBe(0)
    const analysis = JSON.parse(json.out)
    expect(Object.keys(analysis)).toEqual(['findings', 'coverage', 'summary'])
    expect(analysis.summary).toMatchObject({ errors: 0, asOf: '2026-03-02', scenarios: 2 })
    const md = await run(['analyze', base, '--format', 'markdown'])
    expect(md.out).toContain('| 条 / article | 项 / item | 股室 / section | 分办职责 / routing | 引用的规则 / rules citing it | 走到的场景 / scenarios |')
    expect(md.out).toContain('`rule_shadowed`')
    const quiet = await run(['analyze', base])
    expect(quiet.out).not.toContain('[condition_untested]')
    expect(quiet.out).toMatch(/另有 \d+ 条提示/)
    expect((await run(['analyze', base, '--verbose'])).out).toContain('[condition_untested]')
  })

  test('--as-of judges effective periods on that day', async () => {
    const base = FIXTURES + 'base'
    const r = await run(['analyze', base, '--as-of', '2026-07-01'])
    expect(r.out).toContain('[rule_expired] 规则 metrology.scale-at-restaurant')
    expect(r.code).toBe(0)
  })

  test('bad options are refused with exit 2', async () => {
    expect((await run(['analyze', 'rules', '--as-of', '2026-02-30'])).code).toBe(2)
    expect((await run(['analyze', 'rules', '--format', 'pdf'])).code).toBe(2)
    expect((await run(['analyze', 'no-such-folder'])).code).toBe(2)
    expect((await run(['analyze', '--help'])).out).toContain('xiaobao analyze')
    expect((await run(['--help'])).out).toContain('analyze [rules-dir]')
  })

  test('xiaobao test --coverage prints which rules and items no scenario reaches', async () => {
    const r = await run(['test', FIXTURES + 'base', '--coverage'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('测试覆盖 / test coverage')
    expect(r.out).toContain('规则 / rules: 2/6 命中过 fired')
    expect(r.out).toMatch(/consumer-protection\.yaml:\d+:\d+ consumer-protection\.prepaid/)
    expect((await run(['test', FIXTURES + 'base'])).out).not.toContain('测试覆盖')
  })
})

const CHROMIUM = '/usr/bin/chromium'
const noChromium = !existsSync(CHROMIUM) && !process.env.CI

describe('the HTML report', () => {
  test('is one self-contained page', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'xiaobao-html-')), 'report.html')
    const r = await run(['analyze', await analysisFixtureDir('lead_collision'), '--html', out])
    expect(r.code).toBe(1)
    const html = readFileSync(out, 'utf8')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).not.toMatch(/<script|<link|\bsrc=|url\(|https?:\/\//i)
    expect(html).toContain('<table class="matrix" id="coverage-matrix">')
    expect(html).toContain('菜市场缺斤少两')
    // Provenance, print and narrow-screen styles.
    expect(html).toMatch(/<div class="provenance" id="provenance">xiaobao \d+\.\d+\.\d+ · 规则集 \/ rule set .*内容哈希 hash <code>sha256:[0-9a-f]{16}<\/code>/)
    expect(html).toContain('@page{size:A4')
    expect(html).toMatch(/tr,li\.finding,figure\.chart\{break-inside:avoid/)
    expect(html).toContain('@media (max-width:640px)')
  })

  test('the shipped rules: items marked check: { not } shown as such, charts, Chinese titles, visible duty text', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'xiaobao-html-')), 'report.html')
    expect((await run(['analyze', 'rules', '--html', out])).code).toBe(0)
    const html = readFileSync(out, 'utf8')
    const procedure = html.slice(html.indexOf('id="procedure-matrix"'), html.indexOf('</table>', html.indexOf('id="procedure-matrix"')))
    expect(procedure.match(/class="cell notcheck"[^>]*data-not-checked="true"/g)).toHaveLength(7)
    expect(procedure).not.toContain('class="cell uncited"')
    expect(procedure).toContain('工作内容，不需检查')
    for (const id of ['chart-sections', 'chart-findings', 'chart-coverage']) expect(html).toMatch(new RegExp(`<figure class="chart" id="${id}"><svg viewBox=`))
    const limits = html.slice(html.indexOf('id="time-limits"'), html.indexOf('</table>', html.indexOf('id="time-limits"')))
    expect(limits).toContain('《市场监督管理投诉举报处理暂行办法》第十四条')
    expect(limits).not.toMatch(/<td>complaint-measures /)
    // Rule tables lead with each rule's Chinese description; duty text is in the cells, not only in a title.
    expect(html).toMatch(/<tr><td><span class="desc">[^<]*[\u4e00-\u9fff][^<]*<\/span><code>/)
    const matrix = html.slice(html.indexOf('id="coverage-matrix"'), html.indexOf('</table>', html.indexOf('id="coverage-matrix"')))
    expect(matrix.match(/<span class="duty">/g)!.length).toBe(matrix.match(/<td class="cell (?!none)/g)!.length)
  })

  test.skipIf(noChromium)(`renders in headless Chromium (${noChromium ? `SKIPPED: ${CHROMIUM} not installed; apt-get install chromium. It always runs in CI.` : CHROMIUM})`, async () => {
    const work = mkdtempSync(join(tmpdir(), 'xiaobao-chromium-'))
    const out = join(work, 'report.html')
    const r = await run(['analyze', 'rules', '--html', out])
    expect(r.code).toBe(0)
    const chromium = (extra: string[]) =>
      execFileSync(
        CHROMIUM,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${mkdtempSync(join(work, 'profile-'))}`,
          ...extra,
          `file://${out}`,
        ],
        { encoding: 'utf8', timeout: 90_000, stdio: ['ignore', 'pipe', 'pipe'] },
      )
    const dom = chromium(['--dump-dom'])
    // The parsed DOM (not just the file): the matrix has one row per section, the findings are listed.
    expect(dom).toContain('<table class="matrix" id="coverage-matrix">')
    const matrix = dom.slice(dom.indexOf('id="coverage-matrix"'), dom.indexOf('</table>', dom.indexOf('id="coverage-matrix"')))
    expect(matrix.match(/<tr>/g)).toHaveLength(1 + 19)
    expect(matrix).toContain('食品流通安全监督管理股')
    expect(matrix).toMatch(/class="cell (low|mid|high)"/)
    expect(dom).toContain('id="findings"')
    // Every national time limit has a deadline rule since issue 11: no time_limit_unenforced in the real rules.
    expect(dom).not.toContain('data-code="time_limit_unenforced"')
    expect(dom).toContain('通过：没有错误 / OK: no errors')
    const png = join(work, 'report.png')
    chromium([`--screenshot=${png}`, '--window-size=1400,1800', '--hide-scrollbars'])
    expect(statSync(png).size).toBeGreaterThan(20_000)
    const narrow = join(work, 'report-390.png')
    chromium([`--screenshot=${narrow}`, '--window-size=390,1800', '--hide-scrollbars'])
    expect(statSync(narrow).size).toBeGreaterThan(20_000)
    const pdf = join(work, 'report.pdf')
    chromium([`--print-to-pdf=${pdf}`, '--no-pdf-header-footer'])
    const pages = Math.max(...[...readFileSync(pdf, 'latin1').matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1])))
    expect(pages).toBeGreaterThan(5)
    // A sanity bound, not a layout target: the findings list grows with the rules (138 infos at s17).
    expect(pages).toBeLessThan(120)
  }, 180_000)
})
