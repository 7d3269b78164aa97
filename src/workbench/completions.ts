/**
 * Completion for the rule editor, from the folder's JSON Schemas (keys and enum values at the cursor's
 * YAML path) and from the loaded rules (fact names, operators, vocabulary names, section ids). Pure
 * functions of the text and the cursor, so they are tested without a browser.
 */
import { BUILTIN_OPERATORS, MEETING_FACTS, ROUTING_FACTS, TEXT_OPERATORS, type RuleSet } from '../index.js'

export interface CompletionItem {
  label: string
  detail?: string
  info?: string
  /** Text inserted instead of the label. */
  apply?: string
  type: 'property' | 'enum' | 'variable' | 'keyword' | 'constant'
  /** Ranks above the alphabetical order (the text operators, which most rules use). */
  boost?: number
}

export interface CompletionResult {
  from: number
  items: CompletionItem[]
}

export interface CompletionContext {
  /** The JSON Schema of the file being edited. */
  schema?: JsonSchema
  /** The last rule set that loaded (vocabulary names, section ids). */
  ruleSet?: RuleSet
  /** The file's `kind:` (procedure files test meeting facts, the others routing facts). */
  kind?: string
}

export type JsonSchema = { [key: string]: unknown }

// What each operator does, for the completion list. (The operators themselves come from the core.)
const OPERATOR_HELP: Record<string, string> = {
  equal: '等于 value / equals',
  notEqual: '不等于 value / does not equal',
  in: '在 value 列表中，如 value: [complaint, report] / is one of',
  notIn: '不在 value 列表中 / is none of',
  contains: '事实（列表）包含 value / the list fact contains',
  doesNotContain: '事实（列表）不含 value / the list fact lacks',
  lessThan: '小于 / less than',
  lessThanInclusive: '小于或等于 / at most',
  greaterThan: '大于 / greater than',
  greaterThanInclusive: '大于或等于 / at least',
  containsAny: '文字含关键词表中的任一词；value 写关键词表名称或词的列表，如 value: 食品 / the text contains any keyword of the vocabulary',
  notContainsAny: '文字不含关键词表中的任何词，如 value: 餐饮场所 / the text contains none of the keywords',
}

const ITEM = Symbol('item')
type PathSegment = string | typeof ITEM

interface LineInfo {
  indent: number
  /** Column of the dash when the line is an array item (`- …`). */
  dash?: number
  /** Column where the line's content (after any dash) starts. */
  content: number
  key?: string
  /** The text after `key:` (trimmed). */
  rest?: string
}

