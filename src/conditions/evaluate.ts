/**
 * The ground-floor evaluator: evaluates a json-rules-engine condition synchronously with the same
 * semantics as json-rules-engine 7.3 (the operator table in `operators.ts`, its `path` resolution, its
 * `{ fact }` values), and records a result for every condition — no short-circuiting — with the
 * evidence: the fact's value and the keywords that matched. An optional tracer sees every node.
 */
import type { ConditionNode } from './schema.js'
import { matchKeywords, operatorOf, pushKeywordEvidence, type KeywordEvidence, type VocabularyLookup } from './operators.js'

export { matchKeywords }
export type { KeywordEvidence, VocabularyLookup }

export type Facts = Readonly<Record<string, unknown>>

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

/** Called for every node evaluated, children before their parent (OPA's topdown tracer is the model). */
export type ConditionTracer = (node: ConditionNode, trace: ConditionTrace) => void

/** A fact that held in a true condition, as evidence. */
export interface FactEvidence {
  fact: string
  path?: string
  operator: string
  value: unknown
  actual: unknown
}

/** What made a true condition true: the keywords found and the facts that held. */
export interface Evidence {
  keywords: KeywordEvidence[]
  facts: FactEvidence[]
}

/**
 * Resolves `path` the way json-rules-engine's default resolver (JSONPath, `$.a.b`) does for our paths:
 * jsonpath-plus follows own properties of any truthy value, so `$.name.length` of a non-empty string is
 * its length.
 */
export function resolvePath(value: unknown, path: string | undefined): unknown {
  return path ? resolveJrePath(value, path.slice(2).split('.')) : value
}

/**
 * The same with the path's keys split once (the compiled path calls it per evaluation): json-rules-engine
 * resolves `path` only on non-null objects (anything else is returned as it is), with jsonpath-plus,
 * which for our `$.a.b` paths follows own properties of any truthy value.
 */
export function resolveJrePath(value: unknown, keys: readonly string[]): unknown {
  if (value === null || typeof value !== 'object') return value
  let node: unknown = value
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    if (!node || !Object.prototype.hasOwnProperty.call(node, key)) return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

/** json-rules-engine's test for a `{ fact }` value. */
export function isFactReference(value: unknown): value is { fact: string; path?: string } {
  return value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, 'fact')
}

/** Compares like json-rules-engine's operators (and ours). */
export function applyOperator(operator: string, factValue: unknown, value: unknown, vocab: VocabularyLookup): boolean {
  return operatorOf(operator)?.test(factValue, value, vocab) ?? false
}

/** A fact as json-rules-engine's almanac gives it: only the facts passed in, nothing inherited. */
function factOf(facts: Facts, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(facts, name) ? facts[name] : undefined
}

function valueOf(value: unknown, facts: Facts): unknown {
  if (isFactReference(value)) return resolvePath(factOf(facts, value.fact), value.path)
  return value
}

/** A fact value as shown in a trace or evidence: texts cut to 200 characters. */
export function shorten(v: unknown) {
  return typeof v === 'string' && v.length > 200 ? v.slice(0, 200) + '…' : v
}

/**
 * Whether `node` holds for `facts`: the ground-floor semantics of `explainCondition` without its trace
 * (short-circuiting, nothing allocated), for the few conditions evaluated on every complaint outside the
 * compiled rules (a screening rule's `hint`). The fast-check property in together.test.ts pins it to
 * `explainCondition(...).result`.
 */
export function conditionHolds(node: ConditionNode, facts: Facts, vocab: VocabularyLookup): boolean {
  if ('all' in node) {
    for (const c of node.all) if (!conditionHolds(c, facts, vocab)) return false
    return true
  }
  if ('any' in node) {
    for (const c of node.any) if (conditionHolds(c, facts, vocab)) return true
    return false
  }
  if ('not' in node) return !conditionHolds(node.not, facts, vocab)
  return applyOperator(node.operator, resolvePath(factOf(facts, node.fact), node.path), valueOf(node.value, facts), vocab)
}

/** Evaluates every condition of `node` against `facts` and returns the full trace. */
export function explainCondition(node: ConditionNode, facts: Facts, vocab: VocabularyLookup, tracer?: ConditionTracer): ConditionTrace {
  const trace = explainNode(node, facts, vocab, tracer)
  tracer?.(node, trace)
  return trace
}

