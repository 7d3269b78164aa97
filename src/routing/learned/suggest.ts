/**
 * At routing time, in the decision's fallback branch only: the section the model would choose, when it is
 * a section (the model never rejects or transfers), not the fallback's own lead, and at least as likely
 * as the model's threshold. Otherwise nothing, and the fallback stands.
 */
import type { KeywordEvidence } from '../../conditions/operators.js'
import { contributions, scoreText } from './score.js'
import { decodedModel } from './modelFor.js'
import type { RoutingModel } from './types.js'

export interface LearnedLead {
  section: string
  p: number
  /** The grams that made the model choose it, with their offsets (text; respondent name apart). */
  evidence: KeywordEvidence[]
}

/** How many grams the trace shows. */
const SHOWN = 5

export function learnedLead(model: RoutingModel | undefined, text: string, respondent: string, fallbackLead: string, isSection: (id: string) => boolean): LearnedLead | undefined {
  if (model === undefined || !model.enabled) return undefined
  const weights = decodedModel(model)
  if (weights === null) return undefined
  const scored = scoreText(weights, text, respondent)
  const section = model.classes[scored.top]!
  if (section === 'reject' || section === 'transfer' || section === fallbackLead || !isSection(section) || !(scored.p >= model.threshold)) return undefined
  const top = contributions(weights, text, respondent, scored.top, SHOWN)
  const inText = top.filter((c) => !c.inRespondent)
  const inName = top.filter((c) => c.inRespondent)
  const evidence: KeywordEvidence[] = []
  if (inText.length > 0) evidence.push({ vocabulary: 'learned', keywords: inText.map((c) => c.gram), at: inText.map((c) => c.at) })
  if (inName.length > 0) evidence.push({ vocabulary: 'learned:respondent', keywords: inName.map((c) => c.gram), at: inName.map((c) => c.at) })
  return { section, p: scored.p, evidence }
}
