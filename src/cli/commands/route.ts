/**
 * `xiaobao route [file|-]`: one JSON complaint (pretty decision), or NDJSON (one decision per line, in
 * order, one error record per bad line, nothing dropped).
 */
import { createReadStream } from 'node:fs'
import { XiaobaoError } from '../../problems/XiaobaoError.js'
import { createEngine, type Engine } from '../../engine/createEngine.js'
import { compactDecision, lineSplitter, readLines, readText, routeBatchSync, routeLines, type NumberedLine, type RouteFormat } from '../ndjson.js'
import { routeNdjsonParallel, workerScript } from '../routeParallel.js'
import { fileError, write, type CliIo } from '../io.js'
import type { RoutingDecision } from '../../routing/types.js'

export const routeHelp = `xiaobao route [file|-] [--rules DIR] [--explain] [--strict] [--jobs N] [--evaluator compiled|reference] [--format full|compact]
  分办投诉、举报、咨询。Route complaints, reports and inquiries.
  file 为 .json：一件（或一个数组），输出格式化的结果；其他（.ndjson/.jsonl/-）：每行一件，每行输出一条结果。
  A .json file holds one complaint (or an array); anything else is NDJSON: one complaint per line in,
  one record per line out, in order; a bad line (not JSON, not UTF-8, blank) yields an error record
  carrying its \`line\`, never a dropped line.
  --rules DIR   使用该目录的规则（默认：内置规则）/ rules folder (default: bundled rules)
  --explain     结果中包含每个条件的判断 / include every condition's result
  --strict      有任何一行出错时退出码为 1 / exit 1 when any line is an error record
  --jobs N      用 N 个工作线程处理 NDJSON（缺省 1；结果与单线程逐字节相同，顺序不变）
                route NDJSON on N worker threads (default 1; output identical, in order)
  --evaluator compiled|reference
                compiled（缺省）：编译后的条件；reference：json-rules-engine 本身（慢，用于核对）
                the compiled conditions (default) or json-rules-engine itself (slow; to cross-check)
  --format full|compact
                full（缺省）：完整结果，依据含条文原文；compact：答案（股室编号、类别、把握、提示代码）
                和命中的规则编号，条文可由规则查到，每行 < 700 字节
                full (default): the whole decision with article texts; compact: the answers (section
                ids, category, confidence, warning codes) and the rules fired — a line under 700 bytes
  stderr 最后给出汇总。A summary goes to stderr.`

function errorRecord(line: number, error: unknown, id?: unknown) {
  if (error instanceof XiaobaoError) {
    return { line, ...(typeof id === 'string' ? { id } : {}), error: { code: error.code, message: error.issues[0].message, messageEn: error.issues[0].messageEn, issues: error.issues } }
  }
  return { line, error: { code: 'internal_error', message: String(error) } }
}

const FORMATS: readonly string[] = ['full', 'compact']

/** Opens an input file (or stdin) as a byte stream; a missing file or a folder is a typed error. */
async function openInput(file: string, io: CliIo): Promise<NodeJS.ReadableStream> {
  if (file === '-') return io.stdin
  const stream = createReadStream(file)
  await new Promise<void>((resolve, reject) => {
    stream.once('readable', resolve)
    stream.once('error', reject)
  }).catch((error: unknown) => {
    stream.destroy()
    throw fileError(error, file, 'read') ?? error
  })
  return stream
}

/** `JSON.stringify(value, null, 2)` of one array element, indented as it is inside the array. */
const element = (value: unknown) => '  ' + JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')

