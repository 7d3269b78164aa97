/**
 * The bundled rule set is generated in parts (src/node/bundleRules.ts): the core, each capability's
 * data, the parts of that data no function reads at run time (`omitAtRuntime`), the scenarios. This
 * splits the omitted parts off at generation time and puts the parts back together for `defaultRuleSet()`.
 */

type Json = unknown

const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * Splits `paths` (dotted; `*` for every element of a list or every value of a record:
 * `categories.categories.*.basis`) off `value`. `kept` is `value` without them; `omitted` holds only them,
 * in the same shape (lists keep their length, an element with nothing omitted is `{}`), or is undefined
 * when nothing was omitted.
 */
export function splitOmitted(value: Record<string, Json>, paths: readonly string[]): { kept: Record<string, Json>; omitted: Record<string, Json> | undefined } {
  const kept = structuredClone(value)
  let omitted: Record<string, Json> | undefined
  for (const path of paths) {
    const parts = path.split('.')
    const taken = take(kept, parts)
    if (taken !== undefined) omitted = merge(omitted ?? {}, taken) as Record<string, Json>
  }
  return { kept, omitted }
}

/** Removes `parts` from `node` (in place) and returns what was removed, in the node's shape. */
function take(node: Json, parts: readonly string[]): Json | undefined {
  const [head, ...rest] = parts
  if (head === '*' && rest.length > 0) {
    if (Array.isArray(node)) return node.map((element) => take(element, rest) ?? {})
    if (isObject(node)) return Object.fromEntries(Object.entries(node).map(([k, element]) => [k, take(element, rest) ?? {}]))
    return undefined
  }
  if (!isObject(node) || head === undefined || !(head in node)) return undefined
  if (rest.length === 0) {
    const out = node[head]
    delete node[head]
    return { [head]: out }
  }
  const inner = take(node[head], rest)
  return inner === undefined ? undefined : { [head]: inner }
}

/** Puts omitted parts back: objects key by key, lists element by element; elsewhere `extra` wins. */
export function merge(base: Json, extra: Json): Json {
  if (extra === undefined) return base
  if (Array.isArray(base) && Array.isArray(extra)) return base.map((element, i) => merge(element, extra[i]))
  if (isObject(base) && isObject(extra)) {
    const out: Record<string, Json> = { ...base }
    for (const [k, v] of Object.entries(extra)) out[k] = k in out ? merge(out[k], v) : v
    return out
  }
  return extra
}

/**
 * The whole rule set from its parts (the core, each capability's data, the scenarios: a record such as
 * `articles` that several parts carry is combined key by key) and what they left out (`omitted`, in the
 * rule set's shape), its fields in `order` and the keys of each record of `recordOrders` in theirs.
 */
export function assembleBundled(order: readonly string[], recordOrders: Record<string, readonly string[]>, parts: readonly Record<string, Json>[], omitted: Record<string, Json>): Record<string, Json> {
  const all: Record<string, Json> = {}
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const prior = all[key]
      all[key] = key in all && isObject(prior) && isObject(value) ? { ...prior, ...value } : value
    }
  }
  const whole = merge(all, omitted) as Record<string, Json>
  const out: Record<string, Json> = {}
  for (const key of order) {
    if (!(key in whole)) continue
    const keys = recordOrders[key]
    const value = whole[key]
    out[key] = keys && isObject(value) ? Object.fromEntries(keys.filter((k) => k in value).map((k) => [k, value[k]])) : value
  }
  return out
}

/** The articles a value cites: `doc:seq` of every `{ doc?, seq }` in a `cites` list anywhere in it. */
export function citedArticleKeys(value: Json): string[] {
  const keys = new Set<string>()
  const walk = (node: Json): void => {
    if (Array.isArray(node)) for (const element of node) walk(element)
    else if (isObject(node)) {
      for (const [key, inner] of Object.entries(node)) {
        if (key === 'cites' && Array.isArray(inner)) {
          for (const ref of inner) if (isObject(ref) && typeof ref.seq === 'number') keys.add(`${typeof ref.doc === 'string' ? ref.doc : 'implementation-measures'}:${ref.seq}`)
        }
        walk(inner)
      }
    }
  }
  walk(value)
  return [...keys]
}

/**
 * What every `cites` list anywhere in `value` quotes of each article (`doc:seq`): the item numbers, or
 * `'whole'` when some citation names the article without an item (a decision then quotes all of it).
 */
export function citedItems(value: Json): Map<string, Set<number> | 'whole'> {
  const cited = new Map<string, Set<number> | 'whole'>()
  const walk = (node: Json): void => {
    if (Array.isArray(node)) for (const element of node) walk(element)
    else if (isObject(node)) {
      for (const [key, inner] of Object.entries(node)) {
        if (key === 'cites' && Array.isArray(inner)) {
          for (const ref of inner) {
            if (!isObject(ref) || typeof ref.seq !== 'number') continue
            const k = `${typeof ref.doc === 'string' ? ref.doc : 'implementation-measures'}:${ref.seq}`
            const prior = cited.get(k)
            if (typeof ref.item !== 'number') cited.set(k, 'whole')
            else if (prior !== 'whole') cited.set(k, (prior ?? new Set<number>()).add(ref.item))
          }
        }
        walk(inner)
      }
    }
  }
  walk(value)
  return cited
}

/**
 * Splits off the parts of articles no citation quotes (`resolveCitation` reads an article's `text` and
 * all its items only for a citation without an item, otherwise the cited item alone): an uncited item
 * becomes `{}` in `kept` (so lists keep their length and `merge` puts it back), an article's own `text`
 * goes when every citation of it names an item. Articles nothing cites are left whole.
 */
export function splitUnquoted(articles: Record<string, Json>, cited: Map<string, Set<number> | 'whole'>): { kept: Record<string, Json>; omitted: Record<string, Json> } {
  const kept: Record<string, Json> = {}
  const omitted: Record<string, Json> = {}
  for (const [key, article] of Object.entries(articles)) {
    const quoted = cited.get(key)
    if (quoted === undefined || quoted === 'whole' || !isObject(article) || !Array.isArray(article.items)) {
      kept[key] = article
      continue
    }
    const { text, items, ...rest } = article
    const keptItems = (items as Json[]).map((item) => (isObject(item) && typeof item.item === 'number' && quoted.has(item.item) ? item : {}))
    const omittedItems = (items as Json[]).map((item, i) => (keptItems[i] === item ? {} : item))
    kept[key] = { ...rest, items: keptItems }
    omitted[key] = { ...(text === undefined ? {} : { text }), items: omittedItems }
  }
  return { kept, omitted }
}
