import type { CollectionAfterChangeHook, CollectionConfig, Config, Plugin } from 'payload'

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
 * storage-s3 3.90.1 hands the whole document back from each upload, and the plugin then writes it again as
 * "metadata" (`payload.update` with `context.skipCloudStorage`): a second version and a second run of every hook,
 * for nothing (S3 adds no metadata). That write is answered with the document as it is; the upload, and the
 * removal of a replaced file's objects, run unchanged.
 */
const withoutEchoWrite =
  (hook: CollectionAfterChangeHook): CollectionAfterChangeHook =>
  (args) => {
    const { doc, req } = args
    const payload = new Proxy(req.payload, {
      get: (target, key) => (key === 'update' && req.context?.skipCloudStorage ? async () => doc : Reflect.get(target, key)),
    })
    return hook({ ...args, req: new Proxy(req, { get: (target, key) => (key === 'payload' ? payload : Reflect.get(target, key)) }) })
  }

/** The plugin's own afterChange hooks (those it appended to the collection's) without the echo write. */
const dropEchoWrites = (before: readonly CollectionConfig[], after: CollectionConfig[]): CollectionConfig[] =>
  after.map((collection) => {
    const ownCount = before.find(({ slug }) => slug === collection.slug)?.hooks?.afterChange?.length ?? 0
    const afterChange = collection.hooks?.afterChange
    if (!collection.upload || !afterChange || afterChange.length <= ownCount) return collection
    return { ...collection, hooks: { ...collection.hooks, afterChange: [...afterChange.slice(0, ownCount), ...afterChange.slice(ownCount).map(withoutEchoWrite)] } }
  })

/**
 * Files of every upload collection go to the S3 bucket when S3_BUCKET is set, else stay in `media/`. Downloads
 * still go through Payload's file route (`disablePayloadAccessControl` unset, no signed downloads), so each
 * collection's read rule — pictures' and previews' included — decides who gets a file; the bucket stays private.
 * File URLs are Payload's own (`/api/<collection>/file/<name>`), as on local disk, not the plugin's `?prefix=` form:
 * pages append their own query (`?download`), and every collection's folder is fixed. `alwaysInsertFields` keeps
 * the plugin's `prefix`/`_objectKey` fields in the schema either way, so switching storage needs no migration.
 */
export const addS3Storage: Plugin = async (config: Config) => {
  const settings = s3Settings()
  const fileURL = ({ collection, filename }: { collection: { slug: string }; filename: string }): string =>
    formatAdminURL({ apiRoute: config.routes?.api ?? '/api', path: `/${collection.slug}/file/${encodeURIComponent(filename)}`, serverURL: config.serverURL })
  const collections = Object.fromEntries(
    uploadCollectionsOf(config.collections).map((collection) => [collection.slug, { generateFileURL: fileURL, prefix: storagePrefixOf(collection) }]),
  )
  const stored = await s3Storage({
    alwaysInsertFields: true,
    bucket: settings?.bucket ?? '',
    collections,
    config: settings?.client ?? {},
    enabled: Boolean(settings),
  })(config)
  return { ...stored, collections: dropEchoWrites(config.collections ?? [], stored.collections ?? []) }
}
