/**
 * NDJSON routing shared by the in-process path and the worker threads: numbered lines in, exactly one
 * JSON record per input line out, in order — a decision, or an error record carrying the input `line`
 * (not JSON, not UTF-8, blank, or not a valid complaint). Nothing is dropped and nothing throws for a bad
 * line.
 */
import { isUtf8 } from 'node:buffer'
import { leanRouterOf, type Engine } from '../engine/createEngine.js'
import type { RoutingDecision } from '../routing/types.js'
import { errorRecord, isRouteError, type RouteErrorRecord } from '../routing/compiled/routeMany.js'

export interface LineError {
  code: string
  message: string
  messageEn: string
}

export interface NumberedLine {
  line: number
  text: string
  /** Set when the line cannot be read at all (invalid UTF-8, blank): it becomes an error record. */
  error?: LineError
}

export interface RecordOut {
  json: string
  ok: boolean
}

/** `full`: the decision as `routeComplaint` returns it; `compact`: articles cited by reference only. */
export type RouteFormat = 'full' | 'compact'

/**
 * The compact decision, for bulk routing: the answers explicitly and, for everything else, the rules
 * that fired — from which the rule set gives back the rest — so a line stays under 700 bytes (README,
 * "route --format compact"). Sections by id (`intake`, `lead`, `assist`); a transfer's county and a
 * rejection's competent authority without the rule's reason text; the category by id; the confidence
 * level; the rules that fired, in trace order (`fired`: each rule's section, effect, citations and
 * reasons follow from the rule set, and so does `basis` — the citations of the rules that decided, or
 * of the fallback duty under `no_specific_section`, and the lead's duty article under `learned_lead`,
 * where the learned model chose the lead and the rules' lead rule only assists, and under `learned_reject` the citations of the
 * screening rule the model file's `learnedReject.rules` names for the kind); the warning codes. No text of an article, a
 * reason or a message. With `--explain`, each fired rule's conditions (`conditions`, keyed by rule id)
 * and the rules not fired are added (such lines are long by nature).
 */
export function compactDecision(d: RoutingDecision): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (d.id !== undefined) out.id = d.id
  out.disposition = d.disposition
  out.intake = d.intake.id
  out.lead = d.lead ? d.lead.id : null
  const assist: string[] = []
  for (const s of d.assist) assist.push(s.id)
  out.assist = assist
  if (d.transfer) out.transfer = { to: d.transfer.to }
  if (d.rejection) out.rejection = d.rejection.competentAuthority === undefined ? {} : { competentAuthority: d.rejection.competentAuthority }
  if (d.category) out.category = d.category.id
  if (d.confidence) out.confidence = d.confidence
  const fired: string[] = []
  let conditions: Record<string, unknown> | undefined
  for (const hit of d.trace) {
    fired.push(hit.rule)
    if (hit.conditions) (conditions ??= {})[hit.rule] = hit.conditions
  }
  out.fired = fired
  if (d.warnings.length) {
    const codes: string[] = []
    for (const w of d.warnings) codes.push(w.code)
    out.warnings = codes
  }
  if (conditions) out.conditions = conditions
  if (d.notFired) out.notFired = d.notFired.map((n) => ({ rule: n.rule, conditions: n.conditions }))
  return out
}

/** Rule, section, category and warning ids as JSON strings, quoted once (a rule set has a few hundred). */
const quotedIds = new Map<string, string>()
function quotedId(id: string): string {
  let quoted = quotedIds.get(id)
  if (quoted === undefined) {
    quoted = JSON.stringify(id)
    if (quotedIds.size < 65536) quotedIds.set(id, quoted)
  }
  return quoted
}

/**
 * `JSON.stringify(compactDecision(d))` for a decision routed without `explain`, written out directly:
 * the same bytes (test/compact.test.ts), without the intermediate object. Values from the input (`id`,
 * a transfer's county, an authority) go through JSON.stringify; ids from the rule set are quoted once.
 */
