/**
 * The shipped JSON Schemas with the real editor: `yaml-language-server` (what VS Code's YAML extension runs),
 * driven over stdio as an editor would. Each misspelling legal staff are likely to make gets a diagnostic
 * on its line, in Chinese with English; `operator:`, `fact:` and a `containsAny` value offer completions.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { RULES_DIR } from './fixtures.js'

interface Diagnostic {
  range: { start: { line: number; character: number } }
  message: string
  severity?: number
}
interface CompletionItem {
  label: string
  documentation?: string | { value: string }
}

/** The server's entry: the dev dependency, or `XIAOBAO_YAML_LANGUAGE_SERVER` (its package folder). */
function serverEntry(): string {
  const folder = process.env.XIAOBAO_YAML_LANGUAGE_SERVER ?? dirname(createRequire(import.meta.url).resolve('yaml-language-server/package.json'))
  return join(folder, 'bin', 'yaml-language-server')
}

class LanguageClient {
  private server: ChildProcessWithoutNullStreams
  private buffer = Buffer.alloc(0)
  private nextId = 1
  private pending = new Map<number, (result: unknown) => void>()
  private diagnosticWaiters = new Map<string, (d: Diagnostic[]) => void>()

  constructor(entry: string) {
    this.server = spawn(process.execPath, [entry, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] })
    this.server.stdout.on('data', (chunk: Buffer) => this.receive(chunk))
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk])
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n')
      if (end < 0) return
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1])
      if (this.buffer.length < end + 4 + length) return
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8'))
      this.buffer = this.buffer.subarray(end + 4 + length)
      this.handle(message)
    }
  }

  private handle(message: { id?: number; method?: string; params?: any; result?: unknown }): void {
    if (message.method === 'textDocument/publishDiagnostics') {
      const waiter = this.diagnosticWaiters.get(message.params.uri)
      if (waiter) {
        this.diagnosticWaiters.delete(message.params.uri)
        waiter(message.params.diagnostics)
      }
    } else if (message.method !== undefined && message.id !== undefined) {
      // A request from the server (configuration, registration …): answer with defaults.
      this.send({ id: message.id, result: message.method === 'workspace/configuration' ? (message.params.items as unknown[]).map(() => ({ validate: true, completion: true, hover: true })) : null })
    } else if (message.id !== undefined && this.pending.has(message.id)) {
      this.pending.get(message.id)!(message.result)
      this.pending.delete(message.id)
    }
  }

  private send(message: object): void {
    const text = JSON.stringify({ jsonrpc: '2.0', ...message })
    this.server.stdin.write(`Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`)
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (r: unknown) => void)
      this.send({ id, method, params })
    })
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params })
  }

  /** Opens a document and waits for its diagnostics. */
  open(uri: string, text: string): Promise<Diagnostic[]> {
    const diagnostics = new Promise<Diagnostic[]>((resolve) => this.diagnosticWaiters.set(uri, resolve))
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } })
    return diagnostics
  }

  async completions(uri: string, text: string, marker: string): Promise<CompletionItem[]> {
    const at = text.indexOf(marker)
    const before = text.slice(0, at)
    const line = before.split('\n').length - 1
    const character = at - (before.lastIndexOf('\n') + 1)
    const body = text.replace(marker, '')
    await this.open(uri, body)
    const result = await this.request<{ items: CompletionItem[] } | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } })
    return Array.isArray(result) ? result : result.items
  }

  stop(): void {
    this.server.kill()
  }
}

const uriOf = (relative: string) => pathToFileURL(join(RULES_DIR, relative)).href
const original = (relative: string) => readFileSync(join(RULES_DIR, relative), 'utf8')
let documents = 0
/** A fresh document beside `relative` (so its `$schema` modeline resolves to the shipped schemas). */
const besides = (relative: string) => uriOf(relative.replace(/\.yaml$/, `.lsp-${++documents}.yaml`))
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1

/** `text` with the first `from` replaced by `to`, and the line of the change. */
function misspell(text: string, from: string, to: string): { text: string; line: number } {
  expect(text, `the fixture has ${from}`).toContain(from)
  return { text: text.replace(from, to), line: lineOf(text, from) }
}

