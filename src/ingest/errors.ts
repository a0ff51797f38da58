import { APIError } from 'payload'

export const INGEST_ERROR_STATUS = {
  archive_too_large: 413,
  corrupt_document: 400,
  empty_file: 400,
  encrypted_document: 400,
  executable_refused: 415,
  file_too_large: 413,
  type_mismatch: 415,
  unsupported_type: 415,
} as const

export type IngestErrorCode = keyof typeof INGEST_ERROR_STATUS

export interface IngestErrorData {
  code: IngestErrorCode
  messageEn: string
  messageZh: string
  /** What the content was found to be, when known (e.g. `exe`, `pdf`). */
  detected?: string
  /** The limit that was exceeded, in bytes, for size refusals. */
  limitBytes?: number
}

/**
 * A refused upload. Extends Payload's APIError so that throwing it from an upload hook answers with its HTTP
 * status and puts `data.code` into the REST/GraphQL error body, which the admin and the site can translate.
 */
export class IngestError extends APIError<IngestErrorData> {
  readonly code: IngestErrorCode

  constructor(data: IngestErrorData) {
    super(`${data.messageZh} / ${data.messageEn}`, INGEST_ERROR_STATUS[data.code], data, true)
    this.code = data.code
  }
}

export const isIngestError = (error: unknown): error is IngestError => error instanceof IngestError

const formatMegabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export const unsupportedType = (detected: string): IngestError =>
  new IngestError({
    code: 'unsupported_type',
    detected,
    messageEn: `Unsupported file type: ${detected}`,
    messageZh: `不支持的文件类型：${detected}`,
  })

export const typeMismatch = (detected: string, declaredExtension: string): IngestError =>
  new IngestError({
    code: 'type_mismatch',
    detected,
    messageEn: `File content (${detected}) does not match its extension .${declaredExtension}`,
    messageZh: `文件内容（${detected}）与扩展名 .${declaredExtension} 不符`,
  })

export const executableRefused = (detected: string): IngestError =>
  new IngestError({
    code: 'executable_refused',
    detected,
    messageEn: `Executable files and scripts are not allowed: ${detected}`,
    messageZh: `不允许上传可执行文件或脚本：${detected}`,
  })

export const encryptedDocument = (detected: string): IngestError =>
  new IngestError({
    code: 'encrypted_document',
    detected,
    messageEn: `The document is password-protected (${detected}); remove the password and upload it again`,
    messageZh: `文件已加密（${detected}），请取消密码保护后重新上传`,
  })

export const corruptDocument = (detected: string, reasonEn: string, reasonZh: string): IngestError =>
  new IngestError({
    code: 'corrupt_document',
    detected,
    messageEn: `The file is damaged or incomplete (${detected}): ${reasonEn}`,
    messageZh: `文件已损坏或不完整（${detected}）：${reasonZh}`,
  })

export const emptyFile = (): IngestError =>
  new IngestError({ code: 'empty_file', messageEn: 'The file is empty', messageZh: '文件为空' })

export const fileTooLarge = (detected: string, sizeBytes: number, limitBytes: number): IngestError =>
  new IngestError({
    code: 'file_too_large',
    detected,
    limitBytes,
    messageEn: `File too large: ${formatMegabytes(sizeBytes)} (${detected}), the limit is ${formatMegabytes(limitBytes)}`,
    messageZh: `文件过大：${formatMegabytes(sizeBytes)}（${detected}），上限为 ${formatMegabytes(limitBytes)}`,
  })

export const archiveTooLarge = (reasonEn: string, reasonZh: string, limitBytes?: number): IngestError =>
  new IngestError({
    code: 'archive_too_large',
    detected: 'zip',
    limitBytes,
    messageEn: `The archive expands beyond safe limits (suspected zip bomb): ${reasonEn}`,
    messageZh: `压缩包解压后超出安全上限（疑似压缩炸弹）：${reasonZh}`,
  })
