/**
 * The JSON Schemas of the rule files, for editors (VS Code's YAML extension runs `yaml-language-server`):
 * generated from each kind's zod schema, then taught the rule language — `operator` an enum from the
 * operator table with a line and an example for each, `fact` an enum of the facts of the file's kind
 * (routing facts in section/intake/screening files, meeting facts in the procedure file), and, for a
 * given rules folder, the names it defines: its vocabularies (the value of `containsAny`) and its
 * procedure's finding codes (meeting scenarios). Every constraint carries an `errorMessage` in Chinese
 * with English, which the language server shows instead of its own English.
 */
import * as z from 'zod'
import { BUILTIN_OPERATORS, OPERATORS, TEXT_OPERATORS, type OperatorName } from './conditions/operators.js'

/** The names a rules folder defines, which its schemas list as enums. */
export interface SchemaNames {
  vocabularies?: readonly string[]
  findingCodes?: readonly string[]
}

/** One schema source: the file name's stem, the zod schema, the facts its conditions may name. */
export interface SchemaSource {
  name: string
  schema: z.ZodType
  facts?: Readonly<Record<string, string>>
}

const OPERATOR_EXAMPLES: { readonly [K in OperatorName]: string } = {
  equal: '{ fact: kind, operator: equal, value: report }',
  notEqual: '{ fact: kind, operator: notEqual, value: inquiry }',
  in: '{ fact: channel, operator: in, value: [letter, visit] }',
  notIn: '{ fact: channel, operator: notIn, value: [letter, visit] }',
  contains: '{ fact: unresolvedObjections, operator: contains, value: 0 }',
  doesNotContain: '{ fact: unresolvedObjections, operator: doesNotContain, value: 0 }',
  lessThan: '{ fact: memberAttendanceRatio, operator: lessThan, value: { fact: params, path: $.minAttendanceRatio } }',
  lessThanInclusive: '{ fact: topicLeadDays, operator: lessThanInclusive, value: 0 }',
  greaterThan: '{ fact: objectionCount, operator: greaterThan, value: 0 }',
  greaterThanInclusive: '{ fact: supportCount, operator: greaterThanInclusive, value: 1 }',
  containsAny: '{ fact: text, operator: containsAny, value: 关键词表名 }  或 / or  value: [词一, 词二]',
  notContainsAny: '{ fact: text, operator: notContainsAny, value: 关键词表名 }',
}

const OPERATOR_NAMES: readonly OperatorName[] = [...BUILTIN_OPERATORS, ...TEXT_OPERATORS]

function operatorDoc(name: OperatorName): string {
  const spec = OPERATORS[name]
  const text = spec.text ? '\n\nvalue 填关键词表（vocabularies/）的名称，或关键词列表；关键词在该表 notInside 的长词里出现不算；该表 together 的词一起出现（同一分句或若干字内）才算。/ value names a vocabulary, or lists keywords; a keyword inside one of the vocabulary’s notInside words does not count; its together terms count only together (in one clause or a window).' : ''
  return `**${name}**：事实${spec.explain.zh}值 / the fact ${spec.explain.en} the value${text}\n\n例 / e.g. \`${OPERATOR_EXAMPLES[name]}\``
}

const list = (names: readonly string[], sep: string) => (names.length > 60 ? names.slice(0, 60).join(sep) + (sep === '、' ? '……' : '…') : names.join(sep))

/** The schema of a condition leaf `{ fact, operator, value }` for a kind whose facts are `facts`. */
function conditionLeaf(original: Record<string, unknown>, facts: Readonly<Record<string, string>> | undefined, names: SchemaNames): Record<string, unknown> {
  const properties = { ...(original.properties as Record<string, unknown>) }
  if (facts) {
    const factNames = Object.keys(facts)
    properties.fact = {
      type: 'string',
      enum: factNames,
      description: '事实名 / fact name',
      markdownDescription: '事实名：本类规则文件的条件可用的事实之一 / fact name: one of the facts this kind of rule file may use',
      markdownEnumDescriptions: factNames.map((f) => `**${f}**：${facts[f]}`),
      errorMessage: `未知的事实；本类规则文件可用的事实：${list(factNames, '、')}。/ unknown fact; this kind of rule file may use: ${list(factNames, ', ')}.`,
    }
  }
  properties.operator = {
    type: 'string',
    enum: [...OPERATOR_NAMES],
    description: '运算符 / operator',
    markdownDescription: '运算符（区分大小写）/ operator (case matters)',
    markdownEnumDescriptions: OPERATOR_NAMES.map(operatorDoc),
    errorMessage: `未知的运算符（注意拼写和大小写，如 containsAny）；可用：${OPERATOR_NAMES.join('、')}。/ unknown operator (mind spelling and case, e.g. containsAny); known: ${OPERATOR_NAMES.join(', ')}.`,
  }
  properties.value = {
    ...(properties.value as Record<string, unknown>),
    markdownDescription: '比较值。containsAny / notContainsAny：关键词表的名称，或关键词列表 / the value compared; for containsAny / notContainsAny a vocabulary name or a list of keywords',
  }
  const vocabularies = names.vocabularies ?? []
  const keywordList = { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 }, errorMessage: '关键词列表应为非空的文字列表 / a keyword list must be a non-empty list of words' }
  const vocabularyName = vocabularies.length
    ? {
        type: 'string',
        enum: [...vocabularies],
        errorMessage: `未知的关键词表；已定义的有：${list(vocabularies, '、')}。/ unknown vocabulary; defined: ${list(vocabularies, ', ')}.`,
      }
    : { type: 'string', minLength: 1, errorMessage: '应为关键词表的名称 / must name a vocabulary' }
  const { 'x-xiaobao': _marker, ...rest } = original
  return {
    ...rest,
    properties,
    allOf: [
      {
        if: { properties: { operator: { enum: [...TEXT_OPERATORS] } }, required: ['operator'] },
        then: { properties: { value: { anyOf: [vocabularyName, keywordList] } } },
      },
    ],
  }
}

