/**
 * Redaction for the public report (《暂行办法》第三十三条、第三十五条): the patterns of rules/report.yaml,
 * run in order over any quoted text. The patterns are data; their examples are checked when the file is
 * loaded (reportKind.ts) and by the property test.
 */
import type { RedactionPattern } from './schemas.js'

export type Redactor = (text: string) => string

/** The compiled pattern, or the reason it does not compile. */
export function compilePattern(pattern: string): RegExp | { error: string } {
  try {
    return new RegExp(pattern, 'gu')
  } catch (error) {
    return { error: (error as Error).message }
  }
}

/**
 * A function that applies every pattern in order; a pattern that does not compile is skipped (it is a
 * load error of rules/report.yaml anyway).
 * @example
 * createRedactor([{ pattern: '1[3-9]\\d{9}', replacement: '〔电话〕' }])('电话13812345678') // '电话〔电话〕'
 */
export function createRedactor(patterns: readonly Pick<RedactionPattern, 'pattern' | 'replacement'>[]): Redactor {
  const compiled = patterns.flatMap((p) => {
    const regex = compilePattern(p.pattern)
    return regex instanceof RegExp ? [{ regex, replacement: p.replacement }] : []
  })
  return (text) => {
    let out = text
    for (const { regex, replacement } of compiled) out = out.replace(regex, () => replacement)
    return out
  }
}