describe('yaml-language-server over the shipped schemas', () => {
  let client: LanguageClient

  beforeAll(async () => {
    client = new LanguageClient(serverEntry())
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(RULES_DIR).href,
      capabilities: { textDocument: { completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } }, hover: { contentFormat: ['markdown'] } } },
    })
    client.notify('initialized', {})
    client.notify('workspace/didChangeConfiguration', { settings: { yaml: { validate: true, completion: true, hover: true, schemaStore: { enable: false } } } })
  }, 30_000)

  afterAll(() => client?.stop())

  const section = 'sections/food-circulation.yaml'
  const procedure = 'procedures/joint-meeting.yaml'
  const meetingScenarios = 'tests/meetings.test.yaml'

  test.each([section, procedure, meetingScenarios])('the shipped %s has no diagnostic', async (file) => {
    expect(await client.open(besides(file), original(file))).toEqual([])
  }, 30_000)

  const cases: [string, string, string, string, RegExp][] = [
    ['a misspelt operator (containAny)', section, 'operator: containsAny', 'operator: containAny', /未知的运算符.*containsAny.*unknown operator/],
    ['an unknown fact (txet)', section, '{ fact: text, operator: containsAny', '{ fact: txet, operator: containsAny', /未知的事实.*unknown fact/],
    ['an unknown vocabulary', section, 'operator: containsAny, value: 食品 }', 'operator: containsAny, value: 食物 }', /未知的关键词表.*unknown vocabulary/],
    ['a misspelt meeting finding code', meetingScenarios, 'findings: [meeting.', 'findings: [meting.', /未知的检查代码.*unknown check code/],
    ['a misspelt fact in the procedure file', procedure, '{ fact: chairedByConvener,', '{ fact: chairedByConvenor,', /未知的事实.*unknown fact/],
  ]

  test.each(cases)('%s: a diagnostic on its line, in Chinese and English', async (_name, file, from, to, message) => {
    const { text, line } = misspell(original(file), from, to)
    const diagnostics = await client.open(besides(file), text)
    expect(diagnostics.map((d) => `${d.range.start.line}: ${d.message}`).join('\n')).toMatch(new RegExp(`^${line}: ${message.source}`, 'm'))
  }, 30_000)

  const labels = (items: CompletionItem[]) => items.map((i) => i.label)
  const doc = (items: CompletionItem[], label: string) => {
    const d = items.find((i) => i.label === label)?.documentation
    return typeof d === 'string' ? d : (d?.value ?? '')
  }

  test('completion after operator: lists the operators, each explained with an example', async () => {
    const text = original(section).replace('operator: containsAny, value: 食品 }', 'operator: |, value: 食品 }')
    const items = await client.completions(besides(section), text, '|')
    expect(labels(items)).toEqual(expect.arrayContaining(['containsAny', 'notContainsAny', 'equal', 'in', 'greaterThan']))
    expect(doc(items, 'containsAny')).toMatch(/关键词表.*例 \/ e\.g\./s)
  }, 30_000)

  test('completion after fact: lists the facts of the file kind', async () => {
    const routing = await client.completions(besides(section), original(section).replace('{ fact: text, operator: containsAny, value: 食品 }', '{ fact: |, operator: containsAny, value: 食品 }'), '|')
    expect(labels(routing)).toEqual(expect.arrayContaining(['text', 'kind', 'respondentCounty', 'category']))
    expect(labels(routing)).not.toContain('meetingType')
    expect(doc(routing, 'text')).toContain('投诉')
    const meeting = await client.completions(besides(procedure), original(procedure).replace('{ fact: chairedByConvener,', '{ fact: |,'), '|')
    expect(labels(meeting)).toEqual(expect.arrayContaining(['chairedByConvener', 'meetingType', 'params']))
    expect(labels(meeting)).not.toContain('text')
  }, 30_000)

  test('completion inside a containsAny value lists the folder\'s vocabularies', async () => {
    const condition = '            - { fact: text, operator: containsAny, value: 食品 }'
    const block = original(section).replace(condition, '            - fact: text\n              operator: containsAny\n              value: |')
    expect(labels(await client.completions(besides(section), block, '|'))).toEqual(expect.arrayContaining(['食品', '特殊食品', '餐饮场所']))
    const typing = original(section).replace(condition, '            - { fact: text, operator: containsAny, value: 食| }')
    expect(labels(await client.completions(besides(section), typing, '|'))).toEqual(expect.arrayContaining(['食品', '特殊食品']))
  }, 30_000)
})
