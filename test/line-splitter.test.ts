/**
 * `lineSplitter` decodes a chunk's complete lines at once when they are valid UTF-8 (route.ts's hot
 * path) and line by line otherwise: whatever the bytes and however they are cut into chunks, the lines
 * are those of decoding each line on its own (BOM on line 1 dropped, one `\r` before `\n` dropped, blank
 * and non-UTF-8 lines as errors).
 */
import { isUtf8 } from 'node:buffer'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { lineSplitter, type NumberedLine } from '../src/cli/ndjson.js'

/** The lines of `bytes`, each decoded on its own: the definition. */
function reference(bytes: Buffer): { line: number; text: string; error?: string }[] {
  const out: { line: number; text: string; error?: string }[] = []
  let start = 0
  let line = 0
  const add = (s: number, e: number) => {
    line++
    if (e > s && bytes[e - 1] === 13) e--
    if (line === 1 && e - s >= 3 && bytes[s] === 0xef && bytes[s + 1] === 0xbb && bytes[s + 2] === 0xbf) s += 3
    const text = bytes.toString('utf8', s, e)
    if (!isUtf8(bytes.subarray(s, e))) out.push({ line, text: '', error: 'invalid_encoding' })
    else if (text.trim() === '') out.push({ line, text, error: 'blank_line' })
    else out.push({ line, text })
  }
  for (let nl = bytes.indexOf(10); nl !== -1; nl = bytes.indexOf(10, start)) {
    add(start, nl)
    start = nl + 1
  }
  if (start < bytes.length) add(start, bytes.length)
  return out
}

const shape = (lines: NumberedLine[]) => lines.map((l) => (l.error ? { line: l.line, text: l.text, error: l.error.code } : { line: l.line, text: l.text }))

describe('lineSplitter', () => {
  test('any bytes, any chunking: the lines of decoding each line on its own', () => {
    const pieces = fc.constantFrom(
      '{"a":1}', '投诉', '\n', '\r\n', '\r', ' ', '\t', '\uFEFF', '\uFFFD', 'x', '𠀀',
      Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff]), Buffer.from([0xe6, 0x8a]), Buffer.from([0xc3]), Buffer.from([0xb6, 0xd4]),
    )
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 6 }), (parts, cuts) => {
        const bytes = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)))
        const at = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b)
        const splitter = lineSplitter()
        const got: NumberedLine[] = []
        let from = 0
        for (const cut of [...at, bytes.length]) {
          got.push(...splitter.push(bytes.subarray(from, cut)))
          from = cut
        }
        got.push(...splitter.end())
        expect(shape(got)).toEqual(reference(bytes))
      }),
      { numRuns: 3000 },
    )
  })
})
