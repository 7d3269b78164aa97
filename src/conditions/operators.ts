/**
 * The one operator table, in json-rules-engine's style: for each operator its name, the check of its
 * `value` at load time, its test (json-rules-engine 7.3's expression for expression, so the compiled
 * path, the explain path and the reference engine agree), and a line of explanation for the editor and
 * the trace. Validate (`checkCondition`), compile (`routing/compiled`), explain (`evaluate.ts`) and the
 * reference engine's custom operators are all built from it.
 */

/** json-rules-engine's built-in operators. */
export const BUILTIN_OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const

/** Our operators for Chinese free text. `value` is a vocabulary name or a list of keywords. */
export const TEXT_OPERATORS = ['containsAny', 'notContainsAny'] as const

export const ALL_OPERATORS: readonly string[] = [...BUILTIN_OPERATORS, ...TEXT_OPERATORS]

export type OperatorName = (typeof BUILTIN_OPERATORS)[number] | (typeof TEXT_OPERATORS)[number]

/** A named vocabulary's keywords, or `undefined` when there is no such vocabulary. */
export type VocabularyLookup = (name: string) => readonly string[] | undefined

export interface KeywordEvidence {
  vocabulary?: string
  keywords: string[]
}

/** What is wrong with an operator's `value`, or `undefined`. `vocabularies` are the names defined. */
export type ValueCheck = (value: unknown, vocabularies: ReadonlySet<string>) => { code: 'invalid_value' | 'unknown_vocabulary'; zh: string; en: string } | undefined

export interface OperatorSpec {
  name: OperatorName
  /** A text operator: `value` names a vocabulary or lists keywords, and the evidence is the keywords found. */
  text: boolean
  /** Checks `value` when the rule file is loaded. */
  checkValue?: ValueCheck
  /** Whether `factValue` and `value` satisfy the operator. */
  test(factValue: unknown, value: unknown, vocab: VocabularyLookup): boolean
  /** One line for the editor and the trace: 事实 … 值. */
  explain: { zh: string; en: string }
}

/** json-rules-engine's fact-value validator of the numeric operators. */
export function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return value === value // parseFloat(String(n)) is NaN only for NaN
  return Number.parseFloat(value as string).toString() !== 'NaN'
}

/** The keywords of `value` (a vocabulary name or a keyword list) that occur in `text`. */
export function matchKeywords(text: unknown, value: unknown, vocab: VocabularyLookup): KeywordEvidence {
  const keywords = typeof value === 'string' ? (vocab(value) ?? []) : Array.isArray(value) ? (value as string[]) : []
  const found = typeof text === 'string' ? keywords.filter((k) => text.includes(k)) : []
  return typeof value === 'string' ? { vocabulary: value, keywords: found } : { keywords: found }
}

const listValue =
  (name: string): ValueCheck =>
  (value) =>
    Array.isArray(value) ? undefined : { code: 'invalid_value', zh: `${name} 的 value 应为列表，如 [letter, visit]。`, en: `the value of ${name} must be a list, e.g. [letter, visit].` }

const keywordValue =
  (name: string): ValueCheck =>
  (value, vocabularies) => {
    if (typeof value === 'string') {
      if (vocabularies.has(value)) return undefined
      const known = [...vocabularies]
      return {
        code: 'unknown_vocabulary',
        zh: `未知的关键词表 "${value}"，已定义的有：${known.slice(0, 40).join('、')}${known.length > 40 ? '……' : ''}。`,
        en: `unknown vocabulary "${value}"; defined: ${known.slice(0, 40).join(', ')}${known.length > 40 ? '…' : ''}.`,
      }
    }
    if (!Array.isArray(value) || value.length === 0 || value.some((k) => typeof k !== 'string' || k.trim() === '')) {
      return { code: 'invalid_value', zh: `${name} 的 value 应为关键词表的名称，或非空的关键词列表。`, en: `the value of ${name} must be a vocabulary name or a non-empty list of keywords.` }
    }
    return undefined
  }

/** Every operator, by name. */
export const OPERATORS: { readonly [K in OperatorName]: OperatorSpec } = {
  equal: { name: 'equal', text: false, test: (a, b) => a === b, explain: { zh: '等于', en: 'equals' } },
  notEqual: { name: 'notEqual', text: false, test: (a, b) => a !== b, explain: { zh: '不等于', en: 'does not equal' } },
  in: { name: 'in', text: false, checkValue: listValue('in'), test: (a, b) => (b as unknown[]).indexOf(a) > -1, explain: { zh: '是列表中的一个', en: 'is one of the list' } },
  notIn: { name: 'notIn', text: false, checkValue: listValue('notIn'), test: (a, b) => (b as unknown[]).indexOf(a) === -1, explain: { zh: '不是列表中的任何一个', en: 'is none of the list' } },
  contains: { name: 'contains', text: false, test: (a, b) => Array.isArray(a) && a.indexOf(b) > -1, explain: { zh: '（列表）包含', en: '(a list) contains' } },
  doesNotContain: { name: 'doesNotContain', text: false, test: (a, b) => Array.isArray(a) && a.indexOf(b) === -1, explain: { zh: '（列表）不包含', en: '(a list) does not contain' } },
  lessThan: { name: 'lessThan', text: false, test: (a, b) => isNumeric(a) && (a as number) < (b as number), explain: { zh: '小于', en: 'is less than' } },
  lessThanInclusive: { name: 'lessThanInclusive', text: false, test: (a, b) => isNumeric(a) && (a as number) <= (b as number), explain: { zh: '小于或等于', en: 'is at most' } },
  greaterThan: { name: 'greaterThan', text: false, test: (a, b) => isNumeric(a) && (a as number) > (b as number), explain: { zh: '大于', en: 'is greater than' } },
  greaterThanInclusive: { name: 'greaterThanInclusive', text: false, test: (a, b) => isNumeric(a) && (a as number) >= (b as number), explain: { zh: '大于或等于', en: 'is at least' } },
  containsAny: {
    name: 'containsAny',
    text: true,
    checkValue: keywordValue('containsAny'),
    test: (a, b, vocab) => matchKeywords(a, b, vocab).keywords.length > 0,
    explain: { zh: '（文字）含有关键词表中的任一词', en: '(the text) contains any keyword of' },
  },
  notContainsAny: {
    name: 'notContainsAny',
    text: true,
    checkValue: keywordValue('notContainsAny'),
    test: (a, b, vocab) => typeof a === 'string' && matchKeywords(a, b, vocab).keywords.length === 0,
    explain: { zh: '（文字）不含关键词表中的任何词', en: '(the text) contains no keyword of' },
  },
}

/** The operator named `name`, or `undefined` (an unknown operator never holds). */
export function operatorOf(name: string): OperatorSpec | undefined {
  return Object.prototype.hasOwnProperty.call(OPERATORS, name) ? OPERATORS[name as OperatorName] : undefined
}
