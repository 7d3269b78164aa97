/**
 * Issue 12: the CLI behaves like a good Unix tool — --version, options per command, `help <command>`,
 * EPIPE, file errors, streamed .json arrays, NDJSON lines in = records out (BOM, invalid UTF-8, blank),
 * stdin decoded as a stream, `test --filter` that matches nothing, colours, `route --format compact`.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable, Writable } from 'node:stream'
import { describe, expect, test } from 'vitest'
import { main, nearest } from '../src/cli/main.js'
import { checkWritable, fileError } from '../src/cli/io.js'
import { loadRuleSet } from '../src/node/loadRuleSet.js'
import { workload } from './bench/workload.js'
import { FIXTURES, RULES_DIR } from './fixtures.js'

const ROOT = new URL('..', import.meta.url).pathname
const tmp = mkdtempSync(join(tmpdir(), 'xiaobao-unix-'))

/** Runs main() in-process; stdin may be given as chunks (strings or bytes), env for colours. */
async function run(args: string[], stdin: (string | Buffer)[] = [''], options: { env?: Record<string, string | undefined>; stdout?: NodeJS.WritableStream; tty?: boolean } = {}) {
  const stdout = (options.stdout ?? new PassThrough()) as NodeJS.WritableStream & { isTTY?: boolean }
  if (options.tty) stdout.isTTY = true
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  if (stdout instanceof PassThrough) stdout.on('data', (c) => (out += c))
  stderr.on('data', (c) => (err += c))
  const code = await main(args, { stdout, stderr, stdin: Readable.from(stdin), cwd: ROOT, env: options.env ?? {} })
  return { code, out, err }
}

const complaint = (id: string, text = '电子秤缺斤少两') => JSON.stringify({ id, kind: 'complaint', receivedOn: '2026-03-02', text, respondent: { county: 'XX县' } })

describe('commands and options', () => {
  test('--version prints the package version', async () => {
    const r = await run(['--version'])
    expect(r.code).toBe(0)
    expect(r.out.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version)
  })

  test('an option of another command is a usage error naming the command’s options', async () => {
    const r = await run(['calendar', '2026', '--jobs', '3'])
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toContain('xiaobao calendar has no option --jobs')
    expect(r.err).toContain('--jobs is an option of route')
    expect(r.err).toContain('Its options: --help --rules --json --provisional')
    expect((await run(['lint', 'rules', '--rules', 'x'])).code).toBe(2)
    expect((await run(['schema', tmp, '--json'])).code).toBe(2)
  })

  test('a near miss gets "did you mean"', async () => {
    const r = await run(['route', 'examples/complaint.json', '--foramt', 'compact'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('Did you mean --format?')
    expect(r.err).toContain('是不是 --format？')
    expect((await run(['rout'])).err).toContain('Did you mean route?')
    expect(nearest('explian', ['explain', 'strict'])).toBe('explain')
    expect(nearest('zzzzzz', ['explain', 'strict'])).toBeUndefined()
  })

  test('xiaobao help <command> prints that command’s help', async () => {
    const r = await run(['help', 'route'])
    expect(r.code).toBe(0)
    expect(r.out.startsWith('xiaobao route ')).toBe(true)
    expect((await run(['help', 'check-meeting'])).out.startsWith('xiaobao check-meeting ')).toBe(true)
    expect((await run(['help', 'nosuch'])).code).toBe(2)
  })
})

describe('a reader that goes away (EPIPE)', () => {
  test('in-process: an EPIPE on stdout ends the command with status 0', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => complaint(`P-${i}`)).join('\n')
    let writes = 0
    const stdout = new Writable({
      write(_chunk, _encoding, done) {
        writes++
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))
      },
    })
    const r = await run(['route', '-'], [lines], { stdout })
    expect(r.code).toBe(0)
    expect(r.err).not.toContain('internal error')
    expect(writes).toBeGreaterThan(0)
  })

  test('the real CLI: route | head -1, test | head -3, lint | grep -m1 end quietly with status 0', () => {
    const file = join(tmp, 'many.ndjson')
    writeFileSync(file, Array.from({ length: 20000 }, (_, i) => complaint(`H-${i}`)).join('\n') + '\n')
    const cli = `node --import tsx ${join(ROOT, 'src/cli/index.ts')}`
    for (const pipeline of [`${cli} route ${file} | head -1 >/dev/null`, `${cli} test rules | head -3 >/dev/null`, `${cli} lint rules | grep -m1 . >/dev/null`]) {
      const r = spawnSync('bash', ['-c', `${pipeline}; echo "status \${PIPESTATUS[0]}"`], { cwd: ROOT, encoding: 'utf8' })
      expect(r.stdout.trim(), pipeline).toBe('status 0')
      expect(r.stderr, pipeline).not.toMatch(/EPIPE|internal error|Error:/)
    }
  }, 120_000)
})

