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
export type VocabularyLookup = ((name: string) => readonly string[] | undefined) & {
  /** The longer words of another meaning that a vocabulary's keywords do not count inside (`notInside`). */
  notInside?: (name: string) => readonly string[] | undefined
  /** The vocabulary's terms that count only together (`together`). */
  together?: (name: string) => readonly TogetherTerm[] | undefined
}

/**
 * Terms that count only together (「信用卡……被收取年费」): every one of `terms` occurs, all in one clause
 * (`within: 'clause'`) or all in a window of `within` characters (from the start of the first to the end
 * of the last). Order does not matter. The hit is reported as `label`, the terms joined by 「…」.
 */
export interface TogetherTerm {
  terms: readonly string[]
  within: number | 'clause'
  label: string
}

/**
 * What ends a clause for `within: clause` — a constant of the vocabulary format, not a keyword list:
 * 。！？；， and their half-width forms !?;, (the text is NFKC-normalised, so ，becomes ,), and line
 * breaks. Not the full stop '.' (a decimal point: 182.6元), not 、 (it lists, inside a clause), not
 * …… or ： (「信用卡……被收取年费」 is one clause).
 */
export const CLAUSE_MARKS = '。！？；，!?;,\n\r'

/** What joins a together term's terms in its label. */
export const TOGETHER_JOIN = '…'

/** The label a together term is reported under: its terms joined by 「…」. */
export const togetherLabel = (terms: readonly string[]) => terms.join(TOGETHER_JOIN)

/** The lookup of a rule set's vocabularies: their keywords, the words their keywords do not count inside, their together terms. */
export function vocabularyLookup(
  vocabularies: Readonly<Record<string, { keywords: readonly string[]; notInside?: readonly string[]; together?: readonly TogetherTerm[] } | undefined>>,
): VocabularyLookup {
  const own = (name: string) => (Object.prototype.hasOwnProperty.call(vocabularies, name) ? vocabularies[name] : undefined)
  const lookup = ((name: string) => own(name)?.keywords) as VocabularyLookup
  lookup.notInside = (name) => own(name)?.notInside
  lookup.together = (name) => own(name)?.together
  return lookup
}

/**
 * Whether `keyword` occurs in `text` somewhere that is not inside one of `guards` (longer words of
 * another meaning): 「水表」 occurs in 「汤水表面」 only inside 「汤水表面」, so not at all.
 */
export function occursOutside(text: string, keyword: string, guards: readonly string[]): boolean {
  return firstOutside(text, keyword, guards) >= 0
}

/** Where the first occurrence of `keyword` outside every guard starts, or -1. */
export function firstOutside(text: string, keyword: string, guards: readonly string[]): number {
  for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) if (coverOf(text, at, keyword, guards) === undefined) return at
  return -1
}

/** The guard word that the occurrence of `keyword` at `at` lies inside, and where that word starts; `undefined` if none. */
export function coverOf(text: string, at: number, keyword: string, guards: readonly string[]): { by: string; byAt: number } | undefined {
  for (let g = 0; g < guards.length; g++) {
    const guard = guards[g]!
    for (let o = guard.indexOf(keyword); o >= 0; o = guard.indexOf(keyword, o + 1)) {
      if (at >= o && text.startsWith(guard, at - o)) return { by: guard, byAt: at - o }
    }
  }
  return undefined
}

/** Whether `text` has a clause mark (`CLAUSE_MARKS`) in [from, to). */
function crossesClause(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (CLAUSE_MARKS.includes(text[i]!)) return true
  return false
}

/**
 * Where the terms of `term` occur together in `text` (each outside the vocabulary's `guards`): the start
 * of each term, in the order of `term.terms`, for the leftmost group that satisfies `within`; `undefined`
 * when there is none.
 */
