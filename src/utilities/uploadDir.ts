import path from 'node:path'
import { fileURLToPath } from 'node:url'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Where a collection's uploads live: `media/<sub>` by default, `$MEDIA_DIR/<sub>` when set (tests use a temp dir). */
export const uploadDir = (sub: string): string =>
  path.resolve(process.env.MEDIA_DIR || path.join(projectRoot, 'media'), sub)
