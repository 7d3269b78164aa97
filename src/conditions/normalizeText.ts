/**
 * One normal form for complaint text and keywords, so 'ＡＢＣ１２３' matches 'abc123' and a full-width
 * comma matches a half-width one: Unicode NFKC, then lower case.
 *
 * It runs on every complaint. Most texts are Chinese characters, ASCII and full-width punctuation, each
 * of which normalises on its own to one code unit that nothing around it changes; such a text is mapped
 * character by character from a table (and returned as it is when nothing changes). Any other
 * character — a combining mark, a surrogate, Hangul, anything outside the ranges below, or one whose
 * normal form is longer — sends the whole text to `normalize('NFKC').toLowerCase()`. The table is
 * learnt from that same function one character at a time (normalizeText.test.ts checks every entry).
 */
export function normalizeText(text: string): string {
  const table = (TABLE ??= new Uint16Array(65536))
  let first = -1
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    let mapped = table[code]!
    if (mapped === UNKNOWN) mapped = learn(table, code)
    if (mapped === COMPLEX) return text.normalize('NFKC').toLowerCase()
    if (first < 0 && mapped - 1 !== code) first = i
  }
  if (first < 0) return text
  // Runs of unchanged characters are sliced, changed ones mapped.
  let out = text.slice(0, first)
  let run = first
  for (let i = first; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const to = table[code]! - 1
    if (to === code) continue
    if (run < i) out += text.slice(run, i)
    out += String.fromCharCode(to)
    run = i + 1
  }
  if (run < text.length) out += text.slice(run)
  return out
}

/** `TABLE[code]`: 0 not yet learnt, 0xffff complex, else the normalised code unit + 1 (made on first use). */
let TABLE: Uint16Array | undefined
const UNKNOWN = 0
const COMPLEX = 0xffff

/**
 * Ranges whose characters may be simple: none of them combines with a neighbour under NFKC (no
 * combining marks — those are excluded one by one — no Hangul jamo, no Indic vowel signs), and lower
 * case of each is context-free (no Greek capital sigma).
 */
const SIMPLE_RANGES: readonly (readonly [number, number])[] = [
  [0x09, 0x0d], // tab, line breaks
  [0x20, 0x7e], // ASCII
  [0xa0, 0xff], // Latin-1: no-break space, ·, ×, accented letters (composed forms)
  [0x2010, 0x205e], // general punctuation: dashes, quotes, ※
  [0x3000, 0x303f], // CJK symbols and punctuation: 、。「」《》
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xff01, 0xff5e], // full-width ASCII forms
  [0xffe0, 0xffe6], // full-width ￠￡￥
]

const MARK = /\p{M}/u

function learn(table: Uint16Array, code: number): number {
  let simple = false
  for (const [from, to] of SIMPLE_RANGES) if (code >= from && code <= to) simple = true
  const char = String.fromCharCode(code)
  const normal = simple ? char.normalize('NFKC').toLowerCase() : ''
  const mapped = simple && normal.length === 1 && !MARK.test(char) && !MARK.test(normal) && normal.normalize('NFD') === normal ? normal.charCodeAt(0) + 1 : COMPLEX
  table[code] = mapped
  return mapped
}
