/**
 * Compiles one json-rules-engine condition into synchronous closures with json-rules-engine 7.3's exact
 * semantics: its built-in operators with their fact-value validators, its `path` resolution (JSONPath
 * through jsonpath-plus, non-objects returned as they are), its `{ fact }` values, undefined facts
 * allowed. Text conditions on the `text` fact read the result of the one keyword scan (see
 * `compileRuleSet.ts`); any other shape falls back to the same operator the reference engine runs.
 */
import type { ConditionNode } from '../../ruleset/schemas.js'
import { applyOperator, isFactReference, matchKeywords, resolveJrePath, shorten, type ConditionTrace, type Evidence, type Facts, type KeywordEvidence, type VocabularyLookup } from '../../conditions/evaluate.js'
import { keywordEvidence, operatorOf, pushKeywordEvidence, type TogetherTerm } from '../../conditions/operators.js'
import type { RoutingFactName } from '../facts.js'
import { createKeywordTester } from './keywordTester.js'

export type { Evidence, FactEvidence } from '../../conditions/evaluate.js'

export interface CompiledCondition {
  /** Whether the condition holds (what json-rules-engine would say). */
  test(facts: Facts): boolean
  /** The evidence `evidenceOf(explainCondition(…))` would give, without building the trace. */
  collect(facts: Facts, positive: boolean, out: Evidence, offsets?: boolean): void
  /** The full trace `explainCondition` would give. */
  explain(facts: Facts): ConditionTrace
  /**
   * A condition that, for a scanned text, is whether keyword set `scanSet` was seen (`scanWant`) or not:
   * a literal `containsAny`/`notContainsAny` on `text`, or its `not`. Its parent reads the scan directly.
   */
  scanSet?: number
  scanWant?: boolean
}

/** The outcome of the current text scan, shared by every compiled text condition of a rule set. */
export interface ScanState {
  /** The scanned text, or `undefined` when the `text` fact was not a string (then nothing is cached). */
  text: string | undefined
  epoch: number
  /** `setSeen[set] === epoch`: some keyword of the keyword set occurs in the text. */
  setSeen: Int32Array
  /** `patternSeen[pattern] === epoch`: the keyword occurs in the text. */
  patternSeen: Int32Array
}

/** A named vocabulary or an inline keyword list, registered with the rule set's one matcher. */
export interface KeywordSet {
  id: number
  /** The vocabulary name, when the condition names one. */
  vocabulary?: string
  keywords: readonly string[]
  /** The matcher's pattern id of each keyword, in the same order. */
  patternIds: readonly number[]
  /** The vocabulary's `notInside` words, when it has any. */
  guards?: readonly string[]
  /**
   * The vocabulary's terms that count only together, and the pattern ids of each one's terms: checked
   * after the scan when every term of one occurs; their words alone never mark the set.
   */
  together?: { terms: readonly TogetherTerm[]; patternIds: readonly (readonly number[])[] }
}

export interface CompileContext {
  state: ScanState
  vocab: VocabularyLookup
  /** Registers (or finds) the keyword set for a text condition's value; `undefined` if it cannot be one. */
  keywordSet(value: unknown): KeywordSet | undefined
}

const hasOwn = Object.prototype.hasOwnProperty

/**
 * One accessor per routing fact, each its own function so each property read stays monomorphic (a
 * shared `facts[name]` would be a megamorphic keyed load on every condition — measured 5× slower).
 */