describe('file errors are typed, exit 2, never an internal error', () => {
  test.each([
    [['route', 'no/such.ndjson'], 'missing_file', 'file not found'],
    [['route', 'no/such.json'], 'missing_file', 'file not found'],
    [['route', 'examples'], 'unreadable_file', 'is a folder, not a file'],
    [['route', 'examples/', '--format', 'compact'], 'unreadable_file', 'is a folder'],
    [['check-meeting', 'no/such.yaml'], 'missing_file', 'file not found'],
    [['check-meeting', 'examples'], 'unreadable_file', 'is a folder'],
    [['escalations', 'no/such.json', '--as-of', '2026-10-20'], 'missing_file', 'file not found'],
    [['escalations', 'examples', '--as-of', '2026-10-20'], 'unreadable_file', 'is a folder'],
    [['analyze', 'rules', '--html', join(tmp, 'no/such/dir/report.html')], 'unwritable_file', 'its folder does not exist'],
    [['analyze', 'rules', '--html', tmp], 'unwritable_file', 'it is a folder'],
    [['report', 'no/such.ndjson', '--from', '2026-01-01', '--to', '2026-06-30'], 'missing_file', 'file not found'],
    [['report', 'examples', '--from', '2026-01-01', '--to', '2026-06-30'], 'unreadable_file', 'is a folder'],
    [['report', 'examples/records.ndjson', '--from', '2026-01-01', '--to', '2026-06-30', '--html', join(tmp, 'no/such/dir/report.html')], 'unwritable_file', 'its folder does not exist'],
  ])('%j → %s', async (args, code, en) => {
    const r = await run(args)
    expect(r.code).toBe(2)
    expect(r.err).toContain(`[${code}]`)
    expect(r.err).toContain(en)
    expect(r.err).not.toMatch(/internal error|\n\s+at /)
  })

  test('check-meeting reads strict UTF-8: a GBK record is invalid_encoding (it was checked as U+FFFD text), a BOM is dropped (JSON too)', async () => {
    const yaml = readFileSync(join(ROOT, 'examples/meeting-record.yaml'))
    const at = yaml.indexOf(Buffer.from('会议'))
    expect(at).toBeGreaterThan(0)
    const gbk = join(tmp, 'meeting-gbk.yaml')
    writeFileSync(gbk, Buffer.concat([yaml.subarray(0, at), Buffer.from([0xbb, 0xe1, 0xd2, 0xe9]), yaml.subarray(at + 6)]))
    const bad = await run(['check-meeting', gbk])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('[invalid_encoding]')
    const { parse } = await import('yaml')
    const json = join(tmp, 'meeting-bom.json')
    writeFileSync(json, '\uFEFF' + JSON.stringify(parse(yaml.toString('utf8'))))
    const good = await run(['check-meeting', json])
    expect(good.code, good.err).toBe(0)
  })

  test('permission errors (EACCES, EPERM) read and write', () => {
    const eacces = Object.assign(new Error('EACCES'), { code: 'EACCES', path: '/x' })
    expect(fileError(eacces, '/x', 'read')).toMatchObject({ code: 'unreadable_file', issues: [{ messageEn: 'cannot read /x: permission denied.' }] })
    expect(fileError(eacces, '/x', 'write')).toMatchObject({ code: 'unwritable_file', issues: [{ message: '无法写入 /x：没有写入权限。' }] })
    expect(fileError(new Error('other'), '/x', 'read')).toBeUndefined()
  })

  test('an output is checked before the long job: a folder, a missing folder, a path under a file; a new or existing file passes', async () => {
    const file = join(tmp, 'exists.html')
    writeFileSync(file, 'old')
    await expect(checkWritable(tmp)).rejects.toMatchObject({ code: 'unwritable_file', issues: [{ messageEn: `cannot write ${tmp}: it is a folder.` }] })
    await expect(checkWritable(join(tmp, 'no/such/x.html'))).rejects.toMatchObject({ code: 'unwritable_file', issues: [{ messageEn: expect.stringContaining('its folder does not exist') }] })
    await expect(checkWritable(join(file, 'x.html'))).rejects.toMatchObject({ code: 'unwritable_file' })
    await expect(checkWritable(join(tmp, 'new.html'))).resolves.toBeUndefined()
    await expect(checkWritable(file)).resolves.toBeUndefined()
    expect(readFileSync(file, 'utf8')).toBe('old') // checking writes nothing
  })
})

