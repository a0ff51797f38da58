import type { CollectionSlug, PayloadRequest, Where } from 'payload'

type VersionData = Record<string, unknown>

/**
 * Drafts are read through their latest version, so a field written straight to documents (no new version,
 * a pending draft left a draft) must be written to that copy too. `changesOf` gives the fields to set on a
 * version's data, or null to leave it as it is.
 */
export const rewriteLatestVersions = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  where: Where,
  changesOf: (data: VersionData) => Promise<null | VersionData> | null | VersionData,
): Promise<void> => {
  const versions = await req.payload.db.findVersions({
    collection,
    limit: 0,
    pagination: false,
    req,
    where: { and: [{ latest: { equals: true } }, where] },
  })
  for (const version of versions.docs) {
    const data = version.version as unknown as VersionData
    const changes = await changesOf(data)
    if (!changes) continue
    await req.payload.db.updateVersion({ id: version.id, collection, req, versionData: { ...version, version: { ...data, ...changes } } as never })
  }
}
