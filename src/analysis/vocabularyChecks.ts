/**
 * Checks of the vocabularies against each other, against the category terms and against the field corpus
 * (issue 10): a keyword that is part of a longer keyword of another section, a keyword that occurs inside a
 * category word of another meaning, and keywords that no real text ever contains. Each is an `info`: a
 * lead for legal staff (add a `notInside:` word, move the keyword, or drop it), not an error.
 */
import type { RuleSet } from '../capabilities.js'
import type { SectionId } from '../sections.js'
import { findTogether, vocabularyLookup } from '../conditions/operators.js'
import { normalizeText } from '../conditions/normalizeText.js'
import { createVariantNormalizer } from '../conditions/variants.js'
import { finding, list, listEn } from './findings.js'
import { termsOf } from './keywordTerms.js'
import type { Finding } from './types.js'

/** The sections whose lead rules require each vocabulary. */
function sectionsByVocabulary(ruleSet: RuleSet): Map<string, Set<SectionId>> {
  const vocab = vocabularyLookup(ruleSet.vocabularies)
  const out = new Map<string, Set<SectionId>>()
  for (const rule of ruleSet.routingRules) {
    if (rule.role !== 'lead') continue
    for (const term of termsOf(rule.when, vocab).terms) {
      for (const group of term.require) {
        if (!ruleSet.vocabularies[group.label]) continue
        let set = out.get(group.label)
        if (!set) out.set(group.label, (set = new Set()))
        set.add(rule.section)
      }
    }
  }
  return out
}

const guarded = (ruleSet: RuleSet, vocabulary: string, keyword: string, word: string) => (ruleSet.vocabularies[vocabulary]?.notInside ?? []).some((g) => g.includes(keyword) && word.includes(g))

export function vocabularyChecks(ruleSet: RuleSet, fieldTexts: readonly string[], commonWords: readonly string[] = []): Finding[] {
  const findings: Finding[] = []
  const users = sectionsByVocabulary(ruleSet)
  const names = [...users.keys()].sort()

  // 1. A keyword inside a longer keyword of another section's vocabulary: a text with the longer one fires both.
  for (const a of names) {
    const inside: string[] = []
    for (const k of ruleSet.vocabularies[a]!.keywords) {
      if (k.length < 1) continue
      for (const b of names) {
        if (b === a || [...users.get(b)!].every((s) => users.get(a)!.has(s))) continue
        for (const longer of ruleSet.vocabularies[b]!.keywords) {
          if (longer.length > k.length && longer.includes(k) && !guarded(ruleSet, a, k, longer)) inside.push(`${k}⊂${longer}（${b}）`)
        }
      }
    }
    if (inside.length > 0) {
      findings.push(
        finding(
          'keyword_inside_other_keyword',
          'info',
          `关键词表「${a}」的词是其他股室关键词的一部分：${list(inside, 6)}。含长词的投诉也会命中「${a}」；如长词另有含义，在「${a}」加 notInside:。`,
          `keywords of "${a}" are parts of other sections' keywords: ${listEn(inside, 6)}. A text with the longer word fires "${a}" too; if it means something else, add it to "${a}"'s notInside.`,
          [ruleSet.vocabularies[a]!.at],
        ),
      )
    }
  }

  // 2. A keyword inside a category word whose category belongs to other sections or another authority.
  const categories = ruleSet.categories?.categories ?? []
  for (const a of names) {
    const sections = users.get(a)!
    const inside: string[] = []
    for (const k of ruleSet.vocabularies[a]!.keywords) {
      for (const category of categories) {
        if (category.sections?.some((s) => sections.has(s))) continue
        for (const word of category.terms) {
          if (word.length > k.length && word.includes(k) && !guarded(ruleSet, a, k, word)) inside.push(`${k}⊂${word}（${category.name}）`)
        }
      }
    }
    if (inside.length > 0) {
      findings.push(
        finding(
          'keyword_in_word_of_other_meaning',
          'info',
          `关键词表「${a}」的词出现在别的类别的词里：${list(inside, 6)}。这些词另有含义时请加到「${a}」的 notInside:。`,
          `keywords of "${a}" occur inside words of other categories: ${listEn(inside, 6)}. Where they mean something else, add them to "${a}"'s notInside.`,
          [ruleSet.vocabularies[a]!.at],
        ),
      )
    }
  }

  // 3. Keywords no field text contains (only when there is a field corpus).
  if (fieldTexts.length > 0) {
    for (const a of names) {
      const vocabulary = ruleSet.vocabularies[a]!
      const never = vocabulary.keywords.filter((k) => !fieldTexts.some((t) => t.includes(k)))
      // Together terms count as one keyword (「信用卡…年费」): never, when no text has them together.
      const neverTogether: string[] = []
      for (const term of vocabulary.together ?? []) {
        if (!fieldTexts.some((t) => findTogether(t, term, vocabulary.notInside) !== undefined)) neverTogether.push(term.terms.join('…'))
      }
      never.unshift(...neverTogether) // listed first: the list is cut after ten
      if (never.length === 0) continue
      findings.push(
        finding(
          'keyword_never_in_field',
          'info',
          `关键词表「${a}」有 ${never.length}/${vocabulary.keywords.length + (vocabulary.together?.length ?? 0)} 个词在实地语料的调优部分（${fieldTexts.length} 件，不含冻结的三分之一）里从未出现：${list(never, 10)}。群众可能不这样说，请看实地语料补充常用说法。`,
          `${never.length} of ${vocabulary.keywords.length + (vocabulary.together?.length ?? 0)} keywords of "${a}" never occur in the field corpus's tuned part (${fieldTexts.length} texts; the frozen third is left out): ${listEn(never, 10)}. People may say it otherwise.`,
          [ruleSet.vocabularies[a]!.at],
        ),
      )
    }
  }
  // 4. A keyword inside a word of a general word list that is not one of its own vocabulary's words:
  //    「水表」 in 「水表面」. Each common word's substrings are looked up, so a large list stays cheap.
  if (commonWords.length > 0) findings.push(...commonWordChecks(ruleSet, commonWords))
  findings.push(...notInNormalForm(ruleSet))
  return findings
}