describe('.json input', () => {
  test('an array is written element by element, the same bytes as one JSON.stringify', async () => {
    const items = Array.from({ length: 60 }, (_, i) => JSON.parse(complaint(`A-${i}`)))
    items[7] = { id: 'bad', kind: 'complaint' }
    const file = join(tmp, 'array.json')
    writeFileSync(file, JSON.stringify(items))
    let writes = 0
    let out = ''
    const stdout = new Writable({
      write(chunk, _encoding, done) {
        writes++
        out += chunk
        done()
      },
    })
    const r = await run(['route', file], [''], { stdout })
    expect(r.code).toBe(0)
    const parsed = JSON.parse(out) as unknown[]
    expect(parsed).toHaveLength(60)
    expect(parsed[7]).toMatchObject({ line: 8, id: 'bad', error: { code: 'invalid_input' } })
    expect(out).toBe(JSON.stringify(parsed, null, 2) + '\n')
    expect(writes).toBeGreaterThan(1) // streamed, not one whole-output string
    writeFileSync(join(tmp, 'empty.json'), '[]')
    expect((await run(['route', join(tmp, 'empty.json')])).out).toBe('[]\n')
  })
})

describe('NDJSON: one record per input line', () => {
  test('BOM dropped; invalid UTF-8 and blank lines are error records carrying their line', async () => {
    const gbk = Buffer.from([0xc8, 0xb1, 0xbd, 0xef]) // 缺斤 in GBK
    const input = Buffer.concat([
      Buffer.from('\ufeff' + complaint('B-1') + '\n'),
      Buffer.from('\n'),
      Buffer.from('{"id":"G","kind":"complaint","receivedOn":"2026-03-02","text":"'),
      gbk,
      Buffer.from('"}\r\n   \n' + complaint('B-5') + '\n{ not json\n' + complaint('B-7')),
    ])
    const r = await run(['route', '-'], [input])
    const out = r.out.trimEnd().split('\n').map((l) => JSON.parse(l))
    expect(out).toHaveLength(7)
    expect(out[0]).toMatchObject({ id: 'B-1', lead: { id: 'metrology' } })
    expect(out[1]).toMatchObject({ line: 2, error: { code: 'blank_line' } })
    expect(out[2]).toMatchObject({ line: 3, error: { code: 'invalid_encoding' } })
    expect(out[3]).toMatchObject({ line: 4, error: { code: 'blank_line' } })
    expect(out[4]).toMatchObject({ id: 'B-5' })
    expect(out[5]).toMatchObject({ line: 6, error: { code: 'invalid_json' } })
    expect(out[6]).toMatchObject({ id: 'B-7' })
    for (const record of out) if ('error' in record) expect(record.line).toBeTypeOf('number')
    expect(r.err).toContain('3 routed, 4 error records')
  })

  test('a character straddling two stdin chunks is not corrupted (route and escalations)', async () => {
    const line = Buffer.from(complaint('S-1', '电子秤缺斤少两') + '\n')
    const cut = line.indexOf(Buffer.from('缺')) + 1 // inside the 3-byte character
    const whole = await run(['route', '-'], [line])
    const split = await run(['route', '-'], [line.subarray(0, cut), line.subarray(cut)])
    expect(split.out).toBe(whole.out)
    expect(JSON.parse(split.out)).toMatchObject({ lead: { id: 'metrology' } })
    const items = Buffer.from(readFileSync(join(ROOT, 'examples/tracked-items.json'), 'utf8').replaceAll('"TS-', '"投诉-'))
    const at = items.findIndex((byte) => byte >= 0xe0) + 1 // inside the first CJK character
    expect(at).toBeGreaterThan(0)
    const one = await run(['escalations', '-', '--as-of', '2026-10-20', '--json'], [items])
    const two = await run(['escalations', '-', '--as-of', '2026-10-20', '--json'], [items.subarray(0, at), items.subarray(at)])
    expect(one.code).toBe(0)
    expect(one.out).toContain('投诉-')
    expect(two.out).toBe(one.out)
  })
})

