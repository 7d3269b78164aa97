/**
 * The operators a condition may use: json-rules-engine's built-in ones and ours for Chinese free text.
 */
/** json-rules-engine's built-in operators. */
export const BUILTIN_OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const

/** Our operators for Chinese free text. `value` is a vocabulary name or a list of keywords. */
export const TEXT_OPERATORS = ['containsAny', 'notContainsAny'] as const

export const ALL_OPERATORS: readonly string[] = [...BUILTIN_OPERATORS, ...TEXT_OPERATORS]