const ACCESSORS: Record<RoutingFactName, (facts: Facts) => unknown> = {
  text: (f) => f.text,
  kind: (f) => f.kind,
  channel: (f) => f.channel,
  severity: (f) => f.severity,
  receivedOn: (f) => f.receivedOn,
  respondent: (f) => f.respondent,
  online: (f) => f.online,
  inPlatform: (f) => f.inPlatform,
  ownCounty: (f) => f.ownCounty,
  respondentCounty: (f) => f.respondentCounty,
  respondentInCounty: (f) => f.respondentInCounty,
  respondentOperatesIn: (f) => f.respondentOperatesIn,
  respondentDomicile: (f) => f.respondentDomicile,
  platformCounty: (f) => f.platformCounty,
  occurredIn: (f) => f.occurredIn,
  adMedium: (f) => f.adMedium,
  adSelfPublished: (f) => f.adSelfPublished,
  adPublisherCounty: (f) => f.adPublisherCounty,
  adAdvertiserCounty: (f) => f.adAdvertiserCounty,
  forLivingConsumption: (f) => f.forLivingConsumption,
  handledElsewhere: (f) => f.handledElsewhere,
  yearsSinceHarmKnown: (f) => f.yearsSinceHarmKnown,
  harmKnownOnGiven: (f) => f.harmKnownOnGiven,
  yearsSinceTextDate: (f) => f.yearsSinceTextDate,
  respondentName: (f) => f.respondentName,
  category: (f) => f.category,
  categoryLead: (f) => f.categoryLead,
  categoryOutOfScope: (f) => f.categoryOutOfScope,
  categoryByRespondent: (f) => f.categoryByRespondent,
}

/** `facts[name]` as json-rules-engine's almanac sees it: only the facts given, nothing inherited. */
export function factGetter(name: string): (facts: Facts) => unknown {
  if (name in Object.prototype) return (facts) => (hasOwn.call(facts, name) ? facts[name] : undefined)
  return hasOwn.call(ACCESSORS, name) ? ACCESSORS[name as RoutingFactName] : (facts) => facts[name]
}

function valueGetter(fact: string, path: string | undefined): (facts: Facts) => unknown {
  const get = factGetter(fact)
  if (!path) return get
  const keys = path.slice(2).split('.')
  return (facts) => resolveJrePath(get(facts), keys)
}

export { isFactReference, resolveJrePath }

/** Compiles `node`. Unknown operators compile to "false", as our explain evaluator says. */
export function compileCondition(node: ConditionNode, ctx: CompileContext): CompiledCondition {
  if ('all' in node) return compileAll(node.all.map((c) => compileCondition(c, ctx)), ctx.state)
  if ('any' in node) return compileAny(node.any.map((c) => compileCondition(c, ctx)), ctx.state)
  if ('not' in node) return compileNot(compileCondition(node.not, ctx))
  return compileLeaf(node, ctx)
}

/**
 * The children of an `all` or `any` that read the scan (`scanSet`), as the sets and the answers wanted,
 * and the tests of the others. A scanned text then costs one array read per keyword-set child instead
 * of a call; the answer is the same whatever the order, as every test is pure.
 */
function splitScanned(children: readonly CompiledCondition[]): { sets: Int32Array; want: Uint8Array; others: ((facts: Facts) => boolean)[] } {
  const scanned = children.filter((c) => c.scanSet !== undefined)
  return {
    sets: Int32Array.from(scanned, (c) => c.scanSet!),
    want: Uint8Array.from(scanned, (c) => (c.scanWant ? 1 : 0)),
    others: children.filter((c) => c.scanSet === undefined).map((c) => c.test),
  }
}

function compileAll(children: CompiledCondition[], state: ScanState): CompiledCondition {
  const n = children.length
  const tests = children.map((c) => c.test)
  const each = (facts: Facts) => {
    for (let i = 0; i < n; i++) if (!tests[i]!(facts)) return false
    return true
  }
  const { sets, want, others } = splitScanned(children)
  return {
    // One child is the condition itself.
    ...(n === 1 && children[0]!.scanSet !== undefined ? { scanSet: children[0]!.scanSet, scanWant: children[0]!.scanWant } : {}),
    test:
      n === 1
        ? tests[0]!
        : sets.length === 0
          ? each
          : (facts) => {
              // Without a scanned text (the `text` fact not a string), every child's own test.
              if (state.text === undefined) return each(facts)
              const seen = state.setSeen
              const epoch = state.epoch
              for (let i = 0; i < sets.length; i++) if ((seen[sets[i]!] === epoch ? 1 : 0) !== want[i]) return false
              for (let i = 0; i < others.length; i++) if (!others[i]!(facts)) return false
              return true
            },
    collect(facts, positive, out, offsets) {
      for (let i = 0; i < n; i++) if (tests[i]!(facts)) children[i]!.collect(facts, positive, out, offsets)
    },
    explain(facts) {
      const traces = children.map((c) => c.explain(facts))
      return { kind: 'all', result: traces.every((c) => c.result), children: traces }
    },
  }
}

