/**
 * The core of a loaded, checked rule set — what the loader itself knows: the bureau, the articles every
 * capability cites, the sections, the vocabularies conditions name, and every file read. Each capability
 * adds its own slice (see `Capability` in `capability.ts`); the whole `RuleSet` type is assembled from
 * the capabilities list in `src/capabilities.ts`. Plain serialisable data, every rule with the place it
 * was written.
 */
import type { SectionId } from '../sections.js'
import type { EffectivePeriod } from './schemas.js'
import type { TogetherTerm } from '../conditions/operators.js'
import type { VariantTable } from '../conditions/variants.js'

/** Where a thing is written: `file:line:col`. */
export interface SourceLocation {
  file: string
  line: number
  col: number
}

export type DocId = 'implementation-measures' | 'complaint-measures' | 'penalty-procedure'

/** A citation in a result: the article item and its text, ready to quote. */
export interface Citation {
  doc: DocId
  /** The county regulation's 1..28 article number, or the national rule's article number. */
  seq: number
  /** The number printed in the source, e.g. 第十五条 (the county text prints some numbers twice). */
  printed: string
  item?: number
  /** The item label as printed, e.g. "(一)" or "第二款". */
  label?: string
  text: string
}

export interface ArticleRecord {
  doc: DocId
  docTitle: string
  seq: number
  printed: string
  chapter?: string
  text?: string
  items: { item: number; label?: string; text: string; routing?: true | { not: string }; check?: { not: string } }[]
  note?: string
  /** The section whose duties this article lists (county articles seq 3-21). */
  section?: SectionId
  at: SourceLocation
}

export interface SectionRecord {
  id: SectionId
  name: string
  shortName?: string
  seq: number
  at: SourceLocation
}

export interface VocabularyRecord {
  name: string
  description?: string
  keywords: string[]
  /** Longer words of another meaning: a keyword inside one of them is not a hit. */
  notInside?: string[]
  /** Terms that count only together, within a clause or a window of characters (normalised). */
  together?: TogetherTerm[]
  at: SourceLocation
}

/** Which rules produced a result: config.yaml's `version` (empty when unset) and the content hash of the rule files. */
export interface RuleSetProvenance {
  version: string
  /** `sha256:` and 16 hex digits, over the rule files (not the scenario files) sorted by path, line endings normalised. */
  hash: string
}

export interface RuleSetCore {
  bureau: { name: string; county: string }
  /** Which rules these are: recorded as `ruleSet` in every decision, meeting check and escalation entry. */
  provenance: RuleSetProvenance
  fallback: { section: SectionId; cites: { doc?: DocId; seq: number; item?: number }[] }
  limits: { maxTextLength: number }
  /** Keyed `${doc}:${seq}`. */
  articles: Record<string, ArticleRecord>
  sections: Partial<Record<SectionId, SectionRecord>>
  vocabularies: Record<string, VocabularyRecord>
  /** What the text normaliser reads as another form (rules/variants.yaml): characters, then words. */
  variants: VariantTable
  /** Every file read, with its kind, so analysis and messages can point back into it. */
  files: { path: string; kind: string }[]
}

export type { EffectivePeriod }