function explainNode(node: ConditionNode, facts: Facts, vocab: VocabularyLookup, tracer: ConditionTracer | undefined): ConditionTrace {
  if ('all' in node) {
    const children = node.all.map((c) => explainCondition(c, facts, vocab, tracer))
    return { kind: 'all', result: children.every((c) => c.result), children }
  }
  if ('any' in node) {
    const children = node.any.map((c) => explainCondition(c, facts, vocab, tracer))
    return { kind: 'any', result: children.some((c) => c.result), children }
  }
  if ('not' in node) {
    const child = explainCondition(node.not, facts, vocab, tracer)
    return { kind: 'not', result: !child.result, children: [child] }
  }
  const factValue = resolvePath(factOf(facts, node.fact), node.path)
  const value = valueOf(node.value, facts)
  const spec = operatorOf(node.operator)
  // A text operator's evidence is the keywords, found once and its result read from them; the text itself is in the input.
  const matched = spec?.text ? matchKeywords(factValue, value, vocab) : undefined
  if (matched && node.fact !== 'text') matched.fact = node.fact
  const result = matched && spec?.fromEvidence ? spec.fromEvidence(factValue, matched) : applyOperator(node.operator, factValue, value, vocab)
  const trace: ConditionTrace = { kind: 'leaf', result, fact: node.fact, operator: node.operator, value: node.value, ...(matched ? {} : { factValue: shorten(factValue) }) }
  if (node.path) trace.path = node.path
  if (matched) trace.matched = matched
  return trace
}

/** The keywords and facts that made a true condition true (what a clerk needs to see). */
export function evidenceOf(trace: ConditionTrace): Evidence {
  const keywords: KeywordEvidence[] = []
  const facts: FactEvidence[] = []
  const walk = (t: ConditionTrace, positive: boolean) => {
    if (t.kind === 'leaf') {
      if (!t.result) return
      if (t.operator === 'containsAny' && positive && t.matched) pushKeywordEvidence(keywords, t.matched)
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

/**
 * The keywords of some evidence in a line of text for a clerk, zh and en: each word with where it is
 * (its offset in the normalised text), each together term with where its terms are, and each word that
 * did not count because it lay inside a longer word of another meaning, with that word and where it is.
 * Empty strings when there is nothing to say.
 */
export function describeKeywords(evidence: readonly KeywordEvidence[]): { zh: string; en: string } {
  // Runs for every decision (its confidence reasons): plain concatenation, no intermediate arrays.
  let zh = ''
  let en = ''
  let said = ''
  for (let v = 0; v < evidence.length; v++) {
    const e = evidence[v]!
    const { keywords, at, together, suppressed } = e
    // Words found in another fact than the text (the respondent's name) say so: their offsets are in it.
    const inZh = e.fact === undefined ? '' : e.fact === 'respondentName' ? '被投诉人名称，' : e.fact + '，'
    const inEn = e.fact === undefined ? '' : e.fact === 'respondentName' ? "respondent's name, " : e.fact + ', '
    for (let i = 0; i < keywords.length; i++) {
      const keyword = keywords[i]!
      const term = together === undefined ? undefined : together.find((t) => t.term === keyword)
      const where = term ? term.at.join('、') : at === undefined ? '' : String(at[i])
      if (evidence.length > 1) {
        // Two conditions may find the same word: say it once.
        const key = '\u0000' + inEn + keyword + '@' + where + '\u0000'
        if (said.includes(key)) continue
        said += key
      }
      if (term) {
        zh += (zh ? '、' : '') + '「' + keyword + '」（位置 ' + where + (term.within === 'clause' ? '，同一分句）' : '，' + term.within + ' 字内）')
        en += (en ? '; ' : '') + '"' + keyword + '" (offset ' + term.at.join(', ') + (term.within === 'clause' ? ', one clause)' : ', within ' + term.within + ')')
      } else {
        zh += (zh ? '、' : '') + '「' + keyword + '」（' + inZh + '位置 ' + where + '）'
        en += (en ? '; ' : '') + '"' + keyword + '" (' + inEn + 'offset ' + where + ')'
      }
    }
    if (suppressed === undefined) continue
    for (const s of suppressed) {
      if (evidence.length > 1) {
        const key = '\u0000' + s.keyword + '@' + s.at + '<' + s.by + '\u0000'
        if (said.includes(key)) continue
        said += key
      }
      zh += (zh ? '、' : '') + '「' + s.keyword + '」（位置 ' + s.at + '）在「' + s.by + '」（位置 ' + s.byAt + '）里，不算'
      en += (en ? '; ' : '') + '"' + s.keyword + '" (offset ' + s.at + ') not counted: inside "' + s.by + '" (offset ' + s.byAt + ')'
    }
  }
  return { zh, en }
}
