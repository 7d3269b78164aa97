/**
 * The compiled evaluator: every intake, screening and routing condition of a rule set compiled into
 * synchronous closures, and every keyword they use (vocabularies and inline lists) in one matcher, once,
 * at `createEngine` time. Per complaint the text is scanned once; a text condition is then one array
 * read, and a rule's evidence comes from the scan instead of re-running its conditions. The matcher is
 * the classifier's (categories/classifierFor.ts): one automaton over the category terms and the keywords,
 * so the text deriveFacts classifies is not scanned again here.
 */
import { createInterner } from './interner.js'
import type { ConditionNode } from '../../ruleset/schemas.js'
import type { RoutingRuleSet as RuleSet } from '../ruleSet.js'
import type { Evaluation, Stage } from '../evaluation.js'
import type { Facts, VocabularyLookup } from '../explainCondition.js'
import { compileCondition, factGetter, isFactReference, type CompiledCondition, type Evidence, type KeywordSet, type ScanState } from './compileCondition.js'
import { scanningClassifierFor } from '../categories/classifierFor.js'
import { findTogether, occursOutside, vocabularyLookup } from '../../conditions/operators.js'

export interface CompiledRuleSet {
  /** How many distinct keywords the matcher holds, and in how many keyword sets. */
  readonly stats: { patterns: number; keywordSets: number; rules: number }
  /**
   * Scans the text and returns the evaluation decide() reads. Not re-entrant: the evaluation is valid
   * until the next call (it reads the shared scan state), which is how decide() uses it.
   */
  evaluate(facts: Facts): Evaluation
}

const STAGES: readonly Stage[] = ['intake', 'screening', 'routing']

