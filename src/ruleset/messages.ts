/**
 * The loader's messages, one catalog, Chinese and English: the issues about files and names as a whole
 * (duplicates, unknown kinds). Each code's typed fields are in `LoaderIssueFields`.
 */
import type { Issue } from '../problems/issue.js'
import { defineMessages } from '../problems/messages.js'

/** Where the earlier definition is: `file:line` (`col` when the message names it). */
export interface Earlier {
  file: string
  line: number
  col?: number
}

/** The typed fields of the loader's issues, by code (a duplicate carries where the earlier one is). */
export interface LoaderIssueFields {
  duplicate_rule_id: { id: string; earlier: Earlier }
  duplicate_article: { seq: number; printed: string; earlier: Earlier }
  duplicate_vocabulary: { name: string; earlier: Earlier }
  duplicate_file: { kind: string; max: number; earlier: Earlier }
  /** A word listed twice in one vocabulary's `keywords`, `notInside` or `together` (after full-width/case normalising): a warning. */
  duplicate_keyword: { name: string; keyword: string; list: 'keywords' | 'notInside' | 'together'; earlier: Earlier }
  /** `given` is the `kind:` value as written (JSON), `known` every kind the capabilities declare. */
  unknown_file_kind: { given: string; known: string[] }
  /** `sizeMb` the file's size to one decimal, `limitMb` the limit. */
  file_too_large: { sizeMb: string; limitMb: number }
  /** `key` is `__proto__`, `constructor` or `prototype`. */
  forbidden_key: { key: string }
}

/** The loader's codes without typed fields yet (their text is still written where they are raised). */
export interface LoaderPlainIssueFields {
  yaml_syntax: {}
  yaml_alias_limit: {}
  dangling_citation: {}
  missing_file: {}
  invalid_scenario: {}
  invalid_period: {}
}

/** Every code of the loader. */
export interface LoaderCatalogFields extends LoaderIssueFields, LoaderPlainIssueFields {}

declare global {
  interface XiaobaoIssueFields extends LoaderIssueFields, LoaderPlainIssueFields {}
}

/** The loader's typed issues, a union discriminated by `code`: `if (i.code === 'duplicate_rule_id') i.earlier.file`. */
export type LoaderIssue = { [C in keyof LoaderIssueFields]: Extract<Issue, { code: C }> }[keyof LoaderIssueFields]

/**
 * The loader's catalog: the typed codes' messages, and the titles of the codes without typed fields yet
 * (those are still worded where they are raised: `yamlSource.ts`, `parseRuleSet.ts`, the kinds).
 */
export const LOADER_MESSAGES = defineMessages<LoaderCatalogFields>(
  {
    duplicate_rule_id: ['id', 'earlier'],
    duplicate_article: ['seq', 'printed', 'earlier'],
    duplicate_vocabulary: ['name', 'earlier'],
    duplicate_file: ['kind', 'max', 'earlier'],
    duplicate_keyword: ['name', 'keyword', 'list', 'earlier'],
    unknown_file_kind: ['given', 'known'],
    file_too_large: ['sizeMb', 'limitMb'],
    forbidden_key: ['key'],
    yaml_syntax: [], yaml_alias_limit: [], dangling_citation: [], missing_file: [], invalid_scenario: [], invalid_period: [],
  },
  {
    zh: {
      duplicate_rule_id: '规则编号 "{id}" 重复，已在 {earlier} 使用。规则编号必须唯一且稳定。',
      duplicate_article: '{printed}（seq {seq}）重复定义，已在 {earlier} 定义。',
      duplicate_vocabulary: '关键词表 "{name}" 重复定义，已在 {earlier} 定义。关键词表只定义一次，按名称引用。',
      duplicate_file: 'kind: {kind} 的文件只能有 {max} 个，已有 {earlier}。',
      duplicate_keyword: '关键词表「{name}」的 {list} 里「{keyword}」写了两遍，{earlier} 已有（全角半角、大小写视为同一个词）。删去这一处；只算一次，不会加重。',
      yaml_syntax: '不是合法的 YAML。',
      yaml_alias_limit: 'YAML 别名过多。',
      file_too_large: '文件有 {sizeMb} MB，超过规则文件上限 {limitMb} MB，拒绝读取。请拆分文件或检查是否放错了文件。',
      forbidden_key: '不允许使用键名 "{key}"（可被用来篡改对象原型）。',
      unknown_file_kind: '未知的文件类型 kind: {given}；可用：{known}。',
      dangling_citation: '引用的条款不存在。',
      missing_file: '缺少规则文件。',
      invalid_scenario: '测试场景写法有误。',
      invalid_period: '期间有误（结束早于开始，或天数不符）。',
    },
    en: {
      duplicate_rule_id: 'duplicate rule id "{id}", already used at {earlier}. Rule ids must be unique and stable.',
      duplicate_article: 'article seq {seq} ({printed}) is defined twice; first at {earlier}.',
      duplicate_vocabulary: 'vocabulary "{name}" is defined twice; first at {earlier}. Define it once and refer to it by name.',
      duplicate_file: 'there can be at most {max} file(s) of kind {kind}; {earlier} is another.',
      duplicate_keyword: 'vocabulary "{name}" lists "{keyword}" twice in {list}; it is already at {earlier} (full-width/half-width and case count as the same word). Delete this one: it counts once and adds no weight.',
      yaml_syntax: 'not valid YAML.',
      yaml_alias_limit: 'too many YAML aliases.',
      file_too_large: 'the file is {sizeMb} MB, over the {limitMb} MB limit for a rule file; refused. Split it or check it is the right file.',
      forbidden_key: 'the key "{key}" is not allowed (it can be used to tamper with object prototypes).',
      unknown_file_kind: 'unknown file kind {given}; known kinds: {known}.',
      dangling_citation: 'the cited article does not exist.',
      missing_file: 'a rule file is missing.',
      invalid_scenario: 'bad test scenario.',
      invalid_period: 'bad period (ends before it starts, or the day count does not match).',
    },
  },
)
