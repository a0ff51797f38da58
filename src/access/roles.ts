export const ROLES = ['admin', 'organizer', 'instructor', 'member'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, { en: string; zh: string; 'zh-TW': string }> = {
  admin: { en: 'Administrator', zh: '系统管理员', 'zh-TW': '系統管理員' },
  organizer: { en: 'Organizer', zh: '组织部门 / 党校教务', 'zh-TW': '組織部門 / 黨校教務' },
  instructor: { en: 'Instructor', zh: '讲师', 'zh-TW': '講師' },
  member: { en: 'Member', zh: '党员', 'zh-TW': '黨員' },
}

type MaybeUser = { role?: null | string } | null | undefined

export const isAdmin = (user: MaybeUser): boolean => user?.role === 'admin'
export const isOrganizer = (user: MaybeUser): boolean => user?.role === 'organizer'
export const isInstructor = (user: MaybeUser): boolean => user?.role === 'instructor'
export const hasRole = (user: MaybeUser, roles: readonly Role[]): boolean =>
  Boolean(user?.role && roles.includes(user.role as Role))
