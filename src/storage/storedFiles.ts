/**
 * The one way to reach a file after Payload stored it, wherever it is: the collection's local folder, or the S3
 * bucket when the storage plugin serves the collection (addS3Storage). Extraction, previews, the duplicate check's
 * clean-up, bulk import and the site's PDF pages read and write through here, never through a path of their own.
 */
import type { CollectionSlug, Payload } from 'payload'

import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { buildStoragePathData } from '@payloadcms/plugin-cloud-storage/utilities'
import { createReadStream } from 'node:fs'
import { access, mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'

import { storagePrefixOf } from './s3Plugin'
import { s3Settings } from './settings'

/** What locates a stored file: its name and, on S3, the folder fields the storage plugin keeps on the document. */
export interface StoredFileRef {
  filename: string
  prefix?: null | string
  _objectKey?: null | string
}

type Store = { dir: string; kind: 'disk' } | { bucket: string; client: S3Client; kind: 's3'; prefix: string }

let s3Client: S3Client | undefined

function storeOf(payload: Payload, collection: CollectionSlug): Store {
  const config = payload.collections[collection]?.config
  const upload = config?.upload
  if (!config || !upload) throw new Error(`collection ${collection} stores no files / 集合 ${collection} 不存储文件`)
  if (upload.adapter !== 's3') return { dir: path.resolve(upload.staticDir || collection), kind: 'disk' }
  const settings = s3Settings()
  if (!settings) throw new Error('S3_BUCKET is not set / 未设置 S3_BUCKET')
  s3Client ??= new S3Client(settings.client)
  return { bucket: settings.bucket, client: s3Client, kind: 's3', prefix: storagePrefixOf(config) }
}

/** The object key the storage plugin uses for this file (`<prefix>[/<_objectKey>]/<filename>`). */
const objectKey = (store: Extract<Store, { kind: 's3' }>, ref: StoredFileRef): string =>
  buildStoragePathData({
    collectionPrefix: store.prefix,
    docPrefix: [ref.prefix, ref._objectKey].filter(Boolean).join('/'),
    filename: ref.filename,
  }).storageFilePath

const diskPath = (store: Extract<Store, { kind: 'disk' }>, ref: StoredFileRef): string => path.join(store.dir, path.basename(ref.filename))

const isMissingObject = (error: unknown): boolean => {
  const { $metadata, name } = error as { $metadata?: { httpStatusCode?: number }; name?: string }
  return name === 'NoSuchKey' || name === 'NotFound' || $metadata?.httpStatusCode === 404
}

/** Missing files fail like a missing local file (`code: 'ENOENT'`), whichever store they were looked for in. */
const missingFile = (where: string, cause?: unknown): NodeJS.ErrnoException =>
  Object.assign(new Error(`stored file not found: ${where} / 找不到已存文件：${where}`, { cause }), { code: 'ENOENT' })

/** A readable description of where a file is (for messages and logs). */
export function storedFileLocation(payload: Payload, collection: CollectionSlug, ref: StoredFileRef): string {
  const store = storeOf(payload, collection)
  return store.kind === 'disk' ? diskPath(store, ref) : `s3://${store.bucket}/${objectKey(store, ref)}`
}

/** The bytes of a stored file; a missing one throws with `code: 'ENOENT'`. */
export async function readStoredFile(payload: Payload, collection: CollectionSlug, ref: StoredFileRef): Promise<Uint8Array> {
  const store = storeOf(payload, collection)
  if (store.kind === 'disk') return new Uint8Array(await readFile(diskPath(store, ref)))
  const Key = objectKey(store, ref)
  try {
    const object = await store.client.send(new GetObjectCommand({ Bucket: store.bucket, Key }))
    if (!object.Body) throw missingFile(`s3://${store.bucket}/${Key}`)
    return await object.Body.transformToByteArray()
  } catch (error) {
    throw isMissingObject(error) ? missingFile(`s3://${store.bucket}/${Key}`, error) : error
  }
}

/** The bytes of a stored file as a stream, for copying a large file without holding it; a missing one throws with `code: 'ENOENT'`. */
export async function openStoredFile(payload: Payload, collection: CollectionSlug, ref: StoredFileRef): Promise<Readable> {
  const store = storeOf(payload, collection)
  if (store.kind === 'disk') {
    const file = diskPath(store, ref)
    await access(file).catch((error: unknown) => {
      throw missingFile(file, error)
    })
    return createReadStream(file)
  }
  const Key = objectKey(store, ref)
  try {
    const object = await store.client.send(new GetObjectCommand({ Bucket: store.bucket, Key }))
    if (!(object.Body instanceof Readable)) throw missingFile(`s3://${store.bucket}/${Key}`)
    return object.Body
  } catch (error) {
    throw isMissingObject(error) ? missingFile(`s3://${store.bucket}/${Key}`, error) : error
  }
}

/** Whether a file of that name is stored (in the collection's folder or its bucket folder). */
export async function storedFileExists(payload: Payload, collection: CollectionSlug, ref: StoredFileRef): Promise<boolean> {
  const store = storeOf(payload, collection)
  try {
    if (store.kind === 'disk') await access(diskPath(store, ref))
    else await store.client.send(new HeadObjectCommand({ Bucket: store.bucket, Key: objectKey(store, ref) }))
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || isMissingObject(error)) return false
    throw error
  }
}

