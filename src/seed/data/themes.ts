import { DEFAULT_THEMES } from '@/fields/vocabulary'

/** The glossary's themes plus the two every report leans on: red heritage sites and volunteer service. */
export const SEED_THEMES = [...DEFAULT_THEMES, '红色文化', '志愿服务'] as const

export type SeedThemeName = (typeof SEED_THEMES)[number]
