/**
 * `xiaobao route` NDJSON through engine.routeMany: the same lines out on both evaluators, one line per
 * input line (a blank line is an error record too), bad lines as records, and a slow reader respected.
 */
import { PassThrough, Readable, Writable } from 'node:stream'
import { describe, expect, test } from 'vitest'
import { main } from '../src/cli/main.js'
import { loadRuleSet } from '../src/node/loadRuleSet.js'
import { workload } from './bench/workload.js'
import { RULES_DIR } from './fixtures.js'

const ROOT = new URL('..', import.meta.url).pathname

async function route(args: string[], stdin: string, stdout: NodeJS.WritableStream = new PassThrough()) {
  let out = ''
  let err = ''
  const stderr = new PassThrough()
  stderr.on('data', (c) => (err += c))
  if (stdout instanceof PassThrough) stdout.on('data', (c) => (out += c))
  const code = await main(['route', '-', ...args], { stdout, stderr, stdin: Readable.from([stdin]), cwd: ROOT })
  return { code, out, err }
}

const ruleSet = await loadRuleSet(RULES_DIR)
const lines = workload(ruleSet, 300, 7).map((c) => JSON.stringify(c))
lines.splice(10, 0, '{ not json')
lines.splice(20, 0, '')
lines.splice(30, 0, JSON.stringify({ id: 'bad-date', kind: 'complaint', receivedOn: '2026-02-30', text: 'x' }))
lines.splice(40, 0, 'null')
const input = lines.join('\r\n') + '\n'

describe('xiaobao route (NDJSON) on routeMany', () => {
  test('compiled and reference print the same lines', async () => {
    const compiled = await route(['--rules', 'rules'], input)
    const reference = await route(['--rules', 'rules', '--evaluator', 'reference'], input)
    expect(compiled.out).toBe(reference.out)
    const out = compiled.out.trimEnd().split('\n').map((l) => JSON.parse(l))
    expect(out).toHaveLength(lines.length) // one output line per input line, the blank one included
    expect(out[10]).toMatchObject({ line: 11, error: { code: 'invalid_json' } })
    expect(out[20]).toMatchObject({ line: 21, error: { code: 'blank_line' } })
    expect(out[30]).toMatchObject({ line: 31, id: 'bad-date', error: { code: 'invalid_input' } })
    expect(out[40]).toMatchObject({ line: 41, error: { code: 'invalid_input' } })
    expect(compiled.err).toContain(`${lines.length - 4} routed, 4 error records`)
  })

  test('--explain is the same on both evaluators', async () => {
    const head = lines.slice(0, 40).join('\n')
    const compiled = await route(['--rules', 'rules', '--explain'], head)
    const reference = await route(['--rules', 'rules', '--explain', '--evaluator', 'reference'], head)
    expect(compiled.out).toBe(reference.out)
    expect(JSON.parse(compiled.out.split('\n')[0]!)).toHaveProperty('notFired')
  })

  test('waits for a slow reader (backpressure) and loses nothing', async () => {
    let out = ''
    let writes = 0
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk, _encoding, done) {
        writes++
        out += chunk
        setTimeout(done, 2)
      },
    })
    const r = await route(['--rules', 'rules'], input, slow)
    expect(r.code).toBe(0)
    expect(out.trimEnd().split('\n')).toHaveLength(lines.length)
    expect(writes).toBeGreaterThan(1)
  })

  test('a bad --evaluator is a usage error', async () => {
    const r = await route(['--evaluator', 'fast'], input)
    expect(r.code).toBe(2)
    expect(r.err).toContain('--evaluator')
  })
})