/** Payload's `-1`, `-2`… step for a taken name (`讲稿-1.pdf` → `讲稿-2.pdf`). */
const nextName = (filename: string): string => {
  const ext = path.extname(filename)
  const stem = ext ? filename.slice(0, -ext.length) : filename
  const numbered = /^(.*)-(\d+)$/.exec(stem)
  return `${numbered ? `${numbered[1]}-${Number(numbered[2]) + 1}` : `${stem}-1`}${ext}`
}

/**
 * The name itself, or the next free one, for a new stored file. Payload steps past names used by documents, and
 * past files on local disk, but not past objects in a bucket: a draft version's file or one left by an interrupted
 * import would be overwritten, and later deleted with the other item.
 */
export async function freeStoredFileName(payload: Payload, collection: CollectionSlug, filename: string): Promise<string> {
  let name = filename
  while (await storedFileExists(payload, collection, { filename: name })) name = nextName(name)
  return name
}

/** The bytes of a stored file, or undefined when there is none. */
export async function readStoredFileIfAny(payload: Payload, collection: CollectionSlug, ref: StoredFileRef): Promise<Uint8Array | undefined> {
  try {
    return await readStoredFile(payload, collection, ref)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * Stores a new file under the name a document will carry, where Payload would have put it. Refuses to replace an
 * existing file (local `wx`, S3 `If-None-Match: *`), so two writers of one name cannot overwrite each other.
 */
export async function writeNewStoredFile(payload: Payload, collection: CollectionSlug, filename: string, bytes: Uint8Array, mimeType: string): Promise<void> {
  const store = storeOf(payload, collection)
  if (store.kind === 'disk') {
    await mkdir(store.dir, { recursive: true })
    await writeFile(diskPath(store, { filename }), bytes, { flag: 'wx' })
    return
  }
  await store.client.send(new PutObjectCommand({ Body: bytes, Bucket: store.bucket, ContentType: mimeType, IfNoneMatch: '*', Key: objectKey(store, { filename }) }))
}

/** Removes a stored file; one that is already gone is fine. */
export async function removeStoredFile(payload: Payload, collection: CollectionSlug, ref: StoredFileRef): Promise<void> {
  const store = storeOf(payload, collection)
  if (store.kind === 's3') {
    await store.client.send(new DeleteObjectCommand({ Bucket: store.bucket, Key: objectKey(store, ref) }))
    return
  }
  await unlink(diskPath(store, ref)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error
  })
}

/** The names of the files a collection stores now (its local folder, or its folder in the bucket), sorted. */
export async function listStoredFiles(payload: Payload, collection: CollectionSlug): Promise<string[]> {
  const store = storeOf(payload, collection)
  if (store.kind === 'disk') {
    return (
      await readdir(store.dir).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return []
        throw error
      })
    ).sort()
  }
  const names: string[] = []
  let ContinuationToken: string | undefined
  do {
    const page = await store.client.send(new ListObjectsV2Command({ Bucket: store.bucket, ContinuationToken, Prefix: `${store.prefix}/` }))
    for (const object of page.Contents ?? []) if (object.Key) names.push(path.posix.basename(object.Key))
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (ContinuationToken)
  return names.sort()
}

/**
 * Runs `use` with a local path of the stored file, for tools that only read paths (ffprobe, ffmpeg): the file
 * itself on disk, or a temporary copy of the S3 object that is removed afterwards.
 */
export async function withStoredFileOnDisk<T>(payload: Payload, collection: CollectionSlug, ref: StoredFileRef, use: (filePath: string) => Promise<T>): Promise<T> {
  const store = storeOf(payload, collection)
  if (store.kind === 'disk') return use(diskPath(store, ref))
  const dir = await mkdtemp(path.join(os.tmpdir(), 'commons-stored-'))
  try {
    const filePath = path.join(dir, path.basename(ref.filename))
    await writeFile(filePath, await readStoredFile(payload, collection, ref))
    return await use(filePath)
  } finally {
    await rm(dir, { force: true, recursive: true })
  }
}
