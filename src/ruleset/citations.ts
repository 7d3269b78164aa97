/**
 * Citations: from a rule's `{ seq, item }` to the quoted article item a clerk can paste into a file.
 */
import type { CitationRef } from './schemas.js'
import type { Citation, RuleSetCore as RuleSet } from './types.js'

/** The quoted citation, or `undefined` when the article is not in the rule set (a load error). */
export function resolveCitation(ruleSet: RuleSet, ref: CitationRef): Citation | undefined {
  const doc = ref.doc ?? 'implementation-measures'
  const article = ruleSet.articles[`${doc}:${ref.seq}`]
  if (!article) return undefined
  if (ref.item !== undefined) {
    const item = article.items.find((i) => i.item === ref.item)
    if (!item) return undefined
    return { doc, seq: ref.seq, printed: article.printed, item: ref.item, ...(item.label ? { label: item.label } : {}), text: item.text }
  }
  const text = [article.text, ...article.items.map((i) => (i.label ? i.label : '') + i.text)].filter(Boolean).join('')
  return { doc, seq: ref.seq, printed: article.printed, text }
}

/** `实施办法第十五条(一)` / `《暂行办法》第十五条(一)` — how staff cite it. */
export function formatCitation(citation: Citation): string {
  const doc =
    citation.doc === 'implementation-measures' ? '实施办法' : citation.doc === 'complaint-measures' ? '《暂行办法》' : '《处罚程序规定》'
  const seq = citation.doc === 'implementation-measures' ? `（seq ${citation.seq}）` : ''
  return `${doc}${citation.printed}${citation.label ?? (citation.item ? `第${citation.item}项` : '')}${seq}`
}

/** Why a citation does not resolve, or `undefined` when it does. */
export function citationProblem(ruleSet: RuleSet, cite: CitationRef): { zh: string; en: string } | undefined {
  const doc = cite.doc ?? 'implementation-measures'
  const article = ruleSet.articles[`${doc}:${cite.seq}`]
  const docName = doc === 'implementation-measures' ? '本县实施办法' : doc === 'complaint-measures' ? '《暂行办法》' : '《处罚程序规定》'
  if (!article) {
    // What the rule set has of this document, from its articles (never a count written here: a
    // missing or failed articles file must not make the message contradict itself).
    const seqs = Object.values(ruleSet.articles)
      .filter((a) => a.doc === doc)
      .map((a) => a.seq)
      .sort((a, b) => a - b)
    const ranges: string[] = []
    for (let i = 0; i < seqs.length; ) {
      let j = i
      while (j + 1 < seqs.length && seqs[j + 1]! <= seqs[j]! + 1) j++
      ranges.push(seqs[i] === seqs[j] ? `${seqs[i]}` : `${seqs[i]}..${seqs[j]}`)
      i = j + 1
    }
    const has = ranges.join(', ')
    return seqs.length === 0
      ? {
          zh: `引用的条文不存在：${docName} seq ${cite.seq}。规则集中没有${docName}的任何条文：请先在 rules/articles/ 中收录。`,
          en: `the cited article does not exist: ${doc} seq ${cite.seq}. The rule set has no article of ${doc}: add them to rules/articles/ first.`,
        }
      : {
          zh: `引用的条文不存在：${docName} seq ${cite.seq}。规则集收录的${docName}条文为 seq ${has}${doc === 'implementation-measures' ? '' : '；请先在 rules/articles/ 中收录该条'}。`,
          en: `the cited article does not exist: ${doc} seq ${cite.seq}. The rule set has seq ${has} of it${doc === 'implementation-measures' ? '' : '; add it to rules/articles/ first'}.`,
        }
  }
  if (cite.item !== undefined && !article.items.some((i) => i.item === cite.item)) {
    return {
      zh: `引用的项不存在：${docName}${article.printed}（seq ${cite.seq}）没有第 ${cite.item} 项，共有 ${article.items.length} 项。`,
      en: `the cited item does not exist: ${doc} ${article.printed} (seq ${cite.seq}) has no item ${cite.item}; it has ${article.items.length}.`,
    }
  }
  return undefined
}
