/**
 * `kind: routing-model` (at most one file, rules/learned/routing-model.yaml): the learned review warning
 * for routing (similarCases.ts), written by `xiaobao train` — what it was trained on, its classes, its settings, its threshold
 * and its pruned, quantised weights (compact.ts). Data, like every other rule file: checked here with
 * file:line:col errors, so a corrupt or hand-edited model is a rule-file error, never a crash.
 */
import * as z from 'zod'
import { sectionId } from '../../ruleset/schemas.js'

const klass = z.union([sectionId, z.literal('reject')])

export const routingModelFile = z.strictObject({
  kind: z.literal('routing-model'),
  enabled: z.boolean().describe('false：不用学得的复核提示，分办与没有模型时完全一样 / false: decisions are exactly as without a model'),
  trainedOn: z
    .strictObject({
      scenarios: z.number().int().min(0).describe('训练用的场景数（冻结的先去掉）/ scenarios trained on'),
      frozenExcluded: z.number().int().min(0).describe('去掉的冻结场景数 / frozen scenarios left out'),
      rowsHash: z.string().regex(/^sha256:[0-9a-f]{16}$/).describe('训练行的哈希 / hash of the training rows'),
      files: z
        .record(z.string(), z.string().regex(/^sha256:[0-9a-f]{16}$/))
        .optional()
        .describe('每个场景文件的训练行的哈希；有文件改了或多了没训练过的，xiaobao lint 提示重新训练 / per scenario file: lint warns when one changed or is new'),
    })
    .describe('训练数据 / what it was trained on'),
  classes: z.array(klass).min(2).max(63).describe('类别：股室编号，及 reject（不予受理）；移送看被投诉人所在县，不看文字，不作类别 / classes: section ids and reject (a transfer follows from the county, not the words)'),
  hyper: z.strictObject({
    ngrams: z.number().int().min(1).max(3),
    respondentGrams: z.boolean(),
    epochs: z.number().int().min(1).max(1000),
    learningRate: z.number().positive(),
    l2: z.number().min(0),
    seed: z.number().int(),
    maxFeatures: z.number().int().min(0),
    minLevel: z.number().int().min(1).max(31).optional(),
    skipChars: z
      .string()
      .min(1)
      .optional()
      .describe('训练时不学含这些字的字组（xiaobao train 沿用文件里写的）：标注语料的匿名占位「某」，真实来件里没有 / characters whose grams are not learned (kept by xiaobao train): the labelled texts\' anonymisation placeholder 「某」, which real complaints never carry'),
    levels: z.literal(31),
  }),
  threshold: z.number().min(0).max(1).describe('模型的首选概率至少为此值、又与决定不同时，提示 similar_cases_differ（按训练行的交叉验证确定；可调高）/ the least probability at which a disagreeing model warns'),
  thresholdBy: z.string().optional(),
  leadThreshold: z
    .union([z.number().min(0.5).max(1), z.literal(false)])
    .optional()
    .describe(
      '规则已受理并定了主办股室、模型的首选是另一个股室且概率至少为此值时，改由模型的股室主办（规则的主办股室改为协办），提示 learned_lead，置信度为 low，须人工复核；与 threshold 各自确定（按留出的来件，模型与规则的主办不同时谁对得多），可以低于它。false 或不写：模型从不改变决定 / when the rules route and the model\'s first choice is another section with at least this probability, that section leads (the rules\' lead assists), warned as learned_lead with low confidence; chosen on held-out texts apart from threshold, and may be below it. false or absent: the model never changes a decision',
    ),
  leadThresholdBy: z.string().optional(),
  unsureLeadThreshold: z
    .union([z.number().min(0.5).max(1), z.literal(false)])
    .optional()
    .describe(
      '规则自己把握不大（置信度 low：兜底、只靠类别、证据弱又有相近或相反的信号）时，模型的首选是另一个股室且概率至少为此值，即改由模型的股室主办（learned_lead）；不得高于 leadThreshold，leadThreshold 为 false 时不得设。false 或不写：只按 leadThreshold / where the rules\' own decision is low-confidence and the model\'s first choice is another section with at least this probability, that section leads (learned_lead); not above leadThreshold, and not set where leadThreshold is false. false or absent: leadThreshold alone',
    ),
  unsureLeadThresholdBy: z.string().optional(),
  learnedReject: z
    .strictObject({
      threshold: z.number().min(0.5).max(1).describe('模型的首选是不予受理、概率至少为此值 / the least probability of reject'),
      by: z.string().optional().describe('怎样选定的 / how it was chosen'),
      rules: z
        .strictObject({
          complaint: z.string().min(1).optional(),
          report: z.string().min(1).optional(),
          inquiry: z.string().min(1).optional(),
        })
        .refine((r) => Object.keys(r).length > 0, { message: 'name at least one kind' })
        .describe('每类来件借用哪条不予受理的筛查规则（rules/screening.yaml 的 id）的理由、告知和引用的条文；没写的那类来件模型从不改为不予受理 / per kind of matter, the screening rule (outcome: reject) whose reason, action and citations a learned rejection uses; a kind without one is never rejected by the model'),
      authority: z.string().min(1).describe('类别没有写明有权机关（outOfScope）时，理由和告知里的 {authority} / the {authority} where the category names none'),
    })
    .optional()
    .describe(
      '规则已受理、但自己把握不大（置信度 low），没有不属本局的规则让位于本局职责（possibly_out_of_scope），模型的首选是不予受理且概率至少为 threshold 时，改为不予受理（learned_reject），置信度为 low，须人工复核。不写：模型从不改为不予受理 / where the rules route with low confidence, no out-of-scope rule gave way to a duty (possibly_out_of_scope), and the model\'s first choice is reject with at least `threshold`, the matter is not accepted (learned_reject, low confidence, review). Absent: the model never rejects',
    ),
  note: z.string().optional(),
  scale: z.number().positive().describe('权重的量化单位 / the weights’ unit'),
  bias: z.array(z.number()).describe('每类的偏置 / one bias a class'),
  features: z.string().describe('保留的字 1–3 元组，以 | 分隔；@ 开头的是被投诉人名称里的 / the kept grams'),
  weights: z.string().describe('每个特征的权重（类别、权重成对的字符），以 , 分隔 / the weights, per feature'),
})

export type RoutingModelFile = z.infer<typeof routingModelFile>
