/**
 * A rule's condition as alternatives of keyword requirements (disjunctive normal form): each term says
 * "the text contains one keyword of each of these lists, none of those, and these facts hold". From the
 * terms the analysis builds complaint texts that satisfy two rules at once, and proves that one rule's
 * condition implies another's. Every text built here is then checked by really evaluating the rules.
 */
import type { VocabularyLookup } from '../routing/explainCondition.js'
import type { ConditionNode } from '../ruleset/schemas.js'

type Leaf = Extract<ConditionNode, { fact: string }>

export interface KeywordGroup {
  /** Vocabulary name, or the inline list joined with 、. */
  label: string
  keywords: readonly string[]
  /** The vocabulary's `together` entries (terms that count only together), each as its terms. */
  together?: readonly (readonly string[])[]
}

export interface FactLiteral {
  leaf: Leaf
  positive: boolean
  /** Identity of the literal, for comparing terms. */
  key: string
}

export interface Term {
  /** The text must contain at least one keyword of each group. */
  require: KeywordGroup[]
  /** The text must contain none of these keywords. */
  forbid: KeywordGroup[]
  /** Conditions on other facts (kind, online, severity…), positive or negated. */
  facts: FactLiteral[]
}

const TERM_LIMIT = 256

function group(value: unknown, vocab: VocabularyLookup): KeywordGroup | undefined {
  if (typeof value === 'string') {
    const together = vocab.together?.(value)
    return { label: value, keywords: vocab(value) ?? [], ...(together && together.length > 0 ? { together: together.map((t) => t.terms) } : {}) }
  }
  if (Array.isArray(value) && value.every((k) => typeof k === 'string')) return { label: (value as string[]).join('、'), keywords: value as string[] }
  return undefined
}

function product(a: Term[], b: Term[]): Term[] {
  const out: Term[] = []
  for (const x of a)
    for (const y of b) {
      out.push({ require: [...x.require, ...y.require], forbid: [...x.forbid, ...y.forbid], facts: [...x.facts, ...y.facts] })
      if (out.length > TERM_LIMIT) return out
    }
  return out
}

/**
 * The condition's terms. `complete` is false when the expansion was cut at 256 terms (then the terms
 * are still correct alternatives, but not all of them).
 */
export function termsOf(node: ConditionNode, vocab: VocabularyLookup): { terms: Term[]; complete: boolean } {
  let complete = true
  const walk = (n: ConditionNode, positive: boolean): Term[] => {
    if ('not' in n) return walk(n.not, !positive)
    if ('all' in n || 'any' in n) {
      const children = 'all' in n ? n.all : n.any
      // all (or a negated any) needs every child; any (or a negated all) needs one.
      const conjunction = 'all' in n === positive
      if (conjunction) {
        let terms: Term[] = [{ require: [], forbid: [], facts: [] }]
        for (const c of children) {
          terms = product(terms, walk(c, positive))
          if (terms.length > TERM_LIMIT) {
            complete = false
            terms = terms.slice(0, TERM_LIMIT)
          }
        }
        return terms
      }
      const terms = children.flatMap((c) => walk(c, positive))
      if (terms.length > TERM_LIMIT) complete = false
      return terms.slice(0, TERM_LIMIT)
    }
    const leaf = n
    if (leaf.fact === 'text' && !leaf.path && (leaf.operator === 'containsAny' || leaf.operator === 'notContainsAny')) {
      const g = group(leaf.value, vocab)
      if (g) {
        const requires = (leaf.operator === 'containsAny') === positive
        return [requires ? { require: [g], forbid: [], facts: [] } : { require: [], forbid: [g], facts: [] }]
      }
    }
    return [{ require: [], forbid: [], facts: [{ leaf, positive, key: `${positive ? '' : '!'}${JSON.stringify([leaf.fact, leaf.path ?? '', leaf.operator, leaf.value])}` }] }]
  }
  const terms = walk(node, true)
  return { terms, complete }
}

const forbiddenKeywords = (term: Term) => term.forbid.flatMap((g) => g.keywords)

/**
 * Whether a keyword contains none of `forbidden`. Keywords are short and forbidden lists run to hundreds of
 * words, so a long list is looked up by the keyword's substrings (a set built once per list) instead of
 * scanned once per keyword.
 */
