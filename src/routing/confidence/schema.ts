/**
 * `kind: confidence` (at most one file): the bureau's settings for how sure a decision says it is.
 * They are the bureau's own settings, not the regulation's words; a decision that is not sure asks for
 * a person (`needs_review`), since a confident wrong answer is worse than a warning.
 */
import * as z from 'zod'
import { DEFAULT_CONFIDENCE as DEFAULTS } from './defaults.js'

export const confidenceFile = z.strictObject({
  kind: z.literal('confidence'),
  strongEvidence: z
    .number()
    .int()
    .min(1)
    .max(20)
    .describe('决定结果的规则至少命中几个不同的词（关键词或类别词）才算强证据 / distinct words that make evidence strong'),
  closeMargin: z
    .number()
    .int()
    .min(0)
    .max(100)
    .describe('另一股室的主办规则也命中、优先级只差不到此数时，算“相近”，不能是 high / a runner-up lead this close in priority means the answer is contested'),
  similarCasesAgreeAtLeast: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('决定要算 high，相似来件模型（rules/learned/）的首选须与决定相同、且把握 p 至少为此值；不写：不要求。模型停用或没有模型时不要求 / a decision is high only where the learned model agrees with it with at least this probability; absent: not required (nor without a model)'),
  note: z.string().optional(),
})

export type ConfidenceFile = z.infer<typeof confidenceFile>
export type ConfidenceSettings = Omit<ConfidenceFile, 'kind' | 'note'>

/** Used when a rule set has no confidence file. */
export const DEFAULT_CONFIDENCE: ConfidenceSettings = DEFAULTS
