/**
 * The 19 section (股室) ids. They are fixed: other apps store them. Names and articles live in
 * `rules/sections/*.yaml`; this list only fixes the ids so that a typo in a rule file is a load error.
 */
export const SECTION_IDS = [
  'consumer-protection',
  '12315-center',
  'consumer-protection-center',
  'office',
  'legal-affairs',
  'registration',
  'market-regulation',
  'credit-supervision',
  'advertising',
  'online-trade',
  'product-quality',
  'food-production',
  'food-circulation',
  'catering-food',
  'special-equipment',
  'metrology',
  'drugs',
  'cosmetics',
  'medical-devices',
] as const

export type SectionId = (typeof SECTION_IDS)[number]

export function isSectionId(value: unknown): value is SectionId {
  return typeof value === 'string' && (SECTION_IDS as readonly string[]).includes(value)
}

/** A section as results name it: its id and its name. */
export interface SectionRef {
  id: SectionId
  name: string
}