function allowedBy(forbidden: readonly string[]): (k: string) => boolean {
  if (forbidden.length === 0) return () => true
  if (forbidden.length < 16) return (k) => !forbidden.some((f) => k.includes(f))
  const set = new Set(forbidden)
  return (k) => !containsOneOf(k, set)
}

/** Whether some substring of a (short) keyword is in `set`: a few look-ups instead of a pass over a long list. */
function containsOneOf(k: string, set: ReadonlySet<string>): boolean {
  for (let i = 0; i < k.length; i++) for (let j = i + 1; j <= k.length; j++) if (set.has(k.slice(i, j))) return true
  return false
}

/** The keywords of a group that a text obeying the term's prohibitions may use. */
export function usableKeywords(group: KeywordGroup, forbidden: readonly string[]): string[] {
  return group.keywords.filter(allowedBy(forbidden))
}

/** Why a term can never hold, or `undefined` when it may. `appliesTo` restricts the `kind` fact. */
export function contradiction(term: Term, appliesTo?: readonly string[]): string | undefined {
  const forbidden = forbiddenKeywords(term)
  const allowed = allowedBy(forbidden)
  for (const g of term.require) {
    // A `together` entry can match where no single keyword does; it is excluded only when one of its terms holds a forbidden word.
    const usableTogether = (g.together ?? []).some((terms) => terms.every(allowed))
    if (!g.keywords.some(allowed) && !usableTogether) return `关键词表「${g.label}」的每个词都被排除了 / every keyword of "${g.label}" is excluded`
  }
  const byFact = new Map<string, FactLiteral[]>()
  for (const literal of term.facts) {
    const id = `${literal.leaf.fact}${literal.leaf.path ?? ''}`
    byFact.set(id, [...(byFact.get(id) ?? []), literal])
  }
  if (appliesTo) byFact.set('kind', [...(byFact.get('kind') ?? []), { leaf: { fact: 'kind', operator: 'in', value: [...appliesTo] }, positive: true, key: 'appliesTo' }])
  for (const [fact, literals] of byFact) {
    const literalValue = (l: FactLiteral) => l.leaf.value
    if (literals.some((l) => l.leaf.value !== null && typeof l.leaf.value === 'object' && !Array.isArray(l.leaf.value))) continue // compares two facts
    const equalTo = new Set(literals.filter((l) => (l.leaf.operator === 'equal' && l.positive) || (l.leaf.operator === 'notEqual' && !l.positive)).map((l) => JSON.stringify(literalValue(l))))
    if (equalTo.size > 1) return `${fact} 不能同时等于 ${[...equalTo].join('、')} / ${fact} cannot equal ${[...equalTo].join(' and ')}`
    const [only] = [...equalTo]
    if (only === undefined) continue
    const v = JSON.parse(only) as unknown
    for (const l of literals) {
      const op = l.leaf.operator
      const value = literalValue(l)
      const excludes =
        ((op === 'equal' && !l.positive) || (op === 'notEqual' && l.positive)) && value === v
          ? true
          : ((op === 'in' && l.positive) || (op === 'notIn' && !l.positive)) && Array.isArray(value) && !value.includes(v)
            ? true
            : ((op === 'notIn' && l.positive) || (op === 'in' && !l.positive)) && Array.isArray(value) && value.includes(v)
      if (excludes) return `${fact} 的条件相互矛盾 / the conditions on ${fact} contradict each other`
    }
  }
  return undefined
}

/** True when every text and facts satisfying `t` also satisfy `h` (a sufficient, syntactic test). */
export function implies(t: Term, h: Term): boolean {
  for (const hg of h.require) {
    // Some requirement of t guarantees a keyword of hg: each of its keywords contains one of hg's.
    const forbidden = forbiddenKeywords(t)
    const guaranteed = t.require.some((tg) => {
      const usable = usableKeywords(tg, forbidden)
      return usable.length > 0 && usable.every((k) => hg.keywords.some((x) => k.includes(x)))
    })
    if (!guaranteed) return false
  }
  const tForbidden = forbiddenKeywords(t)
  // A text without x has no keyword containing x.
  for (const f of forbiddenKeywords(h)) if (!tForbidden.some((x) => f.includes(x))) return false
  const tFacts = new Set(t.facts.map((l) => l.key))
  return h.facts.every((l) => tFacts.has(l.key))
}

