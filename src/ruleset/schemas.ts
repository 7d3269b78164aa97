/**
 * The zod schemas of every rule-file kind under `rules/`. They are the single source of truth for the
 * YAML format: the loader validates with them, the JSON Schemas in `rules/schemas/` are generated from
 * them, and the TypeScript types of a loaded rule set are inferred from them.
 */
import * as z from 'zod'
import { isRealDate } from '../dates/isoDay.js'
import { SECTION_IDS } from '../sections.js'

/** An ISO calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'iso_date', abort: true })
  .refine(isRealDate, { message: 'iso_date' })
  .describe('日期，格式 YYYY-MM-DD / a date, YYYY-MM-DD')

/** Kept here for existing importers; it lives in the ground-floor date module. */
export { isRealDate }

export const sectionId = z.enum(SECTION_IDS).describe('股室编号 / section id')

/**
 * A scenario's `expect`, which must name at least one thing: an empty one checks nothing, so the scenario
 * would always pass (and, in a measured field file, always count as right). The loader words the
 * `empty_expectation` check at the line and column of the `expect:` (zodIssues.ts); editors see
 * `minProperties: 1` in the generated JSON Schema.
 */
export function expectingSomething<T extends z.ZodObject>(expectation: T): T {
  return expectation.refine((e) => Object.keys(e as object).length > 0, { message: 'empty_expectation' }).meta({ minProperties: 1 }) as T
}

/** Which document a citation points into. */
export const docId = z
  .enum(['implementation-measures', 'complaint-measures', 'penalty-procedure'])
  .describe('implementation-measures：本县实施办法；complaint-measures：《暂行办法》；penalty-procedure：《处罚程序规定》')

/** A citation as written in a rule file: `{ seq: 15, item: 1 }` (the county regulation by default). */
export const citationRef = z
  .strictObject({
    doc: docId.optional(),
    seq: z.number().int().positive().describe('条的序号：本县实施办法用 1..28 的 seq；国家规定用条号'),
    item: z.number().int().positive().optional().describe('项（或款）的序号，从 1 开始'),
  })
  .describe('引用的条款 / a cited article item')

export const bilingual = z.strictObject({
  zh: z.string().min(1),
  en: z.string().min(1),
})

export const effectivePeriod = z
  .strictObject({
    from: isoDate.optional().describe('生效日（含）/ in force from (inclusive)'),
    to: isoDate.optional().describe('失效日（含）/ in force until (inclusive)'),
  })
  .describe('生效期间 / effective period')

export { conditionNode, topCondition, type ConditionNode } from '../conditions/schema.js'

// ---------------------------------------------------------------------------------------------------
// Articles: the texts that citations point into.

export const articleItem = z.strictObject({
  item: z.number().int().positive(),
  label: z.string().optional().describe('原文的项号，如 "(一)" 或 "第二款"'),
  text: z.string().min(1).describe('原文 / verbatim text'),
  check: z
    .strictObject({ not: z.string().min(1).describe('为何不需要会议检查 / why no meeting check applies') })
    .optional()
    .describe('议事程序条款（seq 22-26）：只列工作内容、不约束会议怎样开的项，写明不检查的理由'),
})

export const article = z.strictObject({
  seq: z.number().int().positive().describe('序号（本县实施办法 1..28）或国家规定的条号'),
  printed: z.string().min(1).describe('原文印出的条号，如 "第十五条"'),
  chapter: z.string().optional(),
  text: z.string().optional().describe('条文正文（不含各项）/ article text apart from its items'),
  items: z.array(articleItem).optional(),
  note: z.string().optional().describe('对原文缺陷的说明 / a note on a defect of the source'),
})

export const articlesFile = z.strictObject({
  kind: z.literal('articles'),
  doc: docId,
  title: z.string().min(1),
  source: z.string().optional(),
  articles: z.array(article).min(1),
})

// ---------------------------------------------------------------------------------------------------
// Vocabularies: named keyword lists, defined once, referenced by name from conditions.

export const vocabulary = z.strictObject({
  description: z.string().optional(),
  keywords: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe('命中任何一个就算的词；只有一起出现才算的词（together）时可以不写 / words any one of which is a hit; may be left out when the list has only together terms'),
  notInside: z
    .array(z.string().min(2))
    .min(1)
    .optional()
    .describe('另有含义的更长的词：本表的词出现在这些词里面时不算命中（「水表」在「汤水表面」里）/ longer words of another meaning: a keyword inside one of them is not a hit'),
  together: z
    .array(
      z.strictObject({
        terms: z.array(z.string().min(1)).min(2).describe('要一起出现才算的词（不分先后）/ the terms that count only together, in any order'),
        within: z
          .union([z.literal('clause'), z.number().int().positive()])
          .describe('clause：在同一分句里（分句以 。！？；， 及换行分开，不以 、…… ： . 分开）；数字：从第一个词的开头到最后一个词的结尾不超过这么多字 / clause: in one clause (ended by 。！？；， and line breaks, not by 、…… ： or .); a number: from the start of the first term to the end of the last, at most this many characters'),
      }),
    )
    .min(1)
    .optional()
    .describe('一起出现才算的词：如「信用卡」和「年费」在同一分句里（「信用卡……被收取年费」），命中记作「信用卡…年费」/ terms that count only together, e.g. 信用卡 and 年费 in one clause; the hit is reported as 「信用卡…年费」'),
})

export const vocabulariesFile = z.strictObject({
  kind: z.literal('vocabularies'),
  vocabularies: z.record(z.string().min(1), vocabulary),
})

// ---------------------------------------------------------------------------------------------------
// Variants: what the text normaliser writes in one form before any keyword is looked for.

export const variantsFile = z.strictObject({
  kind: z.literal('variants'),
  description: z.string().optional(),
  characters: z
    .record(z.string().min(1), z.string().min(1))
    .optional()
    .describe('逐字替换（繁体字→简体字）：投诉文字里的左边的字按右边的字读，如 電: 电 / one character read as another (traditional → simplified), e.g. 電: 电'),
  words: z
    .record(z.string().min(2), z.string().min(1))
    .optional()
    .describe('词的替换（常见错别字→规范写法），在逐字替换之后，长词先换 / a word read as another (common misspellings), after the characters, longest first'),
})

// ---------------------------------------------------------------------------------------------------
// Bureau configuration. (Routing's file kinds — section, intake, screening, scenarios — are in
// src/routing/schemas.ts.)

export const configFile = z.strictObject({
  kind: z.literal('config'),
  version: z.string().min(1).optional().describe('规则集的版本（如 2026.12-1），与内容哈希一起记在每个决定里，供日后核查 / the rule set’s version, recorded with its content hash in every decision'),
  bureau: z.strictObject({
    name: z.string().min(1),
    county: z.string().min(1).describe('本局所在县 / the bureau’s own county'),
  }),
  fallback: z
    .strictObject({
      section: sectionId,
      cites: z.array(citationRef).min(1),
    })
    .describe('无具体股室命中时的主办股室 / who leads when no specific rule matches'),
  limits: z
    .strictObject({
      maxTextLength: z.number().int().positive().describe('投诉文本的最大字数'),
    })
    .optional(),
})

export type ArticlesFile = z.infer<typeof articlesFile>
export type VocabulariesFile = z.infer<typeof vocabulariesFile>
export type VariantsFile = z.infer<typeof variantsFile>
export type ConfigFile = z.infer<typeof configFile>
export type CitationRef = z.infer<typeof citationRef>
export type EffectivePeriod = z.infer<typeof effectivePeriod>