// compileAny mirrors compileAll line for line (every `false` a `true`): kept as two functions on purpose, so each hot
// `test` closure has no per-iteration flag and its own call-site feedback (not measured as one helper; in stop 18 a
// shared helper elsewhere on this path, fastComplaint's `put`, did measure slower).
function compileAny(children: CompiledCondition[], state: ScanState): CompiledCondition {
  const n = children.length
  const tests = children.map((c) => c.test)
  const each = (facts: Facts) => {
    for (let i = 0; i < n; i++) if (tests[i]!(facts)) return true
    return false
  }
  const { sets, want, others } = splitScanned(children)
  return {
    // One child is the condition itself.
    ...(n === 1 && children[0]!.scanSet !== undefined ? { scanSet: children[0]!.scanSet, scanWant: children[0]!.scanWant } : {}),
    test:
      n === 1
        ? tests[0]!
        : sets.length === 0
          ? each
          : (facts) => {
              if (state.text === undefined) return each(facts)
              const seen = state.setSeen
              const epoch = state.epoch
              for (let i = 0; i < sets.length; i++) if ((seen[sets[i]!] === epoch ? 1 : 0) === want[i]) return true
              for (let i = 0; i < others.length; i++) if (others[i]!(facts)) return true
              return false
            },
    collect(facts, positive, out, offsets) {
      for (let i = 0; i < n; i++) if (tests[i]!(facts)) children[i]!.collect(facts, positive, out, offsets)
    },
    explain(facts) {
      const traces = children.map((c) => c.explain(facts))
      return { kind: 'any', result: traces.some((c) => c.result), children: traces }
    },
  }
}

function compileNot(child: CompiledCondition): CompiledCondition {
  const inner = child.test
  return {
    ...(child.scanSet !== undefined ? { scanSet: child.scanSet, scanWant: !child.scanWant } : {}),
    test: (facts) => !inner(facts),
    collect: (facts, positive, out, offsets) => child.collect(facts, !positive, out, offsets),
    explain(facts) {
      const trace = child.explain(facts)
      return { kind: 'not', result: !trace.result, children: [trace] }
    },
  }
}

type Leaf = Extract<ConditionNode, { fact: string }>