/** The distinct substrings of a (short) keyword. */
function substrings(k: string): Set<string> {
  const out = new Set<string>()
  for (let i = 0; i < k.length; i++) for (let j = i + 1; j <= k.length; j++) out.add(k.slice(i, j))
  return out
}

/**
 * How many of `avoid` (other rules' keywords) a keyword touches — contains, or is contained in — counted
 * once per keyword. An index of `avoid`'s substrings makes each count a few look-ups instead of a pass over
 * thousands of words; build one per `avoid` and share it between `buildText` calls.
 */
export interface AvoidScorer {
  score(k: string): number
}

export class AvoidIndex implements AvoidScorer {
  /** How many entries of `avoid` equal the key. */
  private readonly equal = new Map<string, number>()
  /** How many entries of `avoid` contain the key. */
  private readonly containing = new Map<string, number>()
  private readonly scores = new Map<string, number>()

  constructor(avoid: readonly string[]) {
    for (const a of avoid) {
      this.equal.set(a, (this.equal.get(a) ?? 0) + 1)
      for (const s of substrings(a)) this.containing.set(s, (this.containing.get(s) ?? 0) + 1)
    }
  }

  score(k: string): number {
    let n = this.scores.get(k)
    if (n === undefined) {
      // Entries containing k (k itself among them), plus entries that are a shorter part of k.
      n = this.containing.get(k) ?? 0
      for (const s of substrings(k)) if (s !== k) n += this.equal.get(s) ?? 0
      this.scores.set(k, n)
    }
    return n
  }
}

/**
 * The score against `all` less the entries of `minus` (each a part of `all`): the same count as an index of
 * what remains, without building one — `all` and the parts are built once and shared by many pairs.
 */
export class AvoidDifference implements AvoidScorer {
  private readonly scores = new Map<string, number>()

  constructor(
    private readonly all: AvoidScorer,
    private readonly minus: readonly AvoidScorer[],
  ) {}

  score(k: string): number {
    let n = this.scores.get(k)
    if (n === undefined) {
      n = this.all.score(k)
      for (const m of this.minus) n -= m.score(k)
      this.scores.set(k, n)
    }
    return n
  }
}

/**
 * A short text that contains a keyword of every required group and none of the forbidden ones, preferring
 * keywords that touch none of `avoid` (other rules' keywords). `undefined` when no such text exists.
 */
export function buildText(require: readonly KeywordGroup[], forbidden: readonly string[], avoid: readonly string[] | AvoidScorer, skip = 0): string | undefined {
  const parts: string[] = []
  const has = (k: string) => parts.some((p) => p.includes(k))
  const index = Array.isArray(avoid) ? new AvoidIndex(avoid) : (avoid as AvoidScorer)
  const score = (k: string) => index.score(k)
  // The most constrained groups first, so a keyword chosen for one may also serve a later one.
  const usableOf = new Map(require.map((g) => [g, usableKeywords(g, forbidden)]))
  const groups = [...require].sort((a, b) => usableOf.get(a)!.length - usableOf.get(b)!.length)
  // Each group's keywords as a set: whether a keyword contains one of them is a look-up of its substrings
  // (keywords are short; groups run to thousands of words).
  const sets = new Map(groups.map((g) => [g, new Set(g.keywords)]))
  let skipped = 0
  for (const g of groups) {
    if (g.keywords.some(has)) continue
    const usable = usableOf.get(g)!
    if (usable.length === 0) return undefined
    // Keywords that also satisfy other required groups, then the fewest collisions with other rules, then short.
    const serves = (k: string) => groups.filter((o) => o !== g && containsOneOf(k, sets.get(o)!)).length
    const ranked = usable
      .map((k, i) => ({ k, i, score: score(k), serves: serves(k) }))
      .sort((a, b) => a.score - b.score || b.serves - a.serves || a.k.length - b.k.length || a.i - b.i)
    // `skip` walks to the next-best choice of the first group with alternatives, for a second attempt.
    const pick = ranked[skipped === 0 && skip > 0 && ranked.length > skip ? skip : 0]!.k
    if (ranked.length > 1) skipped++
    parts.push(pick)
  }
  const text = parts.join('、')
  if (forbidden.some((f) => text.includes(f))) return undefined
  return text
}
