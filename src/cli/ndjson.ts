/**
 * NDJSON routing shared by the in-process path and the worker threads: numbered lines in, one JSON
 * record per non-blank line out, in order — a decision, or an error record naming the line. Nothing is
 * dropped and nothing throws for a bad line.
 */
import type { Engine } from '../engine/createEngine.js'
import { isRouteError } from '../routing/compiled/routeMany.js'

export interface NumberedLine {
  line: number
  text: string
}

export interface RecordOut {
  json: string
  ok: boolean
}

/** Routes numbered NDJSON lines through `engine.routeMany`; blank lines are skipped. */
export async function* routeLines(
  engine: Pick<Engine, 'routeMany'>,
  lines: AsyncIterable<NumberedLine> | Iterable<NumberedLine>,
  explain: boolean,
): AsyncGenerator<RecordOut> {
  const pending: { line: number; jsonError?: string }[] = []
  let head = 0
  async function* complaints() {
    for await (const { line, text } of lines) {
      if (text.trim() === '') continue
      try {
        const value: unknown = JSON.parse(text)
        pending.push({ line })
        yield value
      } catch (error) {
        pending.push({ line, jsonError: (error as Error).message })
        yield undefined
      }
    }
  }
  for await (const result of engine.routeMany(complaints(), { explain })) {
    const { line, jsonError } = pending[head++]!
    if (head > 1024) {
      pending.splice(0, head)
      head = 0
    }
    if (jsonError !== undefined) {
      const record = { line, error: { code: 'invalid_json', message: `第 ${line} 行不是合法的 JSON`, messageEn: `line ${line} is not valid JSON: ${jsonError}` } }
      yield { json: JSON.stringify(record), ok: false }
    } else if (isRouteError(result)) {
      const { index: _index, ...rest } = result
      yield { json: JSON.stringify({ line, ...rest }), ok: false }
    } else {
      yield { json: JSON.stringify(result), ok: true }
    }
  }
}

/** Numbers the lines of a readline interface (1-based, blank lines counted). */
export async function* numbered(lines: AsyncIterable<string>): AsyncGenerator<NumberedLine> {
  let line = 0
  for await (const text of lines) yield { line: ++line, text }
}