/** A bilingual message saying what a node accepts, from its JSON Schema constraints. */
function describeConstraint(node: Record<string, unknown>): string | undefined {
  if (Array.isArray(node.enum)) {
    const values = node.enum.map(String)
    return `应为以下之一：${list(values, '、')} / must be one of: ${list(values, ', ')}`
  }
  if ('const' in node) return `应为 ${JSON.stringify(node.const)} / must be ${JSON.stringify(node.const)}`
  switch (node.type) {
    case 'integer':
    case 'number': {
      const [zh, en] = node.type === 'integer' ? ['整数', 'an integer'] : ['数字', 'a number']
      const min = node.exclusiveMinimum === 0 ? ['大于 0 的', 'greater than 0'] : typeof node.minimum === 'number' ? [`不小于 ${node.minimum} 的`, `at least ${node.minimum}`] : ['', '']
      const max = typeof node.maximum === 'number' && node.maximum < 1e15 ? [`、不大于 ${node.maximum}`, `, at most ${node.maximum}`] : ['', '']
      return `应为${min[0]}${zh}${max[0]} / must be ${en}${min[1] ? ' ' + min[1] : ''}${max[1]}`
    }
    case 'boolean':
      return '应为 true 或 false / must be true or false'
    case 'string': {
      if (typeof node.pattern === 'string') {
        if (node.pattern.startsWith('^\\d{4}-')) return '应为日期 YYYY-MM-DD，如 "2026-03-02" / must be a date YYYY-MM-DD, e.g. "2026-03-02"'
        return `应为符合 ${node.pattern} 的文字（小写字母、数字、点和连字符）/ must be text matching ${node.pattern}`
      }
      return typeof node.minLength === 'number' && node.minLength > 0 ? '应为非空的文字 / must be non-empty text' : '应为文字 / must be text'
    }
    case 'array':
      return typeof node.minItems === 'number' && node.minItems > 0 ? `应为列表，至少 ${node.minItems} 项 / must be a list of at least ${node.minItems}` : '应为列表 / must be a list'
    case 'object': {
      const properties = Object.keys((node.properties as object | undefined) ?? {})
      const required = (node.required as string[] | undefined) ?? []
      if (!properties.length) return '应为映射 / must be a mapping'
      const atLeastOne = node.minProperties === 1
      const req = required.length ? `；必填：${required.join('、')}` : atLeastOne ? '；至少写一项（什么都不写的总是通过）' : ''
      const reqEn = required.length ? `; required: ${required.join(', ')}` : atLeastOne ? '; at least one (an empty one always passes)' : ''
      return node.additionalProperties === false
        ? `应为映射，键只能是：${properties.join('、')}${req} / must be a mapping with only the keys ${properties.join(', ')}${reqEn}`
        : `应为映射${req} / must be a mapping${reqEn}`
    }
    default:
      return undefined
  }
}

/** Walks a JSON Schema, replacing marked nodes and adding bilingual messages. */
function teach(node: unknown, facts: Readonly<Record<string, string>> | undefined, names: SchemaNames): unknown {
  if (Array.isArray(node)) return node.map((n) => teach(n, facts, names))
  if (node === null || typeof node !== 'object') return node
  let record = node as Record<string, unknown>
  if (record['x-xiaobao'] === 'condition') record = conditionLeaf(record, facts, names)
  if (record['x-xiaobao'] === 'finding-code') {
    const { 'x-xiaobao': _marker, ...rest } = record
    record = rest
    const codes = names.findingCodes ?? []
    if (codes.length) {
      const { pattern: _pattern, ...withoutPattern } = record
      record = { ...withoutPattern, enum: [...codes], errorMessage: `未知的检查代码；procedures/ 中的检查有：${list(codes, '、')}。/ unknown check code; the procedure's checks: ${list(codes, ', ')}.` }
    }
  }
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    // Keys whose values are names (properties, $defs) or literal data (enum, const, examples) keep them.
    if (key === 'enum' || key === 'const' || key === 'examples' || key === 'default' || key === 'required' || key === 'markdownEnumDescriptions') out[key] = value
    else if (key === 'properties' || key === '$defs' || key === 'patternProperties') out[key] = Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, teach(v, facts, names)]))
    else out[key] = teach(value, facts, names)
  }
  if (out.errorMessage === undefined) {
    const message = describeConstraint(out)
    if (message) out.errorMessage = message
  }
  if (typeof out.description === 'string' && out.markdownDescription === undefined) out.markdownDescription = out.description
  return out
}

/**
 * The JSON Schema of each source, as `{ '<name>.schema.json': schema }`.
 * @param names a folder's vocabularies and finding codes, listed as enums; without them, any name passes
 */
export function jsonSchemasOf(sources: readonly SchemaSource[], names: SchemaNames = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const { name, schema, facts } of sources) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
    const taught = teach(json, facts, names) as Record<string, unknown>
    delete taught.errorMessage
    out[`${name}.schema.json`] = { ...taught, title: `xiaobao rule file: ${name}` }
  }
  return out
}