export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const vocab: VocabularyLookup = vocabularyLookup(ruleSet.vocabularies)
  const sets: KeywordSet[] = []
  const setsByKey = new Map<string, KeywordSet>()
  const setsOfPattern: number[][] = []
  // `guarded`: the indices of the set's keywords that occur inside a guard word (checked after the scan).
  const guardedSets: { set: KeywordSet; guards: readonly string[]; guarded: Int32Array }[] = []
  const togetherSets: KeywordSet[] = []
  const state: ScanState = { text: undefined, epoch: 0, setSeen: new Int32Array(0), patternSeen: new Int32Array(0) }

  const interned = createInterner(() => setsOfPattern.push([]))
  const patterns = interned.words
  const patternId = (keyword: string) => interned.idOf(keyword)
  const keywordSet = (value: unknown): KeywordSet | undefined => {
    let keywords: readonly string[]
    let key: string
    if (typeof value === 'string') {
      keywords = vocab(value) ?? []
      key = 'vocabulary:' + value
    } else if (Array.isArray(value) && value.every((k) => typeof k === 'string')) {
      keywords = value as string[]
      key = 'list:' + JSON.stringify(value)
    } else return undefined
    const known = setsByKey.get(key)
    if (known) return known
    const set: KeywordSet = { id: sets.length, ...(typeof value === 'string' ? { vocabulary: value } : {}), keywords, patternIds: keywords.map(patternId) }
    // A keyword that occurs inside one of its vocabulary's `notInside` words is checked after the scan.
    const guards = typeof value === 'string' ? vocab.notInside?.(value) : undefined
    const index = new Uint8Array(keywords.length)
    if (guards) keywords.forEach((k, i) => (index[i] = guards.some((g) => g.includes(k)) ? 1 : 0))
    if (guards) set.guards = guards
    const together = typeof value === 'string' ? vocab.together?.(value) : undefined
    if (together && together.length > 0) {
      set.together = { terms: together, patternIds: together.map((t) => t.terms.map(patternId)) }
      togetherSets.push(set)
    }
    // A guarded keyword's raw occurrence does not mark the set; the check after the scan does.
    if (guards && index.includes(1)) {
      guardedSets.push({ set, guards, guarded: Int32Array.from(keywords.keys()).filter((i) => index[i] === 1) })
    }
    for (let i = 0; i < set.patternIds.length; i++) {
      const id = set.patternIds[i]!
      if (index[i] === 1) continue
      if (!setsOfPattern[id]!.includes(set.id)) setsOfPattern[id]!.push(set.id)
    }
    sets.push(set)
    setsByKey.set(key, set)
    return set
  }

  const ctx = { state, vocab, keywordSet }
  const compiled: Record<Stage, CompiledCondition[]> = {
    intake: ruleSet.intakeRules.map((r) => compileCondition(r.when, ctx)),
    screening: ruleSet.screeningRules.map((r) => compileCondition(r.when, ctx)),
    routing: ruleSet.routingRules.map((r) => compileCondition(r.when, ctx)),
  }
  // Gates per rule: a keyword set the rule cannot fire without (a `containsAny` on the text directly
  // under its top-level `all`), and a fact it must equal (an `equal` to a literal there, no path). Most
  // rules are gated, and most gates are shut for a given complaint, so most rules cost an array read.
  const gateOf = (when: ConditionNode): number => {
    if (!('all' in when)) return -1
    for (const child of when.all) {
      if ('fact' in child && child.fact === 'text' && child.operator === 'containsAny' && !isFactReference(child.value)) {
        const set = keywordSet(child.value)
        if (set) return set.id
      }
    }
    return -1
  }
  // The facts equality gates read, each read once per complaint into `slotValues`.
  const slotOf = new Map<string, number>()
  const slotGetters: ((facts: Facts) => unknown)[] = []
  const equalGateOf = (when: ConditionNode): { slot: number; value: unknown } => {
    if ('all' in when) {
      for (const child of when.all) {
        if ('fact' in child && child.operator === 'equal' && !child.path && !isFactReference(child.value)) {
          let slot = slotOf.get(child.fact)
          if (slot === undefined) {
            slot = slotGetters.length
            slotOf.set(child.fact, slot)
            slotGetters.push(factGetter(child.fact))
          }
          return { slot, value: child.value }
        }
      }
    }
    return { slot: -1, value: undefined }
  }
  const stageOf = (rules: readonly { when: ConditionNode }[], conditions: CompiledCondition[]) => {
    const equal = rules.map((r) => equalGateOf(r.when))
    const gates = Int32Array.from(rules, (r) => gateOf(r.when))
    // The rules behind each keyword set's gate, and those without one: after the scan only the rules
    // whose gate opened are looked at (most gates stay shut), not every rule of the stage.
    const gated: number[][] = sets.map(() => [])
    const ungated: number[] = []
    for (let index = 0; index < rules.length; index++) (gates[index]! >= 0 ? gated[gates[index]!]! : ungated).push(index)
    return {
      gates,
      equalSlots: Int32Array.from(equal, (e) => e.slot),
      equalValues: equal.map((e) => e.value),
      tests: conditions.map((c) => c.test),
      fired: new Uint8Array(rules.length),
      gated: gated.map((list) => Int32Array.from(list)),
      ungated: Int32Array.from(ungated),
      /** The fired rules' indexes: the first `count`. */
      indexes: new Int32Array(rules.length),
      count: 0,
    }
  }

  // `includes('')` is true for every string: the empty keyword is "found" in every text, not scanned for.
  const empty = interned.find('')
  // The keywords are found by the classifier's scan of the text (one automaton over the category terms
  // and the keywords): deriveFacts has just classified this text, so evaluate() reads what it found.
  const scanner = scanningClassifierFor(ruleSet, patterns).finder
  const foundIds = scanner.keywordIds
  state.setSeen = new Int32Array(sets.length)
  state.patternSeen = new Int32Array(patterns.length)
  const setSeen = state.setSeen
  const intake = stageOf(ruleSet.intakeRules, compiled.intake)
  const screening = stageOf(ruleSet.screeningRules, compiled.screening)
  const routing = stageOf(ruleSet.routingRules, compiled.routing)
  const slotValues: unknown[] = slotGetters.map(() => undefined)
  // The keyword sets marked for the current text, listed (the first `openCount`): their gates are open.
  const open = new Int32Array(sets.length)
  let openCount = 0
  const mark = (set: number) => {
    if (setSeen[set] === state.epoch) return
    setSeen[set] = state.epoch
    open[openCount++] = set
  }
  // The sets each pattern marks, flat: those of pattern `id` are ownerList[ownerStart[id] .. ownerStart[id + 1]).
  const ownerStart = new Int32Array(patterns.length + 1)
  for (let id = 0; id < patterns.length; id++) ownerStart[id + 1] = ownerStart[id]! + setsOfPattern[id]!.length
  const ownerList = Int32Array.from(setsOfPattern.flat())
  const found = (id: number) => {
    const end = ownerStart[id + 1]!
    for (let i = ownerStart[id]!; i < end; i++) mark(ownerList[i]!)
  }
  /** One rule evaluated: `fired[index]` is 1 when its condition holds, and then it is listed. */
  const evaluateRule = (stage: ReturnType<typeof stageOf>, index: number, given: Facts) => {
    const slot = stage.equalSlots[index]!
    if ((slot >= 0 && slotValues[slot] !== stage.equalValues[index]) || !stage.tests[index]!(given)) return
    stage.fired[index] = 1
    stage.indexes[stage.count++] = index
  }
  /**
   * Every rule of a stage evaluated once, after the scan: `fired[index]` is 1 when its condition holds.
   * A rule whose keyword-set gate is shut has not fired; with a scanned text only the open gates' rules
   * and the ungated ones are looked at (without one, every rule is).
   */
  const evaluateStage = (stage: ReturnType<typeof stageOf>, given: Facts) => {
    // Only the rules the last evaluation fired are 1 (all of them are listed): those are cleared.
    const { fired, indexes } = stage
    for (let k = 0; k < stage.count; k++) fired[indexes[k]!] = 0
    stage.count = 0
    if (state.text === undefined) {
      for (let index = 0; index < fired.length; index++) evaluateRule(stage, index, given)
      return
    }
    const { ungated, gated } = stage
    for (let k = 0; k < ungated.length; k++) evaluateRule(stage, ungated[k]!, given)
    for (let o = 0; o < openCount; o++) {
      const rules = gated[open[o]!]!
      for (let k = 0; k < rules.length; k++) evaluateRule(stage, rules[k]!, given)
    }
  }

  // By pattern id: the guarded keywords it is (set, keyword index), and the together terms it is the
  // first word of (set, term index), as flat pairs; terms without words are checked for every text.
  const guardOf: number[][] = patterns.map(() => [])
  guardedSets.forEach(({ set, guarded }, g) => guarded.forEach((i) => guardOf[set.patternIds[i]!]!.push(g, i)))
  const togetherOf: number[][] = patterns.map(() => [])
  const togetherAlways: number[] = []
  togetherSets.forEach((set, t) =>
    set.together!.patternIds.forEach((ids, i) => (ids.length > 0 ? togetherOf[ids[0]!]!.push(t, i) : togetherAlways.push(t, i))),
  )
  /** The guarded keyword `id` occurs: each set it is guarded in is marked when it occurs outside the guards. */
  function guardChecks(text: string, id: number, epoch: number) {
    const checks = guardOf[id]!
    for (let c = 0; c < checks.length; c += 2) {
      const { set, guards } = guardedSets[checks[c]!]!
      if (setSeen[set.id] !== epoch && occursOutside(text, set.keywords[checks[c + 1]!]!, guards)) mark(set.id)
    }
  }
  /** The first word of together terms occurs: a term whose every word occurs is looked for. */
  function togetherChecks(text: string, id: number, epoch: number) {
    const checks = togetherOf[id]!
    for (let c = 0; c < checks.length; c += 2) togetherCheck(text, checks, c, epoch)
  }
  function togetherCheck(text: string, checks: readonly number[], c: number, epoch: number) {
    const set = togetherSets[checks[c]!]!
    if (setSeen[set.id] === epoch) return
    const i = checks[c + 1]!
    const ids = set.together!.patternIds[i]!
    for (let k = 0; k < ids.length; k++) if (state.patternSeen[ids[k]!] !== epoch) return
    if (findTogether(text, set.together!.terms[i]!, set.guards)) mark(set.id)
  }

  let facts: Facts = {}
  /** A stage's evaluation state by name. */
  const stageNamed = (stage: Stage) => (stage === 'routing' ? routing : stage === 'screening' ? screening : intake)
  const evaluation: Evaluation = {
    fired: (stage, index) => stageNamed(stage).fired[index] === 1,
    firedAll: (stage) => stageNamed(stage).fired,
    firedCount: (stage) => stageNamed(stage).count,
    firedIndexes: (stage) => stageNamed(stage).indexes,
    evidence(stage, index, offsets = true) {
      const out: Evidence = { keywords: [], facts: [] }
      compiled[stage][index]!.collect(facts, true, out, offsets)
      return out
    },
    explain: (stage, index) => compiled[stage][index]!.explain(facts),
  }

  return {
    stats: { patterns: patterns.length, keywordSets: sets.length, rules: STAGES.reduce((n, s) => n + compiled[s].length, 0) },
    evaluate(given) {
      facts = given
      if (state.epoch >= 0x7ffffff0) {
        state.epoch = 0
        state.setSeen.fill(0)
        state.patternSeen.fill(0)
      }
      const epoch = ++state.epoch
      openCount = 0
      const text = given.text
      if (typeof text !== 'string') {
        state.text = undefined
        return evaluateAll(given)
      }
      state.text = text
      if (empty !== undefined) {
        state.patternSeen[empty] = epoch
        for (const owner of setsOfPattern[empty]!) mark(owner)
      }
      const foundCount = scanner.keywordsIn(text)
      for (let i = 0; i < foundCount; i++) {
        const id = foundIds[i]!
        state.patternSeen[id] = epoch
        found(id)
      }
      // Guarded keywords, and terms that count only together, are checked from the keywords found (each
      // found keyword lists the checks it starts), not by walking every guarded set and term per text:
      // the same sets are marked (a check is pure and marking is idempotent), only the listing order of
      // the open gates may differ, which no answer depends on (the decider orders fired rules by rank).
      if (empty !== undefined) guardChecks(text, empty, epoch)
      for (let i = 0; i < foundCount; i++) guardChecks(text, foundIds[i]!, epoch)
      for (let t = 0; t < togetherAlways.length; t += 2) togetherCheck(text, togetherAlways, t, epoch)
      if (empty !== undefined) togetherChecks(text, empty, epoch)
      for (let i = 0; i < foundCount; i++) togetherChecks(text, foundIds[i]!, epoch)
      return evaluateAll(given)
    },
  }

  function evaluateAll(given: Facts): Evaluation {
    for (let k = 0; k < slotGetters.length; k++) slotValues[k] = slotGetters[k]!(given)
    evaluateStage(intake, given)
    evaluateStage(screening, given)
    evaluateStage(routing, given)
    return evaluation
  }
}