function compileLeaf(node: Leaf, ctx: CompileContext): CompiledCondition {
  const { fact, operator, path } = node
  const factValue = valueGetter(fact, path)
  const isText = operator === 'containsAny' || operator === 'notContainsAny'
  const reference = isFactReference(node.value) ? (node.value as { fact: string; path?: string }) : undefined
  const value: (facts: Facts) => unknown = reference ? valueGetter(reference.fact, reference.path) : () => node.value

  let test: (facts: Facts) => boolean
  let matched: (facts: Facts, offsets?: boolean) => KeywordEvidence
  let scanned: { scanSet: number; scanWant: boolean } | undefined
  if (isText) {
    const generic = (facts: Facts) => applyOperator(operator, factValue(facts), value(facts), ctx.vocab)
    matched = (facts) => matchKeywords(factValue(facts), value(facts), ctx.vocab)
    // The `text` fact is a string; a path on a string returns it as it is. So every literal text
    // condition on `text` reads the scan, whatever its path.
    const set = fact === 'text' && !reference ? ctx.keywordSet(node.value) : undefined
    if (set) {
      const { state } = ctx
      const { id, keywords, patternIds, vocabulary } = set
      scanned = { scanSet: id, scanWant: operator === 'containsAny' }
      test =
        operator === 'containsAny'
          ? (facts) => (state.text === undefined ? generic(facts) : state.setSeen[id] === state.epoch)
          : (facts) => (state.text === undefined ? generic(facts) : state.setSeen[id] !== state.epoch)
      matched = (facts, offsets = true) => {
        const text = state.text
        if (text === undefined) return matchKeywords(factValue(facts), value(facts), ctx.vocab)
        // The keywords the scan saw, in vocabulary order: the evidence is then what matchKeywords gives.
        if (set.guards === undefined && set.together === undefined) {
          // The common case, without the general helper's bookkeeping: each seen word and where it first
          // is (where only when asked: a lean decision counts the words and never shows them).
          const found: string[] = []
          const at: number[] = []
          for (let i = 0; i < patternIds.length; i++) {
            if (state.patternSeen[patternIds[i]!] !== state.epoch) continue
            found.push(keywords[i]!)
            if (offsets) at.push(text.indexOf(keywords[i]!))
          }
          const evidence: KeywordEvidence = vocabulary !== undefined ? { vocabulary, keywords: found } : { keywords: found }
          if (found.length > 0 && offsets) evidence.at = at
          return evidence
        }
        const seen: string[] = []
        for (let i = 0; i < patternIds.length; i++) if (state.patternSeen[patternIds[i]!] === state.epoch) seen.push(keywords[i]!)
        return keywordEvidence(text, vocabulary, seen, set.guards, set.together && presentTerms(set.together, state))
      }
    } else {
      // Another string fact (the respondent's name): one scan instead of a try per keyword.
      const named = typeof node.value === 'string'
      const listed = Array.isArray(node.value) && node.value.every((k) => typeof k === 'string')
      const keywords = reference ? undefined : named ? (ctx.vocab(node.value as string) ?? []) : listed ? (node.value as string[]) : undefined
      const tester = keywords && createKeywordTester(keywords, named ? ctx.vocab.notInside?.(node.value as string) : undefined, named ? ctx.vocab.together?.(node.value as string) : undefined)
      if (tester) {
        test =
          operator === 'containsAny'
            ? (facts) => {
                const text = factValue(facts)
                return typeof text === 'string' && tester(text)
              }
            : (facts) => {
                const text = factValue(facts)
                return typeof text === 'string' && !tester(text)
              }
      } else {
        test = generic
      }
    }
  } else {
    const spec = operatorOf(operator)
    const compare = spec && !spec.text ? (a: unknown, b: unknown) => spec.test(a, b, ctx.vocab) : undefined
    if (!compare) test = () => false
    else if (reference) test = (facts) => compare(factValue(facts), value(facts))
    else {
      const literal = node.value
      switch (operator) {
        case 'equal':
          test = (facts) => factValue(facts) === literal
          break
        case 'notEqual':
          test = (facts) => factValue(facts) !== literal
          break
        default:
          test = (facts) => compare(factValue(facts), literal)
      }
    }
    matched = () => ({ keywords: [] })
  }
  if (isText && fact !== 'text') {
    // Words found in another fact (the respondent's name): the evidence says where, as the explaining path does.
    const inName = matched
    matched = (facts, offsets) => {
      const evidence = inName(facts, offsets)
      evidence.fact = fact
      return evidence
    }
  }

  return {
    ...scanned,
    test,
    collect(facts, positive, out, offsets) {
      if (!test(facts)) return
      if (operator === 'containsAny') {
        if (positive) pushKeywordEvidence(out.keywords, matched(facts, offsets))
      } else if (operator !== 'notContainsAny') {
        const value = node.value
        const actual = shorten(factValue(facts))
        out.facts.push(path ? { fact, path, operator, value, actual } : { fact, operator, value, actual })
      }
    },
    explain(facts) {
      const trace: ConditionTrace = { kind: 'leaf', result: test(facts), fact, operator, value: node.value }
      if (!isText) trace.factValue = shorten(factValue(facts))
      if (path) trace.path = path
      if (isText) trace.matched = matched(facts)
      return trace
    },
  }
}

/**
 * The together terms whose every word the scan saw, in order: the only ones `findTogether` can find
 * (a term with a word absent from the text has no group), so the evidence is the same.
 */
function presentTerms(together: NonNullable<KeywordSet['together']>, state: ScanState): readonly TogetherTerm[] | undefined {
  let present: TogetherTerm[] | undefined
  const { terms, patternIds } = together
  let all = true
  for (let i = 0; i < terms.length; i++) {
    const ids = patternIds[i]!
    let seen = true
    for (let k = 0; k < ids.length && seen; k++) seen = state.patternSeen[ids[k]!] === state.epoch
    if (seen) (present ??= []).push(terms[i]!)
    else all = false
  }
  return all ? terms : present
}