export function findTogether(text: string, term: TogetherTerm, guards: readonly string[] | undefined): number[] | undefined {
  const n = term.terms.length
  const starts: number[][] = []
  for (let i = 0; i < n; i++) {
    const word = term.terms[i]!
    const list: number[] = []
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) if (!guards || coverOf(text, at, word, guards) === undefined) list.push(at)
    if (list.length === 0) return undefined
    starts.push(list)
  }
  // The leftmost term of a group starts at one of the occurrences; from each, leftmost first, every other
  // term takes its first occurrence at or after it (which ends the group as early as it can end).
  const anchors = [...new Set(starts.flat())].sort((a, b) => a - b)
  for (const from of anchors) {
    const chosen: number[] = []
    let end = from
    for (let i = 0; i < n; i++) {
      const at = starts[i]!.find((x) => x >= from)
      if (at === undefined) return undefined // a later anchor has fewer occurrences after it
      chosen.push(at)
      end = Math.max(end, at + term.terms[i]!.length)
    }
    if (term.within === 'clause' ? !crossesClause(text, from, end) : end - from <= term.within) return chosen
  }
  return undefined
}

/**
 * What a text condition found, for the trace. `keywords` are the vocabulary's keywords that count (then
 * the labels of its together terms that hold), `at` where each first counts (offsets in the normalised
 * text, parallel to `keywords`); `together` gives each together term's terms and offsets; `suppressed`
 * the keywords that occur only inside a longer `notInside` word, with that word and where it starts.
 */
export interface KeywordEvidence {
  vocabulary?: string
  keywords: string[]
  at?: number[]
  together?: { term: string; terms: string[]; within: number | 'clause'; at: number[] }[]
  suppressed?: { keyword: string; at: number; by: string; byAt: number }[]
  /** The fact the words were found in, when it is not `text` (e.g. `respondentName`): the offsets are in that fact's value. */
  fact?: string
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined || a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function sameEach<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined || a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (!same(a[i]!, b[i]!)) return false
  return true
}

type TogetherEvidence = NonNullable<KeywordEvidence['together']>[number]
type SuppressedEvidence = NonNullable<KeywordEvidence['suppressed']>[number]

const sameTogether = (x: TogetherEvidence, y: TogetherEvidence): boolean => x.term === y.term && x.within === y.within && sameList(x.terms, y.terms) && sameList(x.at, y.at)
const sameSuppressed = (x: SuppressedEvidence, y: SuppressedEvidence): boolean => x.keyword === y.keyword && x.at === y.at && x.by === y.by && x.byAt === y.byAt

/**
 * Adds a text condition's evidence to a rule's list unless the list already has the same (two leaves of
 * one rule naming the same vocabulary find the same words at the same places: the trace says it once).
 */
export function pushKeywordEvidence(list: KeywordEvidence[], evidence: KeywordEvidence): void {
  for (let i = 0; i < list.length; i++) {
    const o = list[i]!
    if (
      o.vocabulary === evidence.vocabulary &&
      o.fact === evidence.fact &&
      sameList(o.keywords, evidence.keywords) &&
      sameList(o.at, evidence.at) &&
      sameEach(o.together, evidence.together, sameTogether) &&
      sameEach(o.suppressed, evidence.suppressed, sameSuppressed)
    )
      return
  }
  list.push(evidence)
}

/**
 * The evidence of a text condition on `text`: `candidates` are the keywords (in vocabulary order) that
 * may occur — all of them, or those a scan has seen; the result is the same either way.
 */
