/**
 * The features of the learned review model: the character 1–3-grams of a complaint's text and of the
 * respondent's name, as the router reads them (NFKC, lower case, rules/variants.yaml: `facts.text` and
 * `facts.respondentName`). A respondent gram is marked with a leading `@`, so 「银行」 in the name and in
 * the text are different features. Grams with white space or a character the model file uses as a
 * separator (`|`, `@`) are left out, so a gram never needs escaping.
 */

/** The longest gram. */
export const MAX_GRAM = 3

const SKIP = /[\s|@]/

/**
 * The distinct grams of `text` (and of `respondent`, marked `@`), in first-seen order. `skipChars` (the model file's
 * `hyper.skipChars`, training only): grams with any of these characters are left out — the anonymisation placeholder
 * 「某」 of the labelled texts, which real complaints never carry, so the model must not learn it as evidence.
 */
export function gramsOf(text: string, respondent: string, skipChars = ''): string[] {
  const seen = new Set<string>()
  add(text, '', seen, skipChars)
  add(respondent, '@', seen, skipChars)
  return [...seen]
}

function add(text: string, mark: string, seen: Set<string>, skipChars: string): void {
  for (let n = 1; n <= MAX_GRAM; n++) {
    for (let i = 0; i + n <= text.length; i++) {
      const g = text.slice(i, i + n)
      if (!SKIP.test(g) && (skipChars === '' || !hasAny(g, skipChars))) seen.add(mark + g)
    }
  }
}

function hasAny(gram: string, chars: string): boolean {
  for (const ch of gram) if (chars.includes(ch)) return true
  return false
}
