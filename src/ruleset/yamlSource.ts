/**
 * Parsing one rule file's YAML text safely, keeping positions so every later problem can be reported
 * as `file:line:col`. Hostile input (alias bombs, `__proto__` keys, huge files, deep nesting) becomes
 * an `Issue`, never a hang, a crash or a polluted object.
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml'
import type { Issue, IssueCode, PlainIssueCode } from '../problems/issue.js'
import type { MessageCatalog } from '../problems/messages.js'
import { LOADER_MESSAGES } from './messages.js'

/** Largest rule file we read (2 MiB). A real section file is a few KiB. */
export const MAX_RULE_FILE_BYTES = 2 * 1024 * 1024
const MAX_ALIASES = 50
const MAX_DEPTH = 64
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export interface YamlSource {
  file: string
  text: string
  doc: Document.Parsed
  lineCounter: LineCounter
  /** The plain JS value (objects have a null-free, normal prototype; forbidden keys were refused). */
  value: unknown
}

/**
 * Where a YAML path points: the node itself (or its key, with `preferKey`); for a missing node, the
 * nearest existing ancestor, so a missing key points at the map that lacks it.
 */
export function locate(source: Pick<YamlSource, 'doc' | 'lineCounter'>, path: readonly (string | number)[], preferKey = false) {
  let offset = 0
  for (let n = path.length; n >= 0; n--) {
    const prefix = path.slice(0, n)
    let node: unknown
    if (preferKey && n === path.length && n > 0) {
      const parent = n === 1 ? source.doc.contents : source.doc.getIn(prefix.slice(0, -1), true)
      if (isMap(parent)) node = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(prefix[n - 1]))?.key
    }
    node ??= n === 0 ? source.doc.contents : source.doc.getIn(prefix, true)
    const range = (node as Node | undefined)?.range
    if (range) {
      offset = range[0]
      break
    }
  }
  const pos = source.lineCounter.linePos(offset)
  return { line: pos.line, col: pos.col }
}

export function issueAt(
  source: Pick<YamlSource, 'file' | 'doc' | 'lineCounter'>,
  path: (string | number)[],
  code: PlainIssueCode,
  message: string,
  messageEn: string,
  options: { preferKey?: boolean; severity?: Issue['severity'] } = {},
): Issue {
  const { line, col } = locate(source, path, options.preferKey)
  return {
    code,
    severity: options.severity ?? 'error',
    message: `第${line}行第${col}列：${message}`,
    messageEn: `line ${line}, column ${col}: ${messageEn}`,
    file: source.file,
    line,
    col,
    path,
  } as Issue
}

/**
 * A located issue whose text comes from a catalog: the call site passes the code's typed fields, the
 * catalog makes the Chinese and the English (with the same `第N行第M列：` / `line N, column M: ` lead).
 */
export function catalogIssueAt<F, C extends keyof F & IssueCode>(
  source: Pick<YamlSource, 'file' | 'doc' | 'lineCounter'>,
  path: (string | number)[],
  catalog: MessageCatalog<F>,
  code: C,
  fields: F[C],
  options: { preferKey?: boolean; severity?: Issue['severity'] } = {},
): Issue {
  const { line, col } = locate(source, path, options.preferKey)
  return {
    code,
    severity: options.severity ?? 'error',
    message: `第${line}行第${col}列：${catalog.text('zh', code, fields)}`,
    messageEn: `line ${line}, column ${col}: ${catalog.text('en', code, fields)}`,
    file: source.file,
    line,
    col,
    path,
    ...fields,
  } as Issue
}

function fileIssue(file: string, code: PlainIssueCode, line: number, col: number, message: string, messageEn: string): Issue {
  return {
    code,
    severity: 'error',
    message: `第${line}行第${col}列：${message}`,
    messageEn: `line ${line}, column ${col}: ${messageEn}`,
    file,
    line,
    col,
    path: [],
  } as Issue
}

/** An issue at `line:col` of a file, its text from `catalog`. */
function catalogFileIssue<F, C extends keyof F & IssueCode>(file: string, line: number, col: number, catalog: MessageCatalog<F>, code: C, fields: F[C]): Issue {
  return {
    code,
    severity: 'error',
    message: `第${line}行第${col}列：${catalog.text('zh', code, fields)}`,
    messageEn: `line ${line}, column ${col}: ${catalog.text('en', code, fields)}`,
    file,
    line,
    col,
    path: [],
    ...fields,
  } as Issue
}