export function compactLine(d: RoutingDecision): string {
  let out = d.id !== undefined ? '{"id":' + JSON.stringify(d.id) + ',"disposition":' : '{"disposition":'
  out += quotedId(d.disposition) + ',"intake":' + quotedId(d.intake.id) + ',"lead":' + (d.lead ? quotedId(d.lead.id) : 'null') + ',"assist":['
  for (let i = 0; i < d.assist.length; i++) out += (i > 0 ? ',' : '') + quotedId(d.assist[i]!.id)
  out += ']'
  if (d.transfer) out += ',"transfer":{"to":' + JSON.stringify(d.transfer.to) + '}'
  if (d.rejection) out += d.rejection.competentAuthority === undefined ? ',"rejection":{}' : ',"rejection":{"competentAuthority":' + JSON.stringify(d.rejection.competentAuthority) + '}'
  if (d.category) out += ',"category":' + quotedId(d.category.id)
  if (d.confidence) out += ',"confidence":' + quotedId(d.confidence)
  out += ',"fired":['
  for (let i = 0; i < d.trace.length; i++) out += (i > 0 ? ',' : '') + quotedId(d.trace[i]!.rule)
  out += ']'
  if (d.warnings.length) {
    out += ',"warnings":['
    for (let i = 0; i < d.warnings.length; i++) out += (i > 0 ? ',' : '') + quotedId(d.warnings[i]!.code)
    out += ']'
  }
  return out + '}'
}

const lineError = (line: number, error: LineError) => JSON.stringify({ line, error })

const invalidJson = (line: number, e: unknown): LineError => ({ code: 'invalid_json', message: `第 ${line} 行不是合法的 JSON`, messageEn: `line ${line} is not valid JSON: ${(e as Error).message}` })

/** A route error as an output line: `line` first, no `index`; in compact, the first issue only. */
function errorLine(line: number, result: RouteErrorRecord, format: RouteFormat): string {
  const { index: _index, ...rest } = result
  if (format === 'compact') {
    const { issues, ...error } = rest.error
    const path = issues[0]?.path
    return JSON.stringify({ line, ...rest, error: path === undefined ? error : { ...error, path } })
  }
  return JSON.stringify({ line, ...rest })
}

/** Routes numbered NDJSON lines through `engine.routeMany`: one record per line, blank lines included. */
export async function* routeLines(
  engine: Pick<Engine, 'routeMany'>,
  lines: AsyncIterable<NumberedLine> | Iterable<NumberedLine>,
  explain: boolean,
  format: RouteFormat = 'full',
): AsyncGenerator<RecordOut> {
  const pending: { line: number; error?: LineError }[] = []
  let head = 0
  async function* complaints() {
    for await (const { line, text, error } of lines) {
      if (error) {
        pending.push({ line, error })
        yield undefined
        continue
      }
      try {
        const value: unknown = JSON.parse(text)
        pending.push({ line })
        yield value
      } catch (e) {
        pending.push({ line, error: invalidJson(line, e) })
        yield undefined
      }
    }
  }
  for await (const result of engine.routeMany(complaints(), { explain })) {
    const { line, error } = pending[head++]!
    if (head > 1024) {
      pending.splice(0, head)
      head = 0
    }
    if (error !== undefined) {
      yield { json: lineError(line, error), ok: false }
    } else if (isRouteError(result)) {
      yield { json: errorLine(line, result, format), ok: false }
    } else {
      yield { json: JSON.stringify(format === 'compact' ? compactDecision(result) : result), ok: true }
    }
  }
}

const BLANK = (line: number): LineError => ({ code: 'blank_line', message: `第 ${line} 行是空行，没有投诉`, messageEn: `line ${line} is blank: no complaint` })
const NOT_UTF8 = (line: number): LineError => ({
  code: 'invalid_encoding',
  message: `第 ${line} 行不是 UTF-8 编码（可能是 GBK）；请另存为 UTF-8`,
  messageEn: `line ${line} is not UTF-8 (GBK, perhaps); save the file as UTF-8`,
})

/**
 * Splits bytes into numbered lines (1-based; `\n` or `\r\n`), chunk by chunk: a BOM before the first
 * line is dropped, a line that is not valid UTF-8 or is blank carries an `error`. Bytes are decoded per
 * line, so a character split across chunks is never corrupted. Strings (tests' stdin) are UTF-8 text.
 */
