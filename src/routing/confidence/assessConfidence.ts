/**
 * How sure a decision is, and why — read off the decision itself, so every evaluator gets the same
 * answer: how many distinct words decided it, whether another section's lead rule came close, whether
 * the fallback or a tie decided, whether the category or a screening rule pulls the other way.
 *
 * - `high`: strong evidence, nothing close, nothing against it, and the learned model (rules/learned/) not
 *   leaning to another answer;
 * - `low`: the fallback, a tie, the category alone, or weak evidence with something close or against it —
 *   the decision then carries a `needs_review` warning;
 * - `medium`: the rest.
 */
import { mostly } from '../learned/mostly.js'
import type { SimilarLeaning } from '../learned/similarCases.js'
import type { RoutingDecision, RuleHit } from '../types.js'
import { describeKeywords } from '../../conditions/evaluate.js'
import type { ConfidenceSettings } from './schema.js'
import type { Confidence, ConfidenceLevel, ConfidenceReason, ConfidenceReasonCode } from './types.js'

export type { Confidence, ConfidenceLevel, ConfidenceReason, ConfidenceReasonCode }

function words(hit: RuleHit): number {
  if (hit.keywords.length === 1) return hit.keywords[0]!.keywords.length
  const all = new Set<string>()
  for (const evidence of hit.keywords) for (const k of evidence.keywords) all.add(k)
  return all.size
}

function usesFact(hit: RuleHit, fact: string): boolean {
  for (const f of hit.facts) if (f.fact === fact) return true
  return false
}

function warned(decision: RoutingDecision, code: string): boolean {
  for (const w of decision.warnings) if (w.code === code) return true
  return false
}

const NO_NAMES = { zh: '', en: '' }

/**
 * The needs_review warning's text is the reasons' messages joined, each without its final stop: kept as
 * they are made (`assessConfidenceWith`'s `joined`), so no message is read back and cut.
 */
export interface JoinedReasons {
  zh: string
  en: string
  /** How many reasons are joined. */
  count: number
}

/** A reason whose messages are `zh` + '。' and `en` + '.'; the bodies are added to `joined` when given. */
function reason(code: ConfidenceReasonCode, zh: string, en: string, joined: JoinedReasons | undefined): ConfidenceReason {
  if (joined) {
    joined.zh = joined.count === 0 ? zh : joined.zh + '；' + zh
    joined.en = joined.count === 0 ? en : joined.en + '; ' + en
    joined.count++
  }
  return { code, message: zh + '。', messageEn: en + '.' }
}

/**
 * @param textCategory the category the text alone points to (before routing named the lead's goods);
 *   whether it agrees with the lead is a signal. Defaults to the decision's own category.
 * @param agrees where the learned model's first choice is the decision's answer, its probability (similarCases.ts
 *   `agrees`): below the settings' `similarCasesAgreeAtLeast` a decision is never high. Undefined where the model
 *   has no say (off, absent, or another answer).
 * @param leaning where the learned model leans, below its warning threshold (similarCases.ts): not part of
 *   the decision (only its reason `similar_cases_lean` is), so a caller re-assessing a decision that has
 *   that reason passes it again.
 */
export function assessConfidence(decision: RoutingDecision, settings: ConfidenceSettings, textCategory: RoutingDecision['category'] = decision.category, leaning?: SimilarLeaning, agrees?: number): Confidence {
  return assessConfidenceWith(decision, settings, textCategory, true, undefined, leaning, agrees)
}

/**
 * `assessConfidence`; with `texts: false` the level alone, no reasons (a lean decision for
 * `route --format compact`, decide.ts `LEAN`): the same level, from the same tests.
 */
