/**
 * One Aho–Corasick automaton over UTF-16 code units for every keyword of a rule set, so a complaint's
 * text is scanned once whatever the number of rules and keywords. Matching on code units gives exactly
 * `String.prototype.includes` semantics (what the reference operators use), surrogate halves included.
 *
 * Layout, chosen by measurement on the shipped rules (Chinese keywords, 2–10 characters): the root's
 * transitions are one 65,536-entry table (most characters of a complaint start no keyword, so the common
 * step is one array read); deeper states keep their few children in sorted flat arrays.
 */

/** Which keywords occurred in the last scanned text: `stamp[id] === epoch`. */
export interface KeywordMatcher {
  /** The distinct patterns, by id. */
  readonly patterns: readonly string[]
  /**
   * Scans `text` and calls `found(id)` once per distinct pattern that occurs in it (order unspecified).
   * `seen[id] === epoch` must mean "already reported for this text"; the matcher sets it.
   */
  scan(text: string, seen: Int32Array, epoch: number, found: (id: number) => void): void
}

const ROOT = 0

/**
 * Builds the automaton. Duplicate patterns must already be merged. The empty pattern is skipped (never
 * reported): it occurs in every string, so the caller marks it found without scanning.
 */
export function createKeywordMatcher(patterns: readonly string[]): KeywordMatcher {
  // 1. The trie, with per-state maps while building.
  const children: Map<number, number>[] = [new Map()]
  const terminal: number[] = [-1]
  patterns.forEach((pattern, id) => {
    if (pattern.length === 0) return
    let state = ROOT
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i)
      let next = children[state]!.get(code)
      if (next === undefined) {
        next = children.length
        children.push(new Map())
        terminal.push(-1)
        children[state]!.set(code, next)
      }
      state = next
    }
    terminal[state] = id
  })
  const stateCount = children.length

  // 2. Flat transitions: the root as a full table, other states as sorted (code, target) runs.
  const rootNext = new Int32Array(65536)
  for (const [code, target] of children[ROOT]!) rootNext[code] = target
  const firstEdge = new Int32Array(stateCount + 1)
  let edges = 0
  for (let s = 0; s < stateCount; s++) {
    firstEdge[s] = edges
    if (s !== ROOT) edges += children[s]!.size
  }
  firstEdge[stateCount] = edges
  const edgeCode = new Uint16Array(edges)
  const edgeTarget = new Int32Array(edges)
  for (let s = 1; s < stateCount; s++) {
    const sorted = [...children[s]!].sort((a, b) => a[0] - b[0])
    sorted.forEach(([code, target], k) => {
      edgeCode[firstEdge[s]! + k] = code
      edgeTarget[firstEdge[s]! + k] = target
    })
  }
  const child = (state: number, code: number): number => {
    if (state === ROOT) return rootNext[code]!
    let lo = firstEdge[state]!
    let hi = firstEdge[state + 1]! - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const c = edgeCode[mid]!
      if (c === code) return edgeTarget[mid]!
      if (c < code) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  // 3. Failure links and dictionary links (nearest proper suffix state that ends a pattern), breadth first.
  const fail = new Int32Array(stateCount)
  const output = new Int32Array(stateCount).fill(-1) // pattern ending exactly here
  const dictionary = new Int32Array(stateCount).fill(-1)
  for (let s = 0; s < stateCount; s++) output[s] = terminal[s]!
  const queue: number[] = []
  for (const target of children[ROOT]!.values()) {
    fail[target] = ROOT
    queue.push(target)
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!
    for (const [code, target] of children[state]!) {
      let f = fail[state]!
      let next = child(f, code)
      while (next <= 0 && f !== ROOT) {
        f = fail[f]!
        next = child(f, code)
      }
      fail[target] = next > 0 ? next : ROOT
      const suffix = fail[target]!
      dictionary[target] = output[suffix]! >= 0 ? suffix : dictionary[suffix]!
      queue.push(target)
    }
  }

  return {
    patterns,
    scan(text, seen, epoch, found) {
      let state = ROOT
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i)
        let next = child(state, code)
        while (next <= 0 && state !== ROOT) {
          state = fail[state]!
          next = child(state, code)
        }
        state = next > 0 ? next : ROOT
        // Report the pattern ending here and those ending at its suffixes. A pattern already seen for
        // this text had its whole suffix chain reported then, so the walk stops there.
        let at = output[state]! >= 0 ? state : dictionary[state]!
        while (at > 0) {
          const id = output[at]!
          if (seen[id] === epoch) break
          seen[id] = epoch
          found(id)
          at = dictionary[at]!
        }
      }
    },
  }
}
