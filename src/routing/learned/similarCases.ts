/**
 * The learned review warning (issue 10, item 5: "a wrong answer given with confidence is worse than a
 * warning"). After the rules have decided, the model trained on this bureau's labelled scenarios
 * (rules/learned/routing-model.yaml) scores the text and the respondent's name. Where its most likely
 * class has p ≥ the file's `threshold` and differs from the decision's answer — the lead section of a
 * routed matter, `reject` for a rejection — the decision gets a `similar_cases_differ` warning naming what
 * similar cases were given, p, and the grams that pushed the model there with their offsets; its
 * confidence then becomes low (assessConfidence.ts), so `needs_review` follows.
 *
 * Where the model file has a `leadThreshold`, the rules routed, and the model's first choice is another
 * section with p at least that, the model leads (`learned_lead`, decide.ts): held out, such disagreements
 * were the model's right far more often than the rules' (README, "similar cases differ"). Where the rules'
 * own decision is low-confidence, the file's `unsureLeadThreshold` (lower) is enough.
 *
 * Where the file has `learnedReject`, the rules routed with low confidence, no out-of-scope rule gave way to a
 * duty, and the model's first choice is `reject` with p at least its threshold, the matter is not accepted
 * (`learned_reject`, decide.ts `rejectedByModel`): held out (27 groups of new batches, rules from before each),
 * such answers were right 10 times in 11 on the tuned texts (README, "learned rejection"). Otherwise it never
 * changes a disposition, and it never accepts what the rules rejected. A transfer is never compared: it
 * follows from the respondent's county, not from the words (and transfer-labelled scenarios are not
 * trained on: trainingRows.ts).
 */
import { mostly } from './mostly.js'
import type { KeywordEvidence } from '../../conditions/operators.js'
import type { SectionRef } from '../../sections.js'
import type { RoutingWarning, SimilarCases } from '../types.js'
import { argmax, contributions, logits, probabilityAtLeast } from './score.js'
import { decodedModel } from './modelFor.js'
import type { RoutingModel } from './types.js'
import type { DecodedWeights } from './compact.js'

/** The model's verdict on a decision (`SimilarCasesCheck.review`). */
export interface SimilarVerdict {
  /** `similar_cases_differ` or `learned_lead`; absent where the model only leans (`leaning`). */
  warning?: RoutingWarning
  /** The section that leads instead of the rules' lead (`learned_lead`). */
  lead?: SectionRef
  /** The model makes the routed decision a rejection (`learned_reject`: the model file's `learnedReject`). */
  reject?: true
  /**
   * The model's first choice is another answer, but below the warning's threshold: no warning, but the
   * decision cannot be `high` (assessConfidence.ts, reason `similar_cases_lean`).
   */
  leaning?: SimilarLeaning
  /**
   * The model's first choice is the decision's answer, with this probability (a confidence file's
   * `similarCasesAgreeAtLeast` may then keep the decision from being high: assessConfidence.ts).
   */
  agrees?: number
}

/** The answer the model leans to, and its probability (0 on a lean decision, which has no texts). */
export interface SimilarLeaning {
  answer: string
  section?: SectionRef
  p: number
}

/** How many grams the warning shows. */
const SHOWN = 5
const REJECT = 'reject'
const NO_TEXT = ''

/** What `review` may ask of the rules' own routed decision (decide.ts `RulesAsked`); without it the model neither leads from the unsure threshold nor rejects. */
export interface RulesAsk {
  leadAllowed(section: string): boolean
  rejectAllowed(): boolean
  /** The id of the lead rule that gave the rules' lead where it says `learnedMayOverride: false`: the model then neither leads nor rejects. */
  settledBy?(): string | undefined
}

export class SimilarCasesCheck {
  private readonly classIsAnswer: boolean[]
  /** Decoded once (null when it cannot be: the loader has reported it). */
  private readonly weights: DecodedWeights | null

