/**
 * `xiaobao route [file|-]`: one JSON complaint (pretty decision), or NDJSON (one decision per line, in
 * order, one error record per bad line, nothing dropped).
 */
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { XiaobaoError } from '../../problems/XiaobaoError.js'
import { createEngine, type Engine } from '../../engine/createEngine.js'
import { numbered, routeLines } from '../ndjson.js'
import { routeNdjsonParallel, workerScript } from '../routeParallel.js'
import { write, type CliIo } from '../io.js'

export const routeHelp = `xiaobao route [file|-] [--rules DIR] [--explain] [--strict] [--jobs N] [--evaluator compiled|reference]
  分办投诉、举报、咨询。Route complaints, reports and inquiries.
  file 为 .json：一件（或一个数组），输出格式化的结果；其他（.ndjson/.jsonl/-）：每行一件，每行输出一条结果。
  A .json file holds one complaint (or an array); anything else is NDJSON: one complaint per line in,
  one decision per line out, in order; a bad line yields an error record, never a dropped line.
  --rules DIR   使用该目录的规则（默认：内置规则）/ rules folder (default: bundled rules)
  --explain     结果中包含每个条件的判断 / include every condition's result
  --strict      有任何一行出错时退出码为 1 / exit 1 when any line is an error record
  --jobs N      用 N 个工作线程处理 NDJSON（缺省 1；结果与单线程逐字节相同，顺序不变）
                route NDJSON on N worker threads (default 1; output identical, in order)
  --evaluator compiled|reference
                compiled（缺省）：编译后的条件；reference：json-rules-engine 本身（慢，用于核对）
                the compiled conditions (default) or json-rules-engine itself (slow; to cross-check)
  stderr 最后给出汇总。A summary goes to stderr.`

function errorRecord(line: number, error: unknown, id?: unknown) {
  if (error instanceof XiaobaoError) {
    return { line, ...(typeof id === 'string' ? { id } : {}), error: { code: error.code, message: error.issues[0].message, messageEn: error.issues[0].messageEn, issues: error.issues } }
  }
  return { line, error: { code: 'internal_error', message: String(error) } }
}

export async function routeCommand(
  given: Engine,
  file: string,
  io: CliIo,
  options: { explain: boolean; strict: boolean; evaluator?: string | undefined; jobs?: number; rulesDir?: string | undefined },
): Promise<number> {
  if (options.evaluator !== undefined && options.evaluator !== 'compiled' && options.evaluator !== 'reference') {
    io.stderr.write(`--evaluator 应为 compiled 或 reference / --evaluator must be compiled or reference, not ${JSON.stringify(options.evaluator)}\n\n${routeHelp}\n`)
    return 2
  }
  const engine = options.evaluator ? createEngine({ rules: given.ruleSet, evaluator: options.evaluator }) : given
  const input = file === '-' ? io.stdin : createReadStream(file, { encoding: 'utf8' })
  if (file.endsWith('.json')) {
    let text = ''
    for await (const chunk of input) text += chunk
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      io.stderr.write(`[invalid_json] ${file} 不是合法的 JSON / is not valid JSON: ${(error as Error).message}\n`)
      return 2
    }
    const items = Array.isArray(value) ? value : [value]
    let failed = 0
    const out = []
    for (const [index, item] of items.entries()) {
      try {
        out.push(await engine.routeComplaint(item as never, { explain: options.explain }))
      } catch (error) {
        failed++
        out.push(errorRecord(index + 1, error, (item as { id?: unknown })?.id))
      }
    }
    await write(io.stdout, JSON.stringify(Array.isArray(value) ? out : out[0], null, 2) + '\n')
    return failed > 0 && (options.strict || !Array.isArray(value)) ? 1 : 0
  }
  // NDJSON: lines go through engine.routeMany one at a time (constant memory), in order; a line that
  // is not JSON is still handed on (as `undefined`) so the streams stay aligned, and its record says
  // invalid_json. Output is written in chunks of about 16K characters, waiting for 'drain' when the
  // reader is slower: encoded, a chunk stays under malloc's mmap threshold (64K-character chunks cost a
  // fresh mapping per write — 5 s of system time per million lines).
  // Opened only when it is consumed: readline starts reading at once and drops lines nobody listens to yet.
  const openLines = () => numbered(createInterface({ input, crlfDelay: Infinity }))
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
    const data = { explain: options.explain, ...(options.rulesDir ? { rulesDir: options.rulesDir } : {}), ...(options.evaluator ? { evaluator: options.evaluator as 'compiled' | 'reference' } : {}) }
    ;({ routed, failed } = await routeNdjsonParallel(openLines, io, jobs, script, data, onProgress))
  } else {
    let buffer = ''
    for await (const record of routeLines(engine, openLines(), options.explain)) {
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
