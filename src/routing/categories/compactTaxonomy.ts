/**
 * The taxonomy as the bundled rules store it (src/engine/bundled/routing.generated.ts, written by
 * `npm run gen`): its ~4,500 terms are most of what an app that routes downloads, and as JSON every term
 * is a quoted string and every leaf repeats its parent, its section ids and its field names. Stored
 * compactly, each leaf's terms are one string, its parent an index into a table of top categories (its id
 * written after the parent's, `.grain-oil`, when it starts with it), its sections indexes into a table
 * of section ids, its out-of-scope authority an index into a table of authorities. `decodeTaxonomy`
 * rebuilds exactly the records routing reads (the runtime fields of `CategoryRecord`, in the loader's
 * key order); `npm run gen` refuses to write an encoding that does not decode to its input
 * (`encodeTaxonomy`), and test/generated.test.ts compares the decoded taxonomy with the parsed rule set.
 */
import type { SectionId } from '../../sections.js'

/** The fields of a leaf routing reads at run time (the others are omitted from the route bundle). */
export interface RuntimeCategory {
  id: string
  name: string
  parent: { id: string; name: string }
  sections?: SectionId[]
  outOfScope?: string
  terms: string[]
}

/**
 * `leaves[i]` is `[parent, id, name, sections, outOfScope, terms]`: the parent's index in `parents`; the
 * id, or `.tail` for `parent.id + '.tail'`; the name; the sections' indexes in `sections`, one base-36
 * digit each ('' when none); the authority's index in `authorities` (-1 when none); the terms joined
 * with `separator`.
 */
export interface CompactTaxonomy {
  separator: string
  parents: [id: string, name: string][]
  sections: string[]
  authorities: string[]
  leaves: [parent: number, id: string, name: string, sections: string, outOfScope: number, terms: string][]
}

const RUNTIME_KEYS = ['id', 'name', 'parent', 'sections', 'outOfScope', 'terms']

/** The taxonomy's runtime form from its compact form (a fresh copy on every call). */
export function decodeTaxonomy(compact: CompactTaxonomy): { categories: RuntimeCategory[] } {
  const { separator, parents, sections, authorities } = compact
  const categories = compact.leaves.map(([p, id, name, sectionDigits, authority, terms]): RuntimeCategory => {
    const [parentId, parentName] = parents[p]!
    const leaf: RuntimeCategory = { id: id.charAt(0) === '.' ? parentId + id : id, name, parent: { id: parentId, name: parentName } } as RuntimeCategory
    if (sectionDigits) leaf.sections = [...sectionDigits].map((digit) => sections[parseInt(digit, 36)] as SectionId)
    if (authority >= 0) leaf.outOfScope = authorities[authority]
    leaf.terms = terms ? terms.split(separator) : []
    return leaf
  })
  return { categories }
}

/**
 * The compact form of the taxonomy's runtime slice (`{ categories }`), at `npm run gen`. Throws when the
 * slice has a field this encoding does not know, or when it would not decode to exactly its input.
 */
export function encodeTaxonomy(taxonomy: { categories: readonly Record<string, unknown>[] }): CompactTaxonomy {
  const keys = Object.keys(taxonomy)
  if (keys.length !== 1 || keys[0] !== 'categories') throw new Error(`the taxonomy's runtime slice has fields ${keys.join(', ')}: encodeTaxonomy knows only categories`)
  const leaves = taxonomy.categories as unknown as RuntimeCategory[]
  for (const leaf of leaves) {
    const unknown = Object.keys(leaf).filter((k) => !RUNTIME_KEYS.includes(k))
    if (unknown.length > 0) throw new Error(`category ${leaf.id} has fields ${unknown.join(', ')} that encodeTaxonomy does not store: add them to it, or to routing's omitAtRuntime`)
  }
  const allTerms = leaves.flatMap((leaf) => leaf.terms)
  const separator = [' ', '|', '\t', '\n', '\u0001'].find((s) => allTerms.every((t) => t !== '' && !t.includes(s)))
  if (separator === undefined) throw new Error('every separator occurs in some category term')
  const indexIn = <T>(table: T[], value: T, same: (a: T) => boolean = (a) => a === value) => {
    const i = table.findIndex(same)
    return i >= 0 ? i : table.push(value) - 1
  }
  const parents: [string, string][] = []
  const sections: string[] = []
  const authorities: string[] = []
  const compact: CompactTaxonomy = {
    separator,
    parents,
    sections,
    authorities,
    leaves: leaves.map((leaf) => {
      const p = indexIn(parents, [leaf.parent.id, leaf.parent.name], (a) => a[0] === leaf.parent.id && a[1] === leaf.parent.name)
      const id = leaf.id.startsWith(leaf.parent.id + '.') ? leaf.id.slice(leaf.parent.id.length) : leaf.id
      const sectionDigits = (leaf.sections ?? []).map((s) => indexIn(sections, s).toString(36)).join('')
      return [p, id, leaf.name, sectionDigits, leaf.outOfScope === undefined ? -1 : indexIn(authorities, leaf.outOfScope), leaf.terms.join(separator)]
    }),
  }
  if (sections.length > 36) throw new Error('more than 36 section ids: one base-36 digit each no longer fits')
  if (leaves.some((leaf) => leaf.sections !== undefined && leaf.sections.length === 0)) throw new Error('a category with an empty sections list cannot be encoded')
  if (JSON.stringify(decodeTaxonomy(compact)) !== JSON.stringify(taxonomy)) throw new Error('the compact taxonomy does not decode to its input')
  return compact
}
