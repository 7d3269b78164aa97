/**
 * The loader's own rule-file kinds — what every capability may refer to: the bureau's `config`, the
 * regulation `articles` that citations point into, and the keyword `vocabularies` that conditions name.
 */
import type { z } from 'zod'
import { normalizeText } from '../conditions/normalizeText.js'
import { CLAUSE_MARKS, togetherLabel, type TogetherTerm } from '../conditions/operators.js'
import type { Issue } from '../problems/issue.js'
import type { KindContext, RuleFileKind } from './capability.js'
import { LOADER_MESSAGES } from './messages.js'
import { articlesFile, configFile, variantsFile, vocabulariesFile } from './schemas.js'
import type { RuleSetCore } from './types.js'

const configKind: RuleFileKind<z.infer<typeof configFile>, RuleSetCore> = {
  kind: 'config',
  schema: configFile,
  role: 'defines',
  max: 1,
  define(d, ruleSet) {
    ruleSet.bureau = d.bureau
    if (d.version) ruleSet.provenance.version = d.version
    ruleSet.fallback = d.fallback
    if (d.limits) ruleSet.limits = d.limits
    return []
  },
  load: () => [],
}

const articlesKind: RuleFileKind<z.infer<typeof articlesFile>, RuleSetCore> = {
  kind: 'articles',
  schema: articlesFile,
  role: 'defines',
  define(d, _ruleSet, ctx) {
    return d.articles.flatMap((a, i) =>
      ctx.addArticle(
        { doc: d.doc, docTitle: d.title, seq: a.seq, printed: a.printed, chapter: a.chapter, text: a.text, items: a.items ?? [], note: a.note, at: ctx.at(['articles', i]) },
        ['articles', i, 'seq'],
      ),
    )
  },
  load: () => [],
}

const vocabulariesKind: RuleFileKind<z.infer<typeof vocabulariesFile>, RuleSetCore> = {
  kind: 'vocabularies',
  schema: vocabulariesFile,
  role: 'defines',
  define(d, ruleSet, ctx) {
    const issues: Issue[] = []
    for (const [name, vocab] of Object.entries(d.vocabularies)) {
      const prior = ruleSet.vocabularies[name]
      if (prior) {
        const fields = { name, earlier: { file: prior.at.file, line: prior.at.line } }
        issues.push(ctx.report(['vocabularies', name], LOADER_MESSAGES, 'duplicate_vocabulary', fields, { preferKey: true }))
        continue
      }
      if (vocab.keywords === undefined && vocab.together === undefined) {
        issues.push(ctx.issueAt(['vocabularies', name], 'invalid_value', `关键词表「${name}」既没有 keywords 也没有 together，什么也不会命中；请至少写一个关键词，或一组一起出现才算的词（together）。`, `vocabulary "${name}" has neither keywords nor together, so nothing can ever match it; write at least one keyword or one together entry.`, { preferKey: true }))
      }
      const together = vocab.together ? togetherTerms(vocab.together, ['vocabularies', name, 'together'], ctx.issueAt, issues) : undefined
      const keywords = (vocab.keywords ?? []).map(normalizeText)
      const notInside = vocab.notInside?.map(normalizeText)
      issues.push(...listedTwice(name, 'keywords', keywords, ctx))
      issues.push(...listedTwice(name, 'notInside', notInside ?? [], ctx))
      issues.push(...listedTwice(name, 'together', (vocab.together ?? []).map((t) => `${[...new Set(t.terms.map(normalizeText))].sort().join('…')}（${t.within}）`), ctx))
      ruleSet.vocabularies[name] = {
        name,
        description: vocab.description,
        keywords: [...new Set(keywords)],
        ...(notInside ? { notInside: [...new Set(notInside)] } : {}),
        ...(together && together.length > 0 ? { together } : {}),
        at: ctx.at(['vocabularies', name]),
      }
    }
    return issues
  },
  load: () => [],
}

/**
 * A word a vocabulary lists twice in one list (as normalised, so 「ＯＫ」 and 「ok」 are one): a warning at
 * the second, naming the first. The loader keeps one (it matches once either way); the warning is for
 * the lawyer who added it again thinking it was missing, or meant a different word.
 */
function listedTwice(name: string, list: 'keywords' | 'notInside' | 'together', words: readonly string[], ctx: KindContext): Issue[] {
  const first = new Map<string, number>()
  const issues: Issue[] = []
  words.forEach((word, i) => {
    const earlier = first.get(word)
    if (earlier === undefined) first.set(word, i)
    else issues.push(ctx.report(['vocabularies', name, list, i], LOADER_MESSAGES, 'duplicate_keyword', { name, keyword: word, list, earlier: ctx.at(['vocabularies', name, list, earlier]) }, { severity: 'warning' }))
  })
  return issues
}