export function keywordEvidence(text: string, vocabulary: string | undefined, candidates: readonly string[], guards: readonly string[] | undefined, together: readonly TogetherTerm[] | undefined): KeywordEvidence {
  const keywords: string[] = []
  const at: number[] = []
  let suppressed: KeywordEvidence['suppressed']
  for (let i = 0; i < candidates.length; i++) {
    const keyword = candidates[i]!
    const first = text.indexOf(keyword)
    if (first < 0) continue
    if (!guards) {
      keywords.push(keyword)
      at.push(first)
      continue
    }
    const outside = firstOutside(text, keyword, guards)
    if (outside >= 0) {
      keywords.push(keyword)
      at.push(outside)
      continue
    }
    for (let o = first; o >= 0; o = text.indexOf(keyword, o + 1)) (suppressed ??= []).push({ keyword, at: o, ...coverOf(text, o, keyword, guards)! })
  }
  let found: KeywordEvidence['together']
  for (const term of together ?? []) {
    const offsets = findTogether(text, term, guards)
    if (!offsets) continue
    keywords.push(term.label)
    at.push(Math.min(...offsets))
    ;(found ??= []).push({ term: term.label, terms: [...term.terms], within: term.within, at: offsets })
  }
  const evidence: KeywordEvidence = vocabulary !== undefined ? { vocabulary, keywords } : { keywords }
  if (keywords.length > 0) evidence.at = at
  if (found) evidence.together = found
  if (suppressed) evidence.suppressed = suppressed
  return evidence
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
  /**
   * A text operator's result from the evidence `matchKeywords` found (the same answer as `test`; a test pins
   * it), so an explaining evaluation scans the text once, not twice.
   */
  fromEvidence?(factValue: unknown, evidence: KeywordEvidence): boolean
  /** One line for the editor and the trace: 事实 … 值. */
  explain: { zh: string; en: string }
}

/** json-rules-engine's fact-value validator of the numeric operators. */
export function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return value === value // parseFloat(String(n)) is NaN only for NaN
  return Number.parseFloat(value as string).toString() !== 'NaN'
}

/** The keywords of `value` (a vocabulary name or a keyword list) that occur in `text`, with where (see `keywordEvidence`). */
export function matchKeywords(text: unknown, value: unknown, vocab: VocabularyLookup): KeywordEvidence {
  const named = typeof value === 'string'
  const keywords = named ? (vocab(value) ?? []) : Array.isArray(value) ? (value as string[]) : []
  if (typeof text !== 'string') return named ? { vocabulary: value, keywords: [] } : { keywords: [] }
  return keywordEvidence(text, named ? value : undefined, keywords, named ? vocab.notInside?.(value) : undefined, named ? vocab.together?.(value) : undefined)
}

/** Whether some keyword of `value` counts in `text` (what `containsAny` tests; `matchKeywords` without the evidence). */
export function hasKeyword(text: unknown, value: unknown, vocab: VocabularyLookup): boolean {
  if (typeof text !== 'string') return false
  const named = typeof value === 'string'
  const keywords = named ? (vocab(value) ?? []) : Array.isArray(value) ? (value as string[]) : []
  const guards = named ? vocab.notInside?.(value) : undefined
  for (let i = 0; i < keywords.length; i++) if (guards ? occursOutside(text, keywords[i]!, guards) : text.includes(keywords[i]!)) return true
  if (named) for (const term of vocab.together?.(value) ?? []) if (findTogether(text, term, guards)) return true
  return false
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
    test: (a, b, vocab) => hasKeyword(a, b, vocab),
    fromEvidence: (_a, evidence) => evidence.keywords.length > 0,
    explain: { zh: '（文字）含有关键词表中的任一词', en: '(the text) contains any keyword of' },
  },
  notContainsAny: {
    name: 'notContainsAny',
    text: true,
    checkValue: keywordValue('notContainsAny'),
    test: (a, b, vocab) => typeof a === 'string' && !hasKeyword(a, b, vocab),
    fromEvidence: (a, evidence) => typeof a === 'string' && evidence.keywords.length === 0,
    explain: { zh: '（文字）不含关键词表中的任何词', en: '(the text) contains no keyword of' },
  },
}

/** The operator named `name`, or `undefined` (an unknown operator never holds). */
export function operatorOf(name: string): OperatorSpec | undefined {
  return Object.prototype.hasOwnProperty.call(OPERATORS, name) ? OPERATORS[name as OperatorName] : undefined
}
