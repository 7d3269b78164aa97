/**
 * A screening rule's `hint` (rules/screening.yaml): when the fact the rule rests on was not given but the
 * text suggests it applies — no `harmKnownOn`, and the complainant writes 「2004年买的」 — the decision is
 * made as usual and the clerk is asked to confirm (`screening_hint`), quoting the rule's own question. A
 * hint decides nothing: wrongly refusing costs the consumer the remedy, and a date in a text is often not
 * the day the harm became known (《暂行办法》第十五条第(四)项 counts from that day).
 *
 * Checked with the ground-floor semantics without a trace (`conditionHolds`: a hint is a handful of fact
 * comparisons, and only for the rules that have one), for every evaluator alike, lean decisions too (their
 * warning codes are the full ones').
 */
import { conditionHolds, type Facts } from '../conditions/evaluate.js'
import { vocabularyLookup, type VocabularyLookup } from '../conditions/operators.js'
import type { Evaluation } from './evaluation.js'
import { metaApplies, type RuleMeta } from './preparedRules.js'
import type { RoutingRuleSet, ScreeningRule } from './ruleSet.js'
import type { RoutingWarning } from './types.js'

interface Hint {
  meta: RuleMeta
  rule: ScreeningRule & { hint: NonNullable<ScreeningRule['hint']> }
}

export class ScreeningHints {
  private readonly hints: Hint[] = []
  private readonly vocab: VocabularyLookup

  constructor(ruleSet: RoutingRuleSet, screeningMeta: readonly RuleMeta[]) {
    this.vocab = vocabularyLookup(ruleSet.vocabularies)
    for (const meta of screeningMeta) {
      const rule = ruleSet.screeningRules[meta.index]!
      if (rule.hint) this.hints.push({ meta, rule: rule as Hint['rule'] })
    }
  }

  /** Adds a `screening_hint` warning for each rule in force for this kind of matter that did not fire and whose hint holds. */
  check(facts: Facts, kind: number, on: string, evaluation: Evaluation, warnings: RoutingWarning[]): void {
    for (const { meta, rule } of this.hints) {
      if (!metaApplies(meta, kind, on) || evaluation.fired('screening', meta.index)) continue
      if (!conditionHolds(rule.hint.when, facts, this.vocab)) continue
      warnings.push({
        code: 'screening_hint',
        message: `${rule.hint.ask.zh}（规则 ${rule.id}）`,
        messageEn: `${rule.hint.ask.en} (rule ${rule.id})`,
        rules: [rule.id],
      })
    }
  }
}