/** Parses a rule file. Returns the source with its JS value, or the issues that stop it. */
export function parseYamlSource(file: string, text: string, knownSize?: number): { ok: true; source: YamlSource } | { ok: false; issues: Issue[] } {
  if (typeof text !== 'string') {
    return { ok: false, issues: [fileIssue(file, 'invalid_type', 1, 1, '文件内容不是文本。', 'the file content is not text.')] }
  }
  const bytes = knownSize ?? utf8Length(text)
  if (bytes > MAX_RULE_FILE_BYTES) {
    return {
      ok: false,
      issues: [
        catalogFileIssue(file, 1, 1, LOADER_MESSAGES, 'file_too_large', { sizeMb: (bytes / 1048576).toFixed(1), limitMb: MAX_RULE_FILE_BYTES / 1048576 }),
      ],
    }
  }
  const depth = maxBracketDepth(text)
  if (depth > MAX_DEPTH) {
    return {
      ok: false,
      issues: [
        fileIssue(file, 'yaml_syntax', 1, 1, `嵌套层数超过 ${MAX_DEPTH} 层，拒绝读取。`, `nesting deeper than ${MAX_DEPTH} levels; refused.`),
      ],
    }
  }
  const lineCounter = new LineCounter()
  let doc: Document.Parsed
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true })
  } catch (error) {
    return { ok: false, issues: [fileIssue(file, 'yaml_syntax', 1, 1, `无法解析 YAML：${String(error)}`, `cannot parse YAML: ${String(error)}`)] }
  }
  const source = { file, text, doc, lineCounter }
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0])
        const duplicate = error.code === 'DUPLICATE_KEY'
        return fileIssue(
          file,
          'yaml_syntax',
          pos.line,
          pos.col,
          duplicate ? `同一层里出现了重复的键。${firstLine(error.message)}` : `YAML 格式错误：${firstLine(error.message)}。检查缩进、冒号后的空格和引号是否成对。`,
          duplicate ? `duplicate key in one mapping. ${firstLine(error.message)}` : `YAML syntax error: ${firstLine(error.message)}. Check indentation, the space after colons and matching quotes.`,
        )
      }),
    }
  }
  // Forbidden keys, checked on the syntax tree before any JS object is built.
  const forbidden: Issue[] = []
  let aliases = 0
  visit(doc, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        const pos = lineCounter.linePos(pair.key.range?.[0] ?? 0)
        forbidden.push(
          catalogFileIssue(file, pos.line, pos.col, LOADER_MESSAGES, 'forbidden_key', { key: String(pair.key.value) }),
        )
      }
    },
    Alias() {
      aliases++
    },
  })
  if (forbidden.length) return { ok: false, issues: forbidden }
  if (aliases > MAX_ALIASES) {
    return {
      ok: false,
      issues: [
        fileIssue(
          file,
          'yaml_alias_limit',
          1,
          1,
          `文件使用了 ${aliases} 个别名（*引用），超过上限 ${MAX_ALIASES}，疑似“别名炸弹”，拒绝读取。`,
          `the file uses ${aliases} aliases (*refs), over the limit of ${MAX_ALIASES}: a likely alias bomb; refused.`,
        ),
      ],
    }
  }
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 100 })
  } catch (error) {
    return {
      ok: false,
      issues: [
        fileIssue(
          file,
          'yaml_alias_limit',
          1,
          1,
          `别名展开过多，疑似“别名炸弹”，拒绝读取：${String(error)}`,
          `aliases expand too much (a likely alias bomb); refused: ${String(error)}`,
        ),
      ],
    }
  }
  return { ok: true, source: { ...source, value } }
}

function firstLine(message: string) {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}

function utf8Length(text: string): number {
  // Counted without a TextEncoder allocation for huge strings.
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3
  }
  return bytes // counted to the end: a 50 MB text is reported as 50 MB, not as just over the limit
}

/** Flow-collection nesting depth, a guard against stack exhaustion in the parser. */
function maxBracketDepth(text: string): number {
  let depth = 0
  let max = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 91 || c === 123) {
      depth++
      if (depth > max) max = depth
      if (max > MAX_DEPTH) return max
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1)
    else if (c === 10) {
      // Block indentation depth is bounded by line length; flow depth resets only on balanced input.
    }
  }
  return max
}