export function assessConfidenceWith(decision: RoutingDecision, settings: ConfidenceSettings, textCategory: RoutingDecision['category'], texts: boolean, joined?: JoinedReasons, leaning?: SimilarLeaning, agrees?: number): Confidence {
  const reasons: ConfidenceReason[] = []
  const category = textCategory
  let strong = false
  let against = false
  let weakest = false
  let capped = false
  // Decided by facts (county, kind, dates), not words: the learned model, which reads only words, has no say.
  let byFacts = false

  if (decision.disposition !== 'route') {
    let deciding: RuleHit | undefined
    for (const h of decision.trace) if (h.stage === 'screening' && (h.effect === 'reject' || h.effect === 'transfer')) {
      deciding = h
      break
    }
    const n = deciding ? words(deciding) : 0
    if (!deciding && warned(decision, 'learned_reject')) {
      // No screening rule fired: the learned model made it a rejection (its reason follows below).
      weakest = true
    } else if (deciding && usesFact(deciding, 'respondentName')) {
      strong = true
      if (texts) reasons.push(reason('respondent_named', '被投诉（举报）人的名称决定了结果', "the respondent's name decided it", joined))
    } else if (deciding && usesFact(deciding, 'categoryOutOfScope')) {
      // A category is what was bought or used, not what the complaint is about: never more than medium.
      const terms = category?.terms.length ?? 0
      weakest = terms < settings.strongEvidence
      capped = true
      if (texts) reasons.push(reason('by_category', `按商品和服务类别（${category?.name ?? '—'}，${terms} 个类别词）判断不属本局`, `decided by the category (${category?.id ?? '—'}, ${terms} category words)`, joined))
    } else if (deciding && n === 0) {
      strong = true
      byFacts = true
      if (texts) reasons.push(reason('facts_decided', '由事实（所在县、类型、日期等）决定，不是由文字里的词决定', 'decided by facts (county, kind, dates), not by words', joined))
    } else {
      strong = n >= settings.strongEvidence
      const named = texts ? describeKeywords(deciding?.keywords ?? []) : NO_NAMES
      if (texts) reasons.push(reason(strong ? 'strong_evidence' : 'weak_evidence', `决定结果的规则命中 ${n} 个不同的词${named.zh ? '：' + named.zh : ''}`, `the deciding rule matched ${n} distinct word(s)${named.en ? ': ' + named.en : ''}`, joined))
    }
  } else {
    let lead: RuleHit | undefined
    for (const h of decision.trace) if (h.stage === 'routing' && h.effect === 'lead') {
      lead = h
      break
    }
    if (!lead || warned(decision, 'no_specific_section')) {
      weakest = true
      if (texts) reasons.push(reason('fallback', '没有命中具体股室的规则，由兜底股室主办', 'no specific rule matched; the fallback section leads', joined))
    } else if (usesFact(lead, 'categoryLead')) {
      // Routed by the category alone: a guess from what was bought, no duty keyword — always reviewed.
      const terms = category?.terms.length ?? 0
      weakest = true
      if (texts) reasons.push(reason('by_category', `只按商品和服务类别（${category?.name ?? '—'}，${terms} 个类别词）分办，没有具体职责的关键词`, `routed by the category alone (${category?.id ?? '—'}, ${terms} category words), no duty keyword`, joined))
    } else {
      const n = words(lead)
      strong = n >= settings.strongEvidence
      const named = texts ? describeKeywords(lead.keywords) : NO_NAMES
      if (texts) reasons.push(reason(strong ? 'strong_evidence' : 'weak_evidence', `主办规则 ${lead.rule} 命中 ${n} 个不同的词${named.zh ? '：' + named.zh : ''}`, `lead rule ${lead.rule} matched ${n} distinct word(s)${named.en ? ': ' + named.en : ''}`, joined))
      let runnerUp: RuleHit | undefined
      for (const h of decision.trace) {
        if (h.stage !== 'routing' || h.effect !== 'outranked' || h.section?.id === lead.section?.id || usesFact(h, 'categoryLead')) continue
        if (!runnerUp || h.priority > runnerUp.priority) runnerUp = h
      }
      if (runnerUp && lead.priority - runnerUp.priority < settings.closeMargin) {
        against = true
        const gap = lead.priority - runnerUp.priority
        if (texts) reasons.push(reason('close_runner_up', `${runnerUp.section?.name ?? runnerUp.rule} 的主办规则 ${runnerUp.rule} 也命中，优先级只差 ${gap}`, `${runnerUp.rule} (${runnerUp.section?.id ?? ''}) also fired, only ${gap} below`, joined))
      }
    }
    if (warned(decision, 'lead_tie')) {
      weakest = true
      if (texts) reasons.push(reason('tie', '两条主办规则优先级相同，按规则编号取其一', 'two lead rules tied; one was taken by rule-id order', joined))
    }
    if (decision.lead && category && ((category.sections && !category.sections.includes(decision.lead.id)) || category.outOfScope)) {
      against = true
      // The category the text alone points to may not be the one the decision names (routing re-reads it from the lead's
      // goods): then the reason says which it means, so the clerk does not look for it in `category`.
      const shown = decision.category
      const other = shown !== undefined && shown.id !== category.id
      const which = other ? `文字本身指向的类别「${category.name}」` : `类别「${category.name}」`
      const whichEn = other ? `the text's own category ${category.id}` : `the category ${category.id}`
      const note = other ? `（本决定的类别按主办股室的商品定为「${shown.name}」）` : ''
      const noteEn = other ? ` (the decision's category, from the lead's goods, is ${shown.id})` : ''
      if (texts) reasons.push(
        category.outOfScope
          ? reason('category_disagrees', `${which}通常不属本局（${category.outOfScope}）${note}`, `${whichEn} is usually outside this bureau (${category.outOfScope})${noteEn}`, joined)
          : reason('category_disagrees', `${which}通常由 ${category.sections!.join('、')} 负责${note}`, `${whichEn} usually belongs to ${category.sections!.join(', ')}${noteEn}`, joined),
      )
    }
    if (warned(decision, 'possibly_out_of_scope')) {
      against = true
      if (texts) reasons.push(reason('possibly_out_of_scope', '来件也涉及不属本局的事项', 'the matter also touches what is outside this bureau', joined))
    }
  }
  // The learned review warning (src/routing/learned/similarCases.ts): similar labelled cases mostly got
  // another answer, and the model is sure of it — never more than low, whatever the rules' evidence.
  for (const w of decision.warnings) if (w.code === 'learned_lead') {
    // The learned model chose the lead (leadThreshold): no rule stands behind it, so always low.
    weakest = true
    if (texts) {
      const s = w.similar
      const was = s?.rulesLead ? { zh: `按规则应由${s.rulesLead.name}主办`, en: `the rules would have had ${s.rulesLead.id} lead` } : { zh: '没有命中具体股室的规则', en: 'no specific rule matched' }
      reasons.push(reason('learned_lead', `主办股室由学得的模型按相似来件定出${s ? `（p=${s.p.toFixed(2)}）` : ''}，${was.zh}`, `the lead was chosen by the learned model from similar cases${s ? ` (p=${s.p.toFixed(2)})` : ''}; ${was.en}`, joined))
    }
    break
  }
  for (const w of decision.warnings) if (w.code === 'learned_reject') {
    // The learned model made it a rejection (learnedReject): no rule stands behind it, so always low.
    weakest = true
    if (texts) {
      const s = w.similar
      const was = s?.rulesLead ? { zh: `按规则原由${s.rulesLead.name}主办、把握不大`, en: `the rules would have had ${s.rulesLead.id} lead, with low confidence` } : { zh: '没有命中具体股室的规则', en: 'no specific rule matched' }
      reasons.push(reason('learned_reject', `不予受理是学得的模型按相似来件定出的${s ? `（p=${s.p.toFixed(2)}）` : ''}，${was.zh}`, `not accepted because of the learned model's similar cases${s ? ` (p=${s.p.toFixed(2)})` : ''}; ${was.en}`, joined))
    }
    break
  }
  for (const w of decision.warnings) if (w.code === 'similar_cases_differ') {
    weakest = true
    if (texts) {
      const s = w.similar
      const other = s === undefined ? undefined : otherAnswer(s)
      const most = mostly(s?.p ?? 1)
      reasons.push(reason('similar_cases_differ', `本局已办的相似来件${most.zh}${other?.zh ?? '另有结果'}${s ? `（p=${s.p.toFixed(2)}）` : ''}，与本决定不同`, `similar labelled cases were ${most.en} ${other?.en ?? 'decided otherwise'}${s ? ` (p=${s.p.toFixed(2)})` : ''}, unlike this decision`, joined))
    }
    break
  }
  // The learned model leans to another answer, below its warning threshold (similarCases.ts `leaning`): never
  // high. Held out (eight pairs of new batches, rules and model from before each), high decisions were right
  // 150 of 161 times without this and 125 of 127 with it (README, "confidence").
  if (leaning && !byFacts) {
    capped = true
    if (texts) {
      const other = otherAnswer(leaning)
      reasons.push(reason('similar_cases_lean', `本局已办的相似来件${mostly(leaning.p).zh}${other.zh}（p=${leaning.p.toFixed(2)}，不足以提示），与本决定不同`, `similar labelled cases lean to being ${other.en} (p=${leaning.p.toFixed(2)}, below the warning threshold), unlike this decision`, joined))
    }
  }
  // The learned model agrees, but not surely (similarCases.ts `agrees`): a decision that would be high is medium.
  // Chosen on held-out intake answers (test/tools/lead-thresholds-heldout.mts; README, "confidence").
  const least = settings.similarCasesAgreeAtLeast
  if (least !== undefined && agrees !== undefined && agrees < least && !byFacts && !weakest && strong && !against && !capped) {
    capped = true
    if (texts) {
      const same = decision.disposition === 'reject' ? { zh: '为不予受理', en: 'not accepted' } : { zh: `由${decision.lead?.name ?? ''}主办`, en: `led by ${decision.lead?.id ?? ''}` }
      const most = mostly(agrees)
      reasons.push(reason('similar_cases_unsure', `本局已办的相似来件也${most.zh}${same.zh}，但把握不大（p=${agrees.toFixed(2)}，不到 ${least}），不算很有把握`, `similar labelled cases were ${most.en} ${same.en} too, but not surely (p=${agrees.toFixed(2)}, below ${least}), so not high`, joined))
    }
  }
  const confidence: ConfidenceLevel = weakest || (!strong && against) ? 'low' : strong && !against && !capped ? 'high' : 'medium'
  return { confidence, confidenceReasons: reasons }
}

/** What similar cases mostly got, as the reasons say it: 「为不予受理」 or 「由X主办」. */
function otherAnswer(s: { answer: string; section?: { name: string } }): { zh: string; en: string } {
  return s.answer === 'reject' ? { zh: '为不予受理', en: 'not accepted' } : { zh: `由${s.section?.name ?? s.answer}主办`, en: `led by ${s.answer}` }
}
