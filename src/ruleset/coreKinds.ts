/**
 * The loader's own rule-file kinds — what every capability may refer to: the bureau's `config`, the
 * regulation `articles` that citations point into, and the keyword `vocabularies` that conditions name.
 */
import type { z } from 'zod'
import { normalizeText } from '../conditions/normalizeText.js'
import type { Issue } from '../problems/issue.js'
import type { RuleFileKind } from './capability.js'
import { LOADER_MESSAGES } from './messages.js'
import { articlesFile, configFile, vocabulariesFile } from './schemas.js'
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
      ruleSet.vocabularies[name] = { name, description: vocab.description, keywords: [...new Set(vocab.keywords.map(normalizeText))], ...(vocab.notInside ? { notInside: [...new Set(vocab.notInside.map(normalizeText))] } : {}), at: ctx.at(['vocabularies', name]) }
    }
    return issues
  },
  load: () => [],
}

/** The core kinds, in the order the loader lists them. */
export const CORE_KINDS: readonly RuleFileKind[] = [articlesKind, vocabulariesKind, configKind]