describe('xiaobao test --filter', () => {
  test('a filter that matches nothing exits 1 and says so', async () => {
    const r = await run(['test', FIXTURES + 'base', '--filter', 'NO SUCH SCENARIO'])
    expect(r.code).toBe(1)
    expect(r.err).toContain('nothing was run')
  })
})

describe('colours', () => {
  test('on a terminal or with FORCE_COLOR; none when piped or with NO_COLOR', async () => {
    const forced = await run(['test', FIXTURES + 'base'], [''], { env: { FORCE_COLOR: '1' } })
    expect(forced.out).toContain('\x1b[32m')
    const tty = await run(['lint', FIXTURES + 'base'], [''], { tty: true })
    expect(tty.out).toContain('\x1b[32m')
    const noColor = await run(['lint', FIXTURES + 'base'], [''], { tty: true, env: { NO_COLOR: '1' } })
    expect(noColor.out).not.toContain('\x1b[')
    const piped = await run(['test', FIXTURES + 'base'])
    expect(piped.out).not.toContain('\x1b[')
    const meeting = await run(['check-meeting', 'examples/meeting-record.yaml'], [''], { env: { FORCE_COLOR: '1' } })
    expect(meeting.out).toContain('\x1b[')
    const analyze = await run(['analyze', FIXTURES + 'base'], [''], { env: { FORCE_COLOR: '1' } })
    expect(analyze.out).toContain('\x1b[')
    // Colours never change the text itself.
    expect(forced.out.replace(/\x1b\[\d+m/g, '')).toBe(piped.out)
  })
})

describe('route --format compact', () => {
  test('examples/complaints.ndjson: under 700 bytes a line on average, a quarter of the full format', async () => {
    const compact = (await run(['route', 'examples/complaints.ndjson', '--format', 'compact'])).out
    const full = (await run(['route', 'examples/complaints.ndjson'])).out
    const lines = compact.trimEnd().split('\n')
    expect(lines.length).toBeGreaterThan(5)
    expect(Buffer.byteLength(compact) / lines.length).toBeLessThan(700)
    expect(Buffer.byteLength(compact) * 4).toBeLessThan(Buffer.byteLength(full))
  })

  test('the answers and the rules fired, no text; every line under 700 bytes', async () => {
    const ruleSet = await loadRuleSet(RULES_DIR)
    const lines = workload(ruleSet, 400, 11).map((c) => JSON.stringify(c))
    const r = await run(['route', '-', '--format', 'compact'], [lines.join('\n') + '\n'])
    expect(r.code).toBe(0)
    const out = r.out.trimEnd().split('\n')
    expect(out).toHaveLength(lines.length)
    const full = (await run(['route', '-'], [lines.join('\n') + '\n'])).out.trimEnd().split('\n')
    for (const line of out) expect(Buffer.byteLength(line)).toBeLessThan(700)
    for (const [i, text] of out.entries()) {
      const compact = JSON.parse(text)
      const decision = JSON.parse(full[i]!)
      if (decision.error) {
        expect(compact).toMatchObject({ line: decision.line, error: { code: decision.error.code, message: decision.error.message } })
        expect(compact.error.issues).toBeUndefined()
        continue
      }
      expect(text).not.toContain('"text"')
      expect(text).not.toContain('message')
      expect(compact.id).toBe(decision.id)
      expect(compact.intake).toBe(decision.intake.id)
      expect(compact.lead).toBe(decision.lead?.id ?? null)
      expect(compact.assist).toEqual(decision.assist.map((s: { id: string }) => s.id))
      expect(compact.disposition).toBe(decision.disposition)
      expect(compact.category).toBe(decision.category.id)
      expect(compact.confidence).toBe(decision.confidence)
      expect(compact.fired).toEqual(decision.trace.map((h: { rule: string }) => h.rule))
      expect(compact.warnings ?? []).toEqual(decision.warnings.map((w: { code: string }) => w.code))
      if (decision.transfer) expect(compact.transfer).toEqual({ to: decision.transfer.to })
      if (decision.rejection) expect(compact.rejection.competentAuthority).toBe(decision.rejection.competentAuthority)
    }
    expect((await run(['route', '-', '--format', 'nope'])).code).toBe(2)
  })
})

mkdirSync(join(tmp, 'keep'), { recursive: true })