/**
 * A vocabulary's `together` entries, normalised, with what the schema cannot say: the terms differ, none
 * holds a clause mark (it could never be inside one clause), and a window is long enough for the terms.
 */
function togetherTerms(entries: readonly { terms: string[]; within: number | 'clause' }[], path: (string | number)[], issueAt: KindContext['issueAt'], issues: Issue[]): TogetherTerm[] {
  const out: TogetherTerm[] = []
  entries.forEach((entry, i) => {
    const terms = entry.terms.map(normalizeText)
    const at = [...path, i]
    const problems: Issue[] = []
    terms.forEach((term, k) => {
      if (terms.indexOf(term) !== k) problems.push(issueAt([...at, 'terms', k], 'invalid_value', `「${term}」在 terms 里写了两次；一起出现的词应各不相同。`, `"${term}" is listed twice in terms; the terms that count together must differ.`))
      const mark = [...term].find((c) => CLAUSE_MARKS.includes(c))
      if (mark !== undefined) problems.push(issueAt([...at, 'terms', k], 'invalid_value', `「${term}」含有分句标点 ${JSON.stringify(mark)}，不会在一个分句里出现；请去掉标点，或拆成两个词。`, `"${term}" holds the clause mark ${JSON.stringify(mark)}; split it into two terms or drop the mark.`))
    })
    const length = terms.reduce((n, t) => n + t.length, 0)
    if (typeof entry.within === 'number' && entry.within < length) {
      problems.push(issueAt([...at, 'within'], 'invalid_value', `within: ${entry.within} 比这些词的总字数 ${length} 还短，永远不会命中；请写不少于 ${length} 的数，或写 within: clause。`, `within: ${entry.within} is shorter than the terms' ${length} characters together, so it never holds; write at least ${length}, or within: clause.`))
    }
    issues.push(...problems)
    if (problems.length === 0) out.push({ terms, within: entry.within, label: togetherLabel(terms) })
  })
  return out
}

const variantsKind: RuleFileKind<z.infer<typeof variantsFile>, RuleSetCore> = {
  kind: 'variants',
  schema: variantsFile,
  role: 'defines',
  define(d, ruleSet, ctx) {
    const issues: Issue[] = []
    const { characters, words } = ruleSet.variants
    for (const [from, to] of Object.entries(d.characters ?? {})) {
      const key = normalizeText(from)
      if ([...from].length !== 1 || [...to].length !== 1) {
        issues.push(ctx.issueAt(['characters', from], 'invalid_value', `characters 里一个字换一个字，「${from}: ${to}」不是；词的替换写在 words 里。`, `characters maps one character to one; "${from}: ${to}" does not. Put words under words.`, { preferKey: true }))
      } else if (key === normalizeText(to)) {
        issues.push(ctx.issueAt(['characters', from], 'invalid_value', `「${from}」换成它自己，请删去这一项。`, `"${from}" is mapped to itself; delete the entry.`, { preferKey: true }))
      } else if (Object.prototype.hasOwnProperty.call(characters, key) && characters[key] !== normalizeText(to)) {
        issues.push(ctx.issueAt(['characters', from], 'invalid_value', `「${from}」已经定义为「${characters[key]}」，不能再换成「${to}」。`, `"${from}" is already read as "${characters[key]}"; it cannot also be "${to}".`, { preferKey: true }))
      } else characters[key] = normalizeText(to)
    }
    for (const [from, to] of Object.entries(d.words ?? {})) {
      const key = normalizeText(from)
      if (words.some((w) => w.from === key)) {
        issues.push(ctx.issueAt(['words', from], 'invalid_value', `「${from}」的替换写了两次。`, `"${from}" has two replacements.`, { preferKey: true }))
      } else if (normalizeText(to).includes(key)) {
        issues.push(ctx.issueAt(['words', from], 'invalid_value', `「${from}」换成的「${to}」里还含有它自己，请删去这一项。`, `"${from}" becomes "${to}", which contains it again; delete the entry.`, { preferKey: true }))
      } else words.push({ from: key, to: normalizeText(to) })
    }
    return issues
  },
  load: () => [],
}

/** The core kinds, in the order the loader lists them. */
export const CORE_KINDS: readonly RuleFileKind[] = [articlesKind, vocabulariesKind, variantsKind, configKind]
