import type { FetchAPIFileUploadOptions } from 'payload'

import os from 'node:os'
import path from 'node:path'

import { bilingual } from '@/utilities/labels'

import { largestUploadLimit } from './hooks/collectionPolicy'

const MiB = 1024 * 1024

/**
 * How Payload parses multipart uploads (the root `upload` option). Files stream to a temp folder instead of
 * memory, up to the largest limit of any collection and kind (read from INGEST_MAX_MB_* at start); the upload
 * check then applies each collection's and kind's own limit. Payload's defaults (20 MB files, 50 MB requests,
 * in memory) made the documented limits unreachable.
 */
export function uploadOptions(): FetchAPIFileUploadOptions {
  const fileSize = largestUploadLimit()
  return {
    abortOnLimit: true,
    limits: { fileSize },
    // The file and the `_payload` JSON of the other fields.
    requestSizeLimit: fileSize + 2 * MiB,
    responseOnLimit: bilingual(`文件超过 ${Math.round(fileSize / MiB)} MB 上限`, `The file is larger than the ${Math.round(fileSize / MiB)} MB limit`),
    tempFileDir: process.env.UPLOAD_TEMP_DIR || path.join(os.tmpdir(), 'commons-uploads'),
    useTempFiles: true,
  }
}
