import type { Config, Plugin } from 'payload'

import { s3Storage } from '@payloadcms/storage-s3'
import path from 'node:path'
import { formatAdminURL } from 'payload/shared'

import { s3Settings } from './settings'

/**
 * The registry serves @payloadcms/storage-s3 and @payloadcms/plugin-cloud-storage only up to 3.90.1, one patch
 * behind payload 3.90.2, whose changes (trailing slashes, async slugs, auth redirects, admin upload handlers) do
 * not touch server-side storage. Payload's start-up check of its packages' versions would reject that pair with an
 * unhandled rejection outside production (tests, `next dev`, scripts), so it is off, and src/storage/versions.spec.ts
 * checks the same rule with exactly this exception — and fails once the exception is no longer needed.
 */
export const STORAGE_PACKAGES_BEHIND_PAYLOAD: Readonly<Record<string, string>> = {
  '@payloadcms/plugin-cloud-storage': '3.90.1',
  '@payloadcms/storage-s3': '3.90.1',
}
process.env.PAYLOAD_DISABLE_DEPENDENCY_CHECKER ??= 'true'

interface UploadCollection {
  slug: string
  upload?: boolean | { staticDir?: string }
}

/** Every collection that stores files, read from the config so a new upload collection cannot be left out. */
export const uploadCollectionsOf = <C extends UploadCollection>(collections: readonly C[] = []): C[] => collections.filter((collection) => Boolean(collection.upload))

/** A collection's folder in the bucket: the name of its local folder (`images`, `courseware`, `videos`). */
export const storagePrefixOf = (collection: UploadCollection): string => {
  const staticDir = typeof collection.upload === 'object' ? collection.upload.staticDir : undefined
  return path.basename(staticDir || collection.slug)
}

/**
 * Files of every upload collection go to the S3 bucket when S3_BUCKET is set, else stay in `media/`. Downloads
 * still go through Payload's file route (`disablePayloadAccessControl` unset, no signed downloads), so each
 * collection's read rule — pictures' and previews' included — decides who gets a file; the bucket stays private.
 * File URLs are Payload's own (`/api/<collection>/file/<name>`), as on local disk, not the plugin's `?prefix=` form:
 * pages append their own query (`?download`), and every collection's folder is fixed. `alwaysInsertFields` keeps
 * the plugin's `prefix`/`_objectKey` fields in the schema either way, so switching storage needs no migration.
 */
export const addS3Storage: Plugin = (config: Config) => {
  const settings = s3Settings()
  const fileURL = ({ collection, filename }: { collection: { slug: string }; filename: string }): string =>
    formatAdminURL({ apiRoute: config.routes?.api ?? '/api', path: `/${collection.slug}/file/${encodeURIComponent(filename)}`, serverURL: config.serverURL })
  const collections = Object.fromEntries(
    uploadCollectionsOf(config.collections).map((collection) => [collection.slug, { generateFileURL: fileURL, prefix: storagePrefixOf(collection) }]),
  )
  return s3Storage({
    alwaysInsertFields: true,
    bucket: settings?.bucket ?? '',
    collections,
    config: settings?.client ?? {},
    enabled: Boolean(settings),
  })(config)
}