export async function routeCommand(
  given: Engine,
  file: string,
  io: CliIo,
  options: { explain: boolean; strict: boolean; evaluator?: string | undefined; jobs?: number; rulesDir?: string | undefined; format?: string | undefined },
): Promise<number> {
  if (options.evaluator !== undefined && options.evaluator !== 'compiled' && options.evaluator !== 'reference') {
    io.stderr.write(`--evaluator 应为 compiled 或 reference / --evaluator must be compiled or reference, not ${JSON.stringify(options.evaluator)}\n\n${routeHelp}\n`)
    return 2
  }
  if (options.format !== undefined && !FORMATS.includes(options.format)) {
    io.stderr.write(`--format 应为 full 或 compact / --format must be full or compact, not ${JSON.stringify(options.format)}\n\n${routeHelp}\n`)
    return 2
  }
  const format = (options.format ?? 'full') as RouteFormat
  const shape = (decision: RoutingDecision) => (format === 'compact' ? compactDecision(decision) : decision)
  const engine = options.evaluator ? createEngine({ rules: given.ruleSet, evaluator: options.evaluator }) : given
  const input = await openInput(file, io)
  if (file.endsWith('.json')) {
    let text: string
    try {
      text = await readText(input as AsyncIterable<Buffer>)
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_ENCODING_INVALID_ENCODED_DATA') throw fileError(error, file, 'read') ?? error
      io.stderr.write(`错误 [invalid_encoding] ${file} 不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8 / ${file} is not UTF-8 (GBK, perhaps); save it as UTF-8\n`)
      return 2
    }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      io.stderr.write(`错误 [invalid_json] ${file} 不是合法的 JSON / is not valid JSON: ${(error as Error).message}\n`)
      return 2
    }
    const route = async (item: unknown, index: number) => {
      try {
        return { ok: true, value: shape(await engine.routeComplaint(item as never, { explain: options.explain })) }
      } catch (error) {
        return { ok: false, value: errorRecord(index + 1, error, (item as { id?: unknown } | null)?.id) }
      }
    }
    if (!Array.isArray(value)) {
      const one = await route(value, 0)
      await write(io.stdout, JSON.stringify(one.value, null, 2) + '\n')
      return one.ok ? 0 : 1
    }
    // An array is written element by element (the same bytes as JSON.stringify of the whole array):
    // no whole-output string, whatever the array's length.
    let failed = 0
    let buffer = value.length ? '[\n' : '[]\n'
    for (let i = 0; i < value.length; i++) {
      const one = await route(value[i], i)
      if (!one.ok) failed++
      buffer += element(one.value) + (i < value.length - 1 ? ',\n' : '\n]\n')
      if (buffer.length >= 16384) {
        await write(io.stdout, buffer)
        buffer = ''
      }
    }
    if (buffer) await write(io.stdout, buffer)
    return failed > 0 && options.strict ? 1 : 0
  }
  // NDJSON: lines go through engine.routeMany one at a time (constant memory), in order; a line that
  // cannot be routed is still handed on so the streams stay aligned, and its record says why.
  // Output is written in chunks of about 16K characters, waiting for 'drain' when the reader is slower:
  // encoded, a chunk stays under malloc's mmap threshold (64K-character chunks cost a fresh mapping per
  // write — 5 s of system time per million lines).
  const openLines = () => readLines(input as AsyncIterable<Buffer>)
  const progress = io.stderr.isTTY === true
  let shown = 0
  const onProgress = (count: number) => {
    if (progress && count - shown >= 10000) {
      shown = count
      io.stderr.write(`\r已处理 ${count} 行 / ${count} lines routed`)
    }
  }
  const jobs = options.jobs ?? 1
  const script = jobs > 1 ? workerScript() : undefined
  let routed = 0
  let failed = 0
  if (script) {
    // The rule set is loaded once, here, and the same parsed rules go to every worker: a rules file
    // edited during the run cannot give different batches different rules.
    const data = { explain: options.explain, format, ruleSet: engine.ruleSet, ...(options.evaluator ? { evaluator: options.evaluator as 'compiled' | 'reference' } : {}) }
    ;({ routed, failed } = await routeNdjsonParallel(openLines, io, jobs, script, data, onProgress))
  } else if (options.evaluator !== 'reference') {
    // The compiled path, synchronously a chunk of lines at a time (no async step per line); output in
    // chunks of at least 16K characters.
    const splitter = lineSplitter()
    let buffer = ''
    const flush = async (lines: NumberedLine[], force: boolean) => {
      const batch = routeBatchSync(engine, lines, options.explain, format)
      routed += batch.routed
      failed += batch.failed
      buffer += batch.text
      if (buffer.length >= 16384 || (force && buffer)) {
        await write(io.stdout, buffer)
        buffer = ''
      }
      onProgress(routed + failed)
    }
    for await (const chunk of input as AsyncIterable<Buffer>) {
      const lines = splitter.push(chunk)
      // A 64 KiB chunk is ~300 lines: route and write in slices so output keeps flowing.
      for (let i = 0; i < lines.length; i += 64) await flush(lines.slice(i, i + 64), false)
    }
    await flush(splitter.end(), true)
  } else {
    let buffer = ''
    for await (const record of routeLines(engine, openLines(), options.explain, format)) {
      if (record.ok) routed++
      else failed++
      buffer += record.json + '\n'
      if (buffer.length >= 16384) {
        await write(io.stdout, buffer)
        buffer = ''
      }
      onProgress(routed + failed)
    }
    if (buffer) await write(io.stdout, buffer)
  }
  if (shown > 0) io.stderr.write('\n')
  io.stderr.write(`已分办 ${routed} 件，${failed} 行有错误 / ${routed} routed, ${failed} error records\n`)
  return failed > 0 && options.strict ? 1 : 0
}
