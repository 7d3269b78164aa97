/**
 * The goods-and-services taxonomy file (`kind: categories`): the categories the 12315 platform and the
 * consumer associations count complaints in (商品大类 / 服务大类 and their subcategories), each leaf with
 * the sections competent for it — or the authority that is, when the bureau is not — and the everyday
 * words people use for it. Every routing decision names its category; the records report counts by it.
 */
import * as z from 'zod'
import { citationRef, sectionId } from '../../ruleset/schemas.js'

const categoryId = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { message: 'category_id' }).describe('类别编号：小写字母、数字、点 / lower-case id')

export const categoryLeaf = z.strictObject({
  id: categoryId,
  name: z.string().min(1).describe('类别名称（统计口径）'),
  sections: z.array(sectionId).min(1).optional().describe('有职责的股室，第一个通常主办 / competent sections, usual lead first'),
  outOfScope: z.string().min(1).optional().describe('不属本局职责时：有权处理的机关 / the competent authority when the bureau is not'),
  basis: z.string().optional().describe('依据原文 / the words that decide the mapping'),
  cites: z.array(citationRef).min(1).describe('依据条款 / the articles the mapping rests on'),
  terms: z.array(z.string().min(2, { message: 'term_too_short' })).min(1).describe('群众常用的说法（两个字以上）/ everyday words, two characters or more'),
})

export const categoryGroup = z.strictObject({
  id: categoryId,
  name: z.string().min(1),
  children: z.array(categoryLeaf).min(1),
})

export const categoriesFile = z.strictObject({
  kind: z.literal('categories'),
  sources: z.array(z.strictObject({ title: z.string().min(1), url: z.string().url() })).optional().describe('分类口径的出处'),
  categories: z.array(categoryGroup).min(1),
})

export type CategoriesFile = z.infer<typeof categoriesFile>
export type CategoryLeafSpec = z.infer<typeof categoryLeaf>
