/**
 * `xiaobao report` in-process on examples/records.ndjson, and the HTML report in headless Chromium.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { runCli as run } from './fixtures.js'

const PERIOD = ['--from', '2026-01-01', '--to', '2026-06-30', '--compare-with', '2025-07-01..2025-12-31']
const SAMPLE = 'examples/records.ndjson'
const sampleText = readFileSync(new URL('../' + SAMPLE, import.meta.url), 'utf8')

describe('xiaobao report', () => {
  test('--json: the summary, with the sample’s three bad lines in the appendix and nothing dropped', async () => {
    const r = await run(['report', SAMPLE, ...PERIOD, '--json'])
    expect(r.code, r.err).toBe(0)
    const summary = JSON.parse(r.out)
    const lines = sampleText.trim().split('\n').length
    expect(summary.totals.read).toBe(lines)
    expect(summary.totals.inPeriod.count + summary.totals.compared.count + summary.totals.errors).toBe(lines)
    expect(summary.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [lines - 2, 'invalid_input'],
      [lines - 1, 'invalid_input'],
      [lines, 'invalid_json'],
    ])
    expect(summary.hotSpots.risingCategories[0]).toMatchObject({ key: 'prepaid', label: '预付式消费' })
    expect(r.err).toContain('3 条记录未能统计')
    expect(r.err).not.toContain('已读') // no progress bar when stderr is not a terminal
  })

  test('Markdown by default; --strict exits 1 when a record could not be counted', async () => {
    const r = await run(['report', SAMPLE, ...PERIOD, '--strict'])
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/^# XX县市场监督管理局消费维权数据分析报告/)
    expect(r.out).toContain('## 四、热点、难点问题分析')
    expect(r.out).toContain('*依据：实施办法第十八条(二)（seq 27）；《暂行办法》第三十四条*')
  })

  test('--audience public: no record ids, no phone, ID-card or bank-card number of the sample', async () => {
    const r = await run(['report', SAMPLE, ...PERIOD, '--json', '--audience', 'public'])
    expect(r.code).toBe(0)
    expect(r.out).not.toMatch(/H[12]-\d{7}|BAD-/)
    expect(r.out).not.toContain('"ids"')
    const numbers = [...sampleText.matchAll(/\d{11,19}X?/g)].map((m) => m[0])
    expect(numbers.length).toBeGreaterThan(10)
    for (const n of numbers) expect(r.out).not.toContain(n)
    expect(r.out).toContain('〔电话〕')
  })

  test('progress on stderr only when it is a terminal', async () => {
    const { PassThrough, Readable } = await import('node:stream')
    const { main } = await import('../src/cli/main.js')
    const stdout = new PassThrough()
    const stderr = Object.assign(new PassThrough(), { isTTY: true })
    let err = ''
    stdout.resume()
    stderr.on('data', (c) => (err += c))
    const code = await main(['report', SAMPLE, ...PERIOD, '--json'], { stdout, stderr, stdin: Readable.from(['']), cwd: new URL('..', import.meta.url).pathname })
    expect(code).toBe(0)
    expect(err).toMatch(/\r已读 243 条 \/ records read  100%/)
  })

  test('a JSON array works like NDJSON; bad arguments exit 2 with the usage', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xiaobao-report-'))
    const file = join(dir, 'records.json')
    const records = sampleText.trim().split('\n').slice(0, 20).map((l) => JSON.parse(l))
    await import('node:fs').then((fs) => fs.writeFileSync(file, JSON.stringify(records)))
    const r = await run(['report', file, ...PERIOD, '--json'])
    expect(r.code, r.err).toBe(0)
    expect(JSON.parse(r.out).totals.read).toBe(20)
    for (const args of [[SAMPLE, '--from', '2026-01-01'], [SAMPLE, ...PERIOD, '--json', '--markdown'], [SAMPLE, '--from', '2026-01-01', '--to', '2026-06-30', '--compare-with', '2025-07-01'], [SAMPLE, ...PERIOD, '--audience', 'press']]) {
      const bad = await run(['report', ...args])
      expect(bad.code, args.join(' ')).toBe(2)
      expect(bad.err).toContain('xiaobao report')
    }
    const backwards = await run(['report', SAMPLE, '--from', '2026-06-30', '--to', '2026-01-01'])
    expect(backwards.code).toBe(2)
    expect(backwards.err).toContain('invalid_input')
  })

  test('issue 12 for records files: a BOM is dropped, a line that is not UTF-8 is invalid_encoding at its line, an unwritable --html is unwritable_file', async () => {
    const fs = await import('node:fs')
    const dir = mkdtempSync(join(tmpdir(), 'xiaobao-report-bytes-'))
    const lines = sampleText.trim().split('\n').slice(0, 3)
    // line 1 after a BOM; line 3 a record whose text is GBK bytes (超市), not UTF-8
    const gbk = Buffer.from(lines[2]!.replace(/"text":"[^"]*"/, '"text":"\u0000"'), 'utf8')
    const at = gbk.indexOf(0x5c) // the backslash of \u0000: the GBK bytes go there
    const bad = Buffer.concat([gbk.subarray(0, at), Buffer.from([0xb3, 0xac, 0xca, 0xd0]), gbk.subarray(at + 6)])
    const file = join(dir, 'records.ndjson')
    fs.writeFileSync(file, Buffer.concat([Buffer.from('\uFEFF' + lines[0] + '\n' + lines[1] + '\n', 'utf8'), bad, Buffer.from('\n')]))
    const r = await run(['report', file, '--from', '2025-01-01', '--to', '2026-12-31', '--json'])
    expect(r.code, r.err).toBe(0)
    const summary = JSON.parse(r.out)
    expect(summary.totals.read).toBe(3)
    expect(summary.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([[3, 'invalid_encoding']])
    // a JSON array with a BOM
    const array = join(dir, 'records.json')
    fs.writeFileSync(array, '\uFEFF' + JSON.stringify(lines.slice(0, 2).map((l) => JSON.parse(l))))
    const a = await run(['report', array, '--from', '2025-01-01', '--to', '2026-12-31', '--json'])
    expect(a.code, a.err).toBe(0)
    expect(JSON.parse(a.out).totals.read).toBe(2)
    // --html into a folder that does not exist: a write error, not "file not found"
    const h = await run(['report', SAMPLE, ...PERIOD, '--html', join(dir, 'no-such-folder', 'report.html')])
    expect(h.code).toBe(2)
    expect(h.err).toContain('[unwritable_file]')
    expect(h.err).not.toContain('internal error')
  })
})

const CHROMIUM = '/usr/bin/chromium'
const noChromium = !existsSync(CHROMIUM) && !process.env.CI

describe('the HTML report', () => {
  test('is one self-contained printable page: A4, a chapter per page, inline SVG charts', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'xiaobao-report-html-')), 'report.html')
    const r = await run(['report', SAMPLE, ...PERIOD, '--html', out])
    expect(r.code).toBe(0)
    const html = readFileSync(out, 'utf8')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).not.toMatch(/<script|<link|\bsrc=|url\(|https?:\/\//i)
    expect(html).toContain('@page { size: A4;')
    expect(html.match(/<section class="chapter"/g)).toHaveLength(5)
    expect(html.match(/<svg class="chart"/g)!.length).toBeGreaterThanOrEqual(4)
    expect(html).toContain('data-ids="H1-')
  })

  test.skipIf(noChromium)(`renders in headless Chromium (${noChromium ? `SKIPPED: ${CHROMIUM} not installed; apt-get install chromium. It always runs in CI.` : CHROMIUM})`, async () => {
    const work = mkdtempSync(join(tmpdir(), 'xiaobao-report-chromium-'))
    const out = join(work, 'report.html')
    expect((await run(['report', SAMPLE, ...PERIOD, '--html', out, '--audience', 'public'])).code).toBe(0)
    const chromium = (extra: string[]) =>
      execFileSync(
        CHROMIUM,
        ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${mkdtempSync(join(work, 'profile-'))}`, ...extra, `file://${out}`],
        { encoding: 'utf8', timeout: 90_000, stdio: ['ignore', 'pipe', 'pipe'] },
      )
    const dom = chromium(['--dump-dom'])
    // The parsed DOM: five chapters in order, the tables and the charts are there, small cells say <5.
    expect([...dom.matchAll(/<section class="chapter" id="chapter-([a-z-]+)">/g)].map((m) => m[1])).toEqual(['overview', 'handling', 'sections', 'hot-spots', 'appendix'])
    expect(dom).toContain('<table id="by-kind">')
    expect(dom).toContain('<table id="rising-categories">')
    expect(dom).toMatch(/<svg class="chart"[^>]*aria-label="各月件数"/)
    expect(dom).toContain('&lt;5')
    expect(dom).not.toContain('data-ids')
    const pdf = join(work, 'report.pdf')
    chromium([`--print-to-pdf=${pdf}`, '--no-pdf-header-footer'])
    const pages = (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
    expect(pages).toBeGreaterThanOrEqual(5) // each chapter starts a page
    const png = join(work, 'report.png')
    chromium([`--screenshot=${png}`, '--window-size=1400,2000', '--hide-scrollbars'])
    expect(statSync(png).size).toBeGreaterThan(20_000)
  }, 180_000)
})