export function lineSplitter(): { push(chunk: Buffer | string | Uint8Array): NumberedLine[]; end(): NumberedLine[] } {
  let line = 0
  let rest: Buffer | undefined
  const emit = (buf: Buffer, start: number, end: number): NumberedLine => {
    line++
    if (end > start && buf[end - 1] === 13) end--
    if (line === 1 && end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) start += 3
    const text = buf.toString('utf8', start, end)
    if (text.includes('\uFFFD') && !isUtf8(buf.subarray(start, end))) return { line, text: '', error: NOT_UTF8(line) }
    if (text.trim() === '') return { line, text, error: BLANK(line) }
    return { line, text }
  }
  return {
    push(chunk) {
      let buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
      if (rest) {
        buf = Buffer.concat([rest, buf])
        rest = undefined
      }
      const out: NumberedLine[] = []
      const last = buf.lastIndexOf(10)
      if (last === -1) {
        if (buf.length) rest = buf
        return out
      }
      if (last + 1 < buf.length) rest = buf.subarray(last + 1)
      // The complete lines decoded at once (newline bytes never occur inside a UTF-8 character): when
      // the text has no U+FFFD every line is valid UTF-8, and each is a slice of it. Otherwise line by line.
      const whole = buf.toString('utf8', 0, last)
      if (whole.includes('\uFFFD')) {
        let start = 0
        let nl: number
        while ((nl = buf.indexOf(10, start)) !== -1) {
          out.push(emit(buf, start, nl))
          start = nl + 1
        }
        return out
      }
      let start = 0
      for (;;) {
        let nl = whole.indexOf('\n', start)
        if (nl === -1) nl = whole.length
        line++
        let end = nl
        if (end > start && whole.charCodeAt(end - 1) === 13) end--
        const from = line === 1 && end > start && whole.charCodeAt(start) === 0xfeff ? start + 1 : start
        const text = whole.slice(from, end)
        out.push(text.trim() === '' ? { line, text, error: BLANK(line) } : { line, text })
        if (nl === whole.length) return out
        start = nl + 1
      }
    },
    end() {
      const last = rest && rest.length ? [emit(rest, 0, rest.length)] : []
      rest = undefined
      return last
    },
  }
}

/** The lines of a byte stream, one at a time (see `lineSplitter`). */
export async function* readLines(input: AsyncIterable<Buffer | string | Uint8Array>): AsyncGenerator<NumberedLine> {
  const splitter = lineSplitter()
  for await (const chunk of input) yield* splitter.push(chunk)
  yield* splitter.end()
}

/**
 * The compiled path's fast lane: a batch of lines routed synchronously with `routeComplaintSync`, the
 * same records `routeLines` gives (one per line, in order) without an async step per line.
 */
export function routeBatchSync(
  engine: Pick<Engine, 'routeComplaintSync'>,
  lines: readonly NumberedLine[],
  explain: boolean,
  format: RouteFormat = 'full',
): { text: string; routed: number; failed: number } {
  let text = ''
  let routed = 0
  let failed = 0
  const options = { explain }
  // Compact lines without --explain come from lean decisions (the same answers, no texts built).
  const lean = format === 'compact' && !explain ? leanRouterOf(engine) : undefined
  for (const { line, text: json, error } of lines) {
    if (error) {
      text += lineError(line, error) + '\n'
      failed++
      continue
    }
    let value: unknown
    try {
      value = JSON.parse(json)
    } catch (e) {
      text += lineError(line, invalidJson(line, e)) + '\n'
      failed++
      continue
    }
    let decision: RoutingDecision
    try {
      decision = lean ? lean(value) : engine.routeComplaintSync(value as never, options)
    } catch (e) {
      text += errorLine(line, errorRecord(line - 1, value, e), format) + '\n'
      failed++
      continue
    }
    text += (lean ? compactLine(decision) : JSON.stringify(format === 'compact' ? compactDecision(decision) : decision)) + '\n'
    routed++
  }
  return { text, routed, failed }
}

/**
 * Reads a whole stream as text, decoding as it goes (a character straddling two chunks stays whole);
 * a BOM is dropped. Throws a `TypeError` with code ERR_ENCODING_INVALID_ENCODED_DATA for invalid UTF-8.
 */
export async function readText(input: AsyncIterable<Buffer | string | Uint8Array> | Iterable<Buffer | string | Uint8Array>): Promise<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  let text = ''
  for await (const chunk of input) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
  text += decoder.decode()
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