  constructor(
    private readonly model: RoutingModel,
    /** The rule set's section of an id, or undefined for a class that is no section of it. */
    private readonly section: (id: string) => SectionRef | undefined,
  ) {
    this.classIsAnswer = model.classes.map((c) => c === REJECT || section(c) !== undefined)
    this.weights = decodedModel(model)
  }

  /**
   * The warning, or undefined when the model is off, unsure, agrees, or the decision is a transfer.
   * `lead` is the routed decision's lead (null for a rejection). A lean decision (decide.ts `LEAN`) gets
   * the code alone. (The answer is never changed here: see `review` for the lead the model may take.)
   */
  check(disposition: 'route' | 'reject' | 'transfer', lead: SectionRef | null, text: string, respondent: string, lean: boolean): RoutingWarning | undefined {
    return this.review(disposition, lead, text, respondent, lean, false)?.warning
  }

  /**
   * The model's verdict on a decision: undefined where it is off or the decision is a transfer (or its first
   * choice is no answer of this rule set); `agrees` (its p) where its first choice is the decision's answer; `leaning` where its first choice is another answer
   * below the threshold; else a warning, and — where the rules routed, the model's first choice is another section
   * and p reaches the file's `leadThreshold` — that section as `lead`, with a `learned_lead` warning
   * instead of `similar_cases_differ` (decide.ts then makes it the lead and the rules' lead an assist).
   * `fellBack`: no rule chose the rules' lead (the fallback section), which the messages say.
   * `rules.leadAllowed(section)`: whether that section may lead because the rules' own decision is
   * low-confidence (decide.ts: and the section is neither the fallback nor one the rules already have
   * assisting); asked only where the model's first choice is another section with p between the file's
   * `unsureLeadThreshold` and `leadThreshold`. `rules.rejectAllowed()`: whether the model may reject (decide.ts).
   */
  review(
    disposition: 'route' | 'reject' | 'transfer',
    lead: SectionRef | null,
    text: string,
    respondent: string,
    lean: boolean,
    fellBack: boolean,
    rules?: RulesAsk,
  ): SimilarVerdict | undefined {
    const model = this.model
    if (!model.enabled || disposition === 'transfer') return undefined
    const weights = this.weights
    if (weights === null) return undefined
    // Every decision is scored: the class scores alone first; the probability only where the model's
    // first choice is an answer and differs from the decision's (the common agreeing case stops here).
    const z = logits(weights, text, respondent)
    const best = argmax(z, weights.K)
    if (!this.classIsAnswer[best]) return undefined
    const answer = model.classes[best]!
    if (disposition === 'reject' ? answer === REJECT : answer === lead?.id) return { agrees: probabilityAtLeast(z, weights.K, best, Number.MIN_VALUE) }
    const suggested = answer === REJECT ? undefined : this.section(answer)!
    // The model leads only against a routed decision, only with a section (never a rejection: wrongly
    // refusing costs the consumer the remedy), and only from the lead threshold — or, where the rules
    // themselves are unsure, from the unsure lead threshold.
    const leadThreshold = model.leadThreshold
    const unsure = typeof leadThreshold === 'number' && typeof model.unsureLeadThreshold === 'number' && model.unsureLeadThreshold < leadThreshold ? model.unsureLeadThreshold : undefined
    // A lead rule that says `learnedMayOverride: false` gave the lead (a written reading): the model may only warn.
    const settledBy = disposition === 'route' ? rules?.settledBy?.() : undefined
    const mayOverride = settledBy === undefined
    const couldLead = disposition === 'route' && suggested !== undefined && typeof leadThreshold === 'number'
    // The lead threshold is its own (chosen on held-out texts against the rules), not tied to the warning's
    // (chosen by cross-validation for the model's own accuracy): it may be below it, as the unsure one is.
    // The model rejects only a routed decision the rules themselves are unsure of, where no out-of-scope
    // rule gave way to a duty, from the file's `learnedReject.threshold` (`rejectAllowed`: decide.ts).
    const learnedReject = model.learnedReject
    const couldReject = disposition === 'route' && answer === REJECT && learnedReject !== undefined
    const bound = couldLead ? Math.min(model.threshold, leadThreshold as number, unsure ?? Infinity) : couldReject ? Math.min(model.threshold, learnedReject.threshold) : model.threshold
    const p0 = probabilityAtLeast(z, weights.K, best, bound)
    // What the model would do were it free to: asked once, then either done or, under a written reading, held.
    const wouldLeadSure = couldLead && p0 >= (leadThreshold as number)
    const wouldLeadUnsure = !wouldLeadSure && couldLead && unsure !== undefined && p0 >= unsure && rules !== undefined && rules.leadAllowed(answer)
    const wouldReject = couldReject && p0 >= learnedReject.threshold && rules !== undefined && rules.rejectAllowed()
    const leadsSure = mayOverride && wouldLeadSure
    const leadsUnsure = mayOverride && wouldLeadUnsure
    const leads = leadsSure || leadsUnsure
    const rejects = mayOverride && wouldReject
    // Where the written reading alone kept the model from leading or rejecting, the warning is given (and says so)
    // even below the warning threshold: the clerk should see that similar cases went the other way that surely.
    const held = !mayOverride && (wouldLeadSure || wouldLeadUnsure || wouldReject)
    if (!(p0 >= model.threshold) && !leads && !rejects && !held) {
      // Unsure, but leaning elsewhere: held out, such decisions were right far less often when the rules
      // were sure of them (README, "confidence"), so they are never high.
      const p = lean ? 0 : Math.round(probabilityAtLeast(z, weights.K, best, Number.MIN_VALUE) * 100) / 100
      return { leaning: suggested ? { answer, section: { ...suggested }, p } : { answer, p } }
    }
    const code = leads ? 'learned_lead' : rejects ? 'learned_reject' : 'similar_cases_differ'
    if (lean) return leads ? { warning: { code, message: NO_TEXT, messageEn: NO_TEXT }, lead: { ...suggested! } } : rejects ? { warning: { code, message: NO_TEXT, messageEn: NO_TEXT }, reject: true } : { warning: { code, message: NO_TEXT, messageEn: NO_TEXT } }
    // The strongest grams of two or three characters: a single character pushes too, but says little to a reader.
    const all = contributions(weights, text, respondent, best, Infinity)
    const longer = all.filter((c) => c.gram.length > 1)
    const top = (longer.length > 0 ? longer : all).slice(0, SHOWN)
    const inText = top.filter((c) => !c.inRespondent)
    const inName = top.filter((c) => c.inRespondent)
    const keywords: KeywordEvidence[] = []
    if (inText.length > 0) keywords.push({ vocabulary: 'learned', keywords: inText.map((c) => c.gram), at: inText.map((c) => c.at) })
    if (inName.length > 0) keywords.push({ vocabulary: 'learned:respondent', keywords: inName.map((c) => c.gram), at: inName.map((c) => c.at) })
    const p = Math.round(p0 * 100) / 100
    const similar: SimilarCases = suggested ? { answer, section: { ...suggested }, p, threshold: model.threshold, keywords, at: { ...model.at } } : { answer, p, threshold: model.threshold, keywords, at: { ...model.at } }
    const reached = leadsUnsure ? unsure! : (leadThreshold as number)
    // (In this order: the fields keep their place in the JSON.)
    if (leads) similar.leadThreshold = reached
    if (rejects) similar.rejectThreshold = learnedReject.threshold
    if (leads || rejects) similar.rulesLead = fellBack || lead === null ? null : { ...lead }
    if (leadsUnsure) similar.rulesUnsure = true
    if (held) similar.settledBy = settledBy
    const shown = p.toFixed(2)
    const zhWords = [...inText.map((c) => `「${c.gram}」（位置 ${c.at}）`), ...inName.map((c) => `被投诉人名称中的「${c.gram}」（位置 ${c.at}）`)].join('、')
    const enWords = [...inText.map((c) => `"${c.gram}" (offset ${c.at})`), ...inName.map((c) => `"${c.gram}" in the respondent's name (offset ${c.at})`)].join('; ')
    const why = zhWords ? `；相似的字词：${zhWords}` : ''
    const whyEn = enWords ? `; words: ${enWords}` : ''
    let message: string
    let messageEn: string
    const most = mostly(p)
    if (leads) {
      const was = fellBack ? `没有命中具体股室的规则，原按一般职责由${lead!.name}兜底主办` : `按规则原应由${lead!.name}主办，现为协办`
      const wasEn = fellBack ? `no specific rule matched, so ${lead!.id} would have led under the general duty` : `by the rules ${lead!.id} would have led; it now assists`
      const bar = leadsUnsure ? `规则自己把握不大，不低于此时改由模型定主办的 ${reached}` : `不低于改由模型定主办的 ${reached}`
      const barEn = leadsUnsure ? `the rules' own decision being low-confidence, at least the unsure lead threshold ${reached}` : `at least the lead threshold ${reached}`
      message = `本局已办的相似来件${most.zh}由${suggested!.name}主办（p=${shown}，${bar}${why}），本件改由${suggested!.name}主办；${was}。请人工复核。`
      messageEn = `similar cases this bureau has labelled were ${most.en} led by ${suggested!.id} (p=${shown}, ${barEn}${whyEn}), so it leads here; ${wasEn}. A person should review it.`
      return { warning: { code, message, messageEn, similar }, lead: { ...suggested! } }
    }
    if (rejects) {
      const was = fellBack ? `没有命中具体股室的规则，原按一般职责由${lead!.name}兜底主办` : `按规则原由${lead!.name}主办`
      const wasEn = fellBack ? `no specific rule matched, so ${lead!.id} would have led under the general duty` : `by the rules ${lead!.id} would have led`
      message = `本局已办的相似来件${most.zh}为不予受理（p=${shown}，不低于改为不予受理的 ${learnedReject.threshold}${why}），而规则自己把握不大，本件改为不予受理；${was}。请人工复核：如确属本局职责，应予受理。`
      messageEn = `similar cases this bureau has labelled were ${most.en} not accepted (p=${shown}, at least the learned rejection threshold ${learnedReject.threshold}${whyEn}) and the rules' own decision is low-confidence, so the matter is not accepted; ${wasEn}. A person should review it: if it is this bureau's matter after all, accept it.`
      return { warning: { code, message, messageEn, similar }, reject: true }
    }
    if (disposition === 'reject') {
      message = `本决定不予受理，而本局已办的相似来件${most.zh}由${suggested!.name}主办（p=${shown}${why}），请人工复核。`
      messageEn = `this decision does not accept the matter, but similar cases this bureau has labelled were ${most.en} led by ${suggested!.id} (p=${shown}${whyEn}); a person should review it.`
    } else if (suggested === undefined) {
      message = `本局已办的相似来件${most.zh}为不予受理（p=${shown}${why}）；本决定由${lead!.name}主办，请人工复核是否属本局职责。`
      messageEn = `similar cases this bureau has labelled were ${most.en} not accepted (p=${shown}${whyEn}); this decision has ${lead!.id} leading; a person should review whether it is this bureau's matter.`
    } else {
      message = `本局已办的相似来件${most.zh}由${suggested.name}主办（p=${shown}${why}）；本决定由${lead!.name}主办，请人工复核。`
      messageEn = `similar cases this bureau has labelled were ${most.en} led by ${suggested.id} (p=${shown}${whyEn}); this decision has ${lead!.id} leading; a person should review it.`
    }
    if (held) {
      message += `（模型本会改${suggested === undefined ? '为不予受理' : '由' + suggested.name + '主办'}，但主办规则 ${settledBy} 是写明的读法（learnedMayOverride: false），仍按规则。）`
      messageEn += ` (The model would have ${suggested === undefined ? 'not accepted the matter' : 'made ' + suggested.id + ' lead'}, but the lead rule ${settledBy} is a written reading (learnedMayOverride: false), so the rules' decision stands.)`
    }
    return { warning: { code, message, messageEn, similar } }
  }
}