function lineInfo(line: string): LineInfo | undefined {
  if (/^\s*(#|$)/.test(line)) return undefined
  const indent = line.length - line.trimStart().length
  let content = indent
  let dash: number | undefined
  let match
  while ((match = /^-(\s+|$)/.exec(line.slice(content)))) {
    dash = content
    content += match[0].length
  }
  const keyMatch = /^([\w$.-]+)\s*:(\s|$)(.*)$/.exec(line.slice(content))
  return { indent, ...(dash !== undefined ? { dash } : {}), content, ...(keyMatch ? { key: keyMatch[1], rest: keyMatch[3]!.replace(/^#.*$/, '').trim() } : {}) }
}

/**
 * The YAML path of the mapping whose keys start at `column` on line `index`; `dash` is the column of
 * the dash when that mapping is an array item (`- key: …`). Read from the indentation of the lines above.
 */
function containerPath(lines: string[], index: number, column: number, dash: number | undefined): PathSegment[] {
  if (dash !== undefined) {
    for (let i = index - 1; i >= 0; i--) {
      const info = lineInfo(lines[i]!)
      if (!info || info.dash === dash || info.content > dash) continue // blank, a sibling item, or inside one
      if (info.key !== undefined && info.rest === '') return [...containerPath(lines, i, info.content, info.dash), info.key, ITEM]
      return [ITEM]
    }
    return [ITEM]
  }
  for (let i = index - 1; i >= 0; i--) {
    const info = lineInfo(lines[i]!)
    if (!info || info.content > column) continue
    if (info.content === column) {
      if (info.dash !== undefined) return containerPath(lines, i, column, info.dash) // same item, an earlier key
      continue // a sibling key
    }
    if (info.key !== undefined && info.rest === '') return [...containerPath(lines, i, info.content, info.dash), info.key]
    return []
  }
  return []
}

function resolve(root: JsonSchema, node: unknown): JsonSchema[] {
  if (!node || typeof node !== 'object') return []
  const n = node as JsonSchema
  if (typeof n.$ref === 'string' && n.$ref.startsWith('#/')) {
    let target: unknown = root
    for (const part of n.$ref.slice(2).split('/')) target = (target as JsonSchema | undefined)?.[part]
    return resolve(root, target)
  }
  const alternatives = [...((n.anyOf as unknown[]) ?? []), ...((n.oneOf as unknown[]) ?? []), ...((n.allOf as unknown[]) ?? [])]
  return [n, ...alternatives.flatMap((a) => resolve(root, a))]
}

function walk(root: JsonSchema, path: PathSegment[]): JsonSchema[] {
  let nodes = resolve(root, root)
  for (const segment of path) {
    nodes = nodes.flatMap((n) =>
      segment === ITEM
        ? resolve(root, n.items)
        : resolve(root, (n.properties as Record<string, unknown> | undefined)?.[segment]),
    )
  }
  return nodes
}

function enumValues(nodes: JsonSchema[]): CompletionItem[] {
  const out = new Map<string, CompletionItem>()
  for (const n of nodes) {
    const values = [...((n.enum as unknown[]) ?? []), ...('const' in n ? [n.const] : [])]
    for (const v of values) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.set(String(v), { label: String(v), type: 'enum', ...(typeof n.description === 'string' ? { detail: n.description } : {}) })
  }
  return [...out.values()]
}

/** Completions at `pos` in `text`, or undefined when there is nothing to offer. */
export function completeAt(text: string, pos: number, context: CompletionContext): CompletionResult | undefined {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1
  const before = text.slice(lineStart, pos)
  const lines = text.slice(0, lineStart).split('\n')
  lines.pop() // the empty string after the last newline
  if (/^\s*#/.test(before)) return undefined

  // A value after `key:` (block or flow style): the nearest `key:` before the cursor on this line.
  const valueMatch = /(?:^|[\s{,])([\w$.-]+)\s*:\s*(?:\[\s*(?:[^\]]*,\s*)?)?([^\s,{}[\]:]*)$/.exec(before)
  if (valueMatch && !/^\s*-?\s*[\w$.-]*$/.test(before)) {
    const key = valueMatch[1]!
    const typed = valueMatch[2]!
    const from = pos - typed.length
    const items = valueItems(key, before, lines, context)
    return items.length ? { from, items } : undefined
  }

  // A key being typed at the start of a line (after any dash).
  const keyMatch = /^(\s*)((?:-\s+)*)([\w$.-]*)$/.exec(before)
  if (keyMatch && context.schema) {
    const column = keyMatch[1]!.length + keyMatch[2]!.length
    const dash = keyMatch[2]!.length ? keyMatch[1]!.length + keyMatch[2]!.lastIndexOf('-') : undefined
    const path = containerPath(lines, lines.length, column, dash)
    const nodes = walk(context.schema, path)
    const present = new Set<string>()
    const items = new Map<string, CompletionItem>()
    for (const n of nodes) {
      for (const [name, sub] of Object.entries((n.properties as Record<string, JsonSchema> | undefined) ?? {})) {
        if (present.has(name) || items.has(name)) continue
        const description = resolve(context.schema, sub).map((s) => s.description).find((d) => typeof d === 'string') as string | undefined
        items.set(name, { label: name, apply: `${name}: `, type: 'property', ...(description ? { detail: description } : {}) })
      }
    }
    return items.size ? { from: pos - keyMatch[3]!.length, items: [...items.values()] } : undefined
  }
  return undefined
}

function valueItems(key: string, before: string, lines: string[], context: CompletionContext): CompletionItem[] {
  const rs = context.ruleSet
  if (key === 'fact') {
    const facts: Record<string, string> = context.kind === 'procedure' ? MEETING_FACTS : ROUTING_FACTS
    return Object.entries(facts).map(([name, help]) => ({ label: name, detail: help, type: 'variable' }))
  }
  if (key === 'operator') {
    return [...TEXT_OPERATORS.map((name) => ({ label: name, detail: OPERATOR_HELP[name] ?? '', type: 'keyword' as const, boost: 10 })), ...BUILTIN_OPERATORS.map((name) => ({ label: name, detail: OPERATOR_HELP[name] ?? '', type: 'keyword' as const }))]
  }
  if (key === 'value') {
    // After a text operator (on this line, or the line above in block style): the vocabulary names.
    const near = [lines.at(-2) ?? '', lines.at(-1) ?? '', before].join('\n')
    if (/(containsAny|notContainsAny)/.test(near) && rs) {
      return Object.values(rs.vocabularies).map((v) => ({ label: v.name, detail: `${v.description ? v.description + '：' : ''}${v.keywords.slice(0, 8).join('、')}${v.keywords.length > 8 ? '…' : ''}`, type: 'constant' }))
    }
  }
  if (['section', 'lead', 'assist', 'assistIncludes', 'intake'].includes(key) && rs) {
    return Object.values(rs.sections).map((s) => ({ label: s!.id, detail: s!.name, type: 'enum' }))
  }
  if (key === 'kind' && lines.every((l) => /^\s*(#.*)?$/.test(l))) {
    return ['articles', 'section', 'vocabularies', 'config', 'intake', 'screening', 'scenarios', 'procedure', 'deadlines', 'escalation', 'calendar', 'calendar-provisional', 'variants'].map((k) => ({ label: k, type: 'enum' }))
  }
  if (context.schema) {
    const lineStartMatch = /^(\s*)((?:-\s+)*)/.exec(before)!
    const column = lineStartMatch[1]!.length + lineStartMatch[2]!.length
    const dash = lineStartMatch[2]!.length ? lineStartMatch[1]!.length + lineStartMatch[2]!.lastIndexOf('-') : undefined
    // Only for `key: value` written as the line's first key (flow maps inside a line are not walked).
    if (new RegExp(`^\\s*(?:-\\s+)*${key.replace(/[.$]/g, '\\$&')}\\s*:`).test(before)) {
      const path = containerPath(lines, lines.length, column, dash)
      return enumValues(walk(context.schema, [...path, key]))
    }
  }
  return []
}
