import type { Where } from 'payload'

/**
 * The same conditions, one relation or wrapper further in: `{ createdBy: … }` under `version` becomes
 * `{ 'version.createdBy': … }` (a versions table), under `previewOf` a condition on the courseware a picture shows.
 */
export const prefixWhere = (prefix: string, where: Where): Where =>
  Object.fromEntries(
    Object.entries(where).map(([key, value]) =>
      key === 'and' || key === 'or'
        ? [key, (value as Where[]).map((inner) => prefixWhere(prefix, inner))]
        : [`${prefix}.${key}`, value],
    ),
  ) as Where
