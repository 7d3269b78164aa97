/**
 * Message catalogs: one per capability and language (zod's `locales/` is the model), each a template per
 * issue code with `{placeholder}`s naming the issue's typed fields. `defineMessages` checks every
 * template's placeholders against the fields the code declares when the catalog is created (at module
 * load), so a misspelt placeholder fails the first test that imports it, not a user's error message.
 */

export type Language = 'zh' | 'en'

/** Per code, the names of the fields its templates may use. */
export type FieldNames<F> = { readonly [C in keyof F]: readonly (keyof F[C] & string)[] }

/** Per language and code, a template: `规则编号 "{id}" 重复，已在 {earlier} 使用。` */
export type Templates<F> = { readonly [L in Language]: { readonly [C in keyof F]: string } }

export interface MessageCatalog<F> {
  /** The codes this catalog has templates for (every one in both languages). */
  readonly codes: readonly (keyof F & string)[]
  /** The text of `code` in `language`, its placeholders filled from `fields`. */
  text<C extends keyof F & string>(language: Language, code: C, fields: F[C]): string
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g

/** The placeholders of a template, in order. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!)
}

/**
 * How a field is written: a place `{ file, line?, col? }` as `file[:line[:col]]`, a list joined the
 * language's way (`、` in Chinese, `, ` in English), anything else as text.
 */
function show(value: unknown, language: Language): string {
  if (Array.isArray(value)) return value.map((v) => show(v, language)).join(language === 'zh' ? '、' : ', ')
  if (value !== null && typeof value === 'object' && 'file' in value) {
    const at = value as { file: string; line?: number; col?: number }
    return at.line === undefined ? at.file : `${at.file}:${at.line}${at.col !== undefined ? `:${at.col}` : ''}`
  }
  return String(value)
}

/** Fills `{name}` from `fields`. */
export function fill(template: string, fields: Record<string, unknown>, language: Language = 'zh'): string {
  return template.replace(PLACEHOLDER, (_, name: string) => show(fields[name], language))
}

/** A catalog whose templates were checked: every placeholder is a declared field of its code. */
export function defineMessages<F>(fields: FieldNames<F>, templates: Templates<F>): MessageCatalog<F> {
  for (const language of ['zh', 'en'] as const) {
    for (const [code, template] of Object.entries(templates[language]) as [string, string][]) {
      const allowed = (fields as Record<string, readonly string[]>)[code]
      if (!allowed) throw new Error(`message catalog (${language}): no fields declared for code ${code}`)
      const unknown = placeholdersOf(template).filter((p) => !allowed.includes(p))
      if (unknown.length) throw new Error(`message catalog (${language}) ${code}: unknown placeholder(s) {${unknown.join('}, {')}}`)
    }
    for (const code of Object.keys(fields)) if (!(code in templates[language])) throw new Error(`message catalog (${language}): no template for ${code}`)
  }
  return {
    codes: Object.keys(fields) as (keyof F & string)[],
    text: (language, code, values) => fill(templates[language][code], values as Record<string, unknown>, language),
  }
}