/**
 * A keyword written in a form the text normaliser never leaves in a text (a traditional character or a
 * misspelling that rules/variants.yaml maps to another): complaints are read in the mapped form, so the
 * keyword can never match. A warning: the lawyer meant it to count.
 */
function notInNormalForm(ruleSet: RuleSet): Finding[] {
  const variants = createVariantNormalizer(ruleSet.variants)
  const out: Finding[] = []
  for (const name of Object.keys(ruleSet.vocabularies).sort()) {
    const vocabulary = ruleSet.vocabularies[name]!
    const words = [...vocabulary.keywords, ...(vocabulary.notInside ?? []), ...(vocabulary.together ?? []).flatMap((t) => t.terms)]
    const bad = [...new Set(words.filter((w) => variants(w) !== w))].map((w) => `${w}→${variants(w)}`)
    if (bad.length === 0) continue
    out.push(
      finding(
        'keyword_not_in_normal_form',
        'warning',
        `关键词表「${name}」的词写成了异写（rules/variants.yaml 会把来件里的它们读成别的写法），永远不会命中：${list(bad, 8)}。请改写成箭头后的写法。`,
        `keywords of "${name}" are written in a variant form (rules/variants.yaml reads them in texts as another form), so they never match: ${listEn(bad, 8)}. Write them as after the arrow.`,
        [vocabulary.at],
      ),
    )
  }
  for (const category of ruleSet.categories?.categories ?? []) {
    const bad = [...new Set(category.terms.filter((w) => variants(w) !== w))].map((w) => `${w}→${variants(w)}`)
    if (bad.length === 0) continue
    out.push(
      finding(
        'keyword_not_in_normal_form',
        'warning',
        `类别「${category.name}」（${category.id}）的词写成了异写，永远不会命中：${list(bad, 8)}。请改写成箭头后的写法。`,
        `terms of the category "${category.name}" (${category.id}) are written in a variant form, so they never match: ${listEn(bad, 8)}. Write them as after the arrow.`,
        [category.at],
      ),
    )
  }
  return out
}

function commonWordChecks(ruleSet: RuleSet, commonWords: readonly string[]): Finding[] {
  const owners = new Map<string, string[]>()
  for (const v of Object.values(ruleSet.vocabularies)) for (const k of v.keywords) owners.set(k, [...(owners.get(k) ?? []), v.name])
  const inside = new Map<string, Map<string, string[]>>() // vocabulary → keyword → common words
  const words = new Set(commonWords.map(normalizeText))
  for (const word of words) {
    for (let from = 0; from < word.length; from++) {
      for (let to = from + 1; to <= word.length; to++) {
        if (to - from === word.length) continue
        const keyword = word.slice(from, to)
        for (const name of owners.get(keyword) ?? []) {
          const vocabulary = ruleSet.vocabularies[name]!
          // Not another meaning when the longer word is the vocabulary's own word, or already a notInside word.
          if (vocabulary.keywords.some((k) => k.length > keyword.length && word.includes(k) && k.includes(keyword)) || guarded(ruleSet, name, keyword, word)) continue
          let byKeyword = inside.get(name)
          if (!byKeyword) inside.set(name, (byKeyword = new Map()))
          const list = byKeyword.get(keyword) ?? []
          if (!list.includes(word)) byKeyword.set(keyword, [...list, word])
        }
      }
    }
  }
  const findings: Finding[] = []
  for (const name of [...inside.keys()].sort()) {
    const entries = [...inside.get(name)!].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, ws]) => `${k}⊂${ws.sort().slice(0, 3).join('/')}${ws.length > 3 ? `…(${ws.length})` : ''}`)
    findings.push(
      finding(
        'keyword_in_common_word',
        'info',
        `关键词表「${name}」的词出现在通用词表的其他词里：${list(entries, 8)}。这些词另有含义时，请加到「${name}」的 notInside:。`,
        `keywords of "${name}" occur inside other words of the general word list: ${listEn(entries, 8)}. Where those mean something else, add them to "${name}"'s notInside.`,
        [ruleSet.vocabularies[name]!.at],
      ),
    )
  }
  return findings
}
