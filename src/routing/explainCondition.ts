/**
 * Evaluates a json-rules-engine condition synchronously with the same semantics as json-rules-engine
 * 7.3 (its operators, its `path` resolution, its `{ fact }` values), and records a result for every
 * condition — no short-circuiting — with the evidence: the fact's value and the keywords that matched.
 */
import type { ConditionNode } from '../ruleset/schemas.js'

export type Facts = Readonly<Record<string, unknown>>

export interface KeywordEvidence {
  vocabulary?: string
  keywords: string[]
}

export interface ConditionTrace {
  /** `all` / `any` / `not`, or the leaf's `fact operator value`. */
  kind: 'all' | 'any' | 'not' | 'leaf'
  result: boolean
  fact?: string
  path?: string
  operator?: string
  value?: unknown
  /** The fact's value as compared (texts are cut to 200 characters). */
  factValue?: unknown
  /** For text operators: the keywords found in the text. */
  matched?: KeywordEvidence
  children?: ConditionTrace[]
}

export type VocabularyLookup = (name: string) => readonly string[] | undefined

/**
 * Resolves `path` the way json-rules-engine's default resolver (JSONPath, `$.a.b`) does for our paths:
 * jsonpath-plus follows own properties of any truthy value, so `$.name.length` of a non-empty string is
 * its length.
 */
export function resolvePath(value: unknown, path: string | undefined): unknown {
  if (!path) return value
  if (value === null || typeof value !== 'object') return value // json-rules-engine returns non-objects as they are
  let node: unknown = value
  for (const key of path.slice(2).split('.')) {
    if (!node || !Object.prototype.hasOwnProperty.call(node, key)) return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

function isNumeric(v: unknown) {
  return Number.parseFloat(v as string).toString() !== 'NaN'
}

/** The keywords of `value` (a vocabulary name or a keyword list) that occur in `text`. */
export function matchKeywords(text: unknown, value: unknown, vocab: VocabularyLookup): KeywordEvidence {
  const keywords = typeof value === 'string' ? (vocab(value) ?? []) : Array.isArray(value) ? (value as string[]) : []
  const found = typeof text === 'string' ? keywords.filter((k) => text.includes(k)) : []
  return typeof value === 'string' ? { vocabulary: value, keywords: found } : { keywords: found }
}

/** Compares like json-rules-engine's operators (and ours). */
export function applyOperator(operator: string, factValue: unknown, value: unknown, vocab: VocabularyLookup): boolean {
  switch (operator) {
    case 'equal':
      return factValue === value
    case 'notEqual':
      return factValue !== value
    case 'in':
      return Array.isArray(value) && value.indexOf(factValue) > -1
    case 'notIn':
      return Array.isArray(value) && value.indexOf(factValue) === -1
    case 'contains':
      return Array.isArray(factValue) && factValue.indexOf(value) > -1
    case 'doesNotContain':
      return Array.isArray(factValue) && factValue.indexOf(value) === -1
    case 'lessThan':
      return isNumeric(factValue) && (factValue as number) < (value as number)
    case 'lessThanInclusive':
      return isNumeric(factValue) && (factValue as number) <= (value as number)
    case 'greaterThan':
      return isNumeric(factValue) && (factValue as number) > (value as number)
    case 'greaterThanInclusive':
      return isNumeric(factValue) && (factValue as number) >= (value as number)
    case 'containsAny':
      return matchKeywords(factValue, value, vocab).keywords.length > 0
    case 'notContainsAny':
      return typeof factValue === 'string' && matchKeywords(factValue, value, vocab).keywords.length === 0
    default:
      return false
  }
}

/** A fact as json-rules-engine's almanac gives it: only the facts passed in, nothing inherited. */
function factOf(facts: Facts, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(facts, name) ? facts[name] : undefined
}

function valueOf(value: unknown, facts: Facts): unknown {
  if (value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, 'fact')) {
    const ref = value as { fact: string; path?: string }
    return resolvePath(factOf(facts, ref.fact), ref.path)
  }
  return value
}

function shorten(v: unknown) {
  return typeof v === 'string' && v.length > 200 ? v.slice(0, 200) + '…' : v
}

/** Evaluates every condition of `node` against `facts` and returns the full trace. */
export function explainCondition(node: ConditionNode, facts: Facts, vocab: VocabularyLookup): ConditionTrace {
  if ('all' in node) {
    const children = node.all.map((c) => explainCondition(c, facts, vocab))
    return { kind: 'all', result: children.every((c) => c.result), children }
  }
  if ('any' in node) {
    const children = node.any.map((c) => explainCondition(c, facts, vocab))
    return { kind: 'any', result: children.some((c) => c.result), children }
  }
  if ('not' in node) {
    const child = explainCondition(node.not, facts, vocab)
    return { kind: 'not', result: !child.result, children: [child] }
  }
  const factValue = resolvePath(factOf(facts, node.fact), node.path)
  const value = valueOf(node.value, facts)
  const result = applyOperator(node.operator, factValue, value, vocab)
  const trace: ConditionTrace = { kind: 'leaf', result, fact: node.fact, operator: node.operator, value: node.value, factValue: shorten(factValue) }
  if (node.path) trace.path = node.path
  if (node.operator === 'containsAny' || node.operator === 'notContainsAny') {
    trace.matched = matchKeywords(factValue, value, vocab)
    delete trace.factValue // the text itself is in the input; the evidence is the keywords
  }
  return trace
}

/** The keywords and facts that made a true condition true (what a clerk needs to see). */
export function evidenceOf(trace: ConditionTrace): { keywords: KeywordEvidence[]; facts: { fact: string; path?: string; operator: string; value: unknown; actual: unknown }[] } {
  const keywords: KeywordEvidence[] = []
  const facts: { fact: string; path?: string; operator: string; value: unknown; actual: unknown }[] = []
  const walk = (t: ConditionTrace, positive: boolean) => {
    if (t.kind === 'leaf') {
      if (!t.result) return
      if (t.operator === 'containsAny' && positive && t.matched) keywords.push(t.matched)
      else if (t.operator !== 'containsAny' && t.operator !== 'notContainsAny')
        facts.push({ fact: t.fact!, ...(t.path ? { path: t.path } : {}), operator: t.operator!, value: t.value, actual: t.factValue })
      return
    }
    if (t.kind === 'not') return walk(t.children![0]!, !positive)
    for (const c of t.children ?? []) if (c.result) walk(c, positive)
  }
  walk(trace, true)
  return { keywords, facts }
}
