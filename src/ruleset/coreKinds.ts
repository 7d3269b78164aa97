/**
 * The loader's own rule-file kinds — what every capability may refer to: the bureau's `config`, the
 * regulation `articles` that citations point into, and the keyword `vocabularies` that conditions name.
 */
import type { z } from 'zod'
import { normalizeText } from '../conditions/normalizeText.js'
import type { RuleFileKind } from './capability.js'
import { articlesFile, configFile, vocabulariesFile } from './schemas.js'
import type { RuleSetCore } from './types.js'

const configKind: RuleFileKind<z.infer<typeof configFile>, RuleSetCore> = {
  kind: 'config',
  schema: configFile,
  role: 'defines',
  max: 1,
  define(d, ruleSet) {
    ruleSet.bureau = d.bureau
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
    const issues = []
    for (const [name, vocab] of Object.entries(d.vocabularies)) {
      const prior = ruleSet.vocabularies[name]
      if (prior) {
        issues.push(ctx.issueAt(['vocabularies', name], 'duplicate_vocabulary', `关键词表 "${name}" 重复定义，已在 ${prior.at.file}:${prior.at.line} 定义。关键词表只定义一次，按名称引用。`, `vocabulary "${name}" is defined twice; first at ${prior.at.file}:${prior.at.line}. Define it once and refer to it by name.`, { preferKey: true }))
        continue
      }
      ruleSet.vocabularies[name] = { name, description: vocab.description, keywords: [...new Set(vocab.keywords.map(normalizeText))], at: ctx.at(['vocabularies', name]) }
    }
    return issues
  },
  load: () => [],
}

/** The core kinds, in the order the loader lists them. */
export const CORE_KINDS: readonly RuleFileKind[] = [articlesKind, vocabulariesKind, configKind]
