/** What each upload collection accepts, and how large each kind of file may be. */
export type FileKind = 'pdf' | 'pptx' | 'docx' | 'ppt' | 'doc' | 'image' | 'video' | 'audio'

export type UploadPolicyName = 'courseware' | 'videos' | 'media'

export interface UploadPolicy {
  name: UploadPolicyName
  accepts: readonly FileKind[]
  maxBytes: Readonly<Record<FileKind, number>>
}

export interface UploadPolicyOverrides {
  accepts?: readonly FileKind[]
  maxBytes?: Partial<Record<FileKind, number>>
}

const MiB = 1024 * 1024

export const DEFAULT_MAX_BYTES: Readonly<Record<FileKind, number>> = {
  audio: 300 * MiB,
  doc: 50 * MiB,
  docx: 50 * MiB,
  image: 20 * MiB,
  pdf: 100 * MiB,
  ppt: 200 * MiB,
  pptx: 200 * MiB,
  video: 2048 * MiB,
}

const ACCEPTED_KINDS: Record<UploadPolicyName, readonly FileKind[]> = {
  courseware: ['pdf', 'pptx', 'docx', 'ppt', 'doc', 'image'],
  media: ['image'],
  videos: ['video', 'audio'],
}

export function getUploadPolicy(name: UploadPolicyName, overrides: UploadPolicyOverrides = {}): UploadPolicy {
  return {
    accepts: overrides.accepts ?? ACCEPTED_KINDS[name],
    maxBytes: { ...DEFAULT_MAX_BYTES, ...overrides.maxBytes },
    name,
  }
}

/** Extensions a person may give each family of content; a name from another family is a mismatch. */
export const EXTENSION_FAMILIES = {
  av: ['mp4', 'm4v', 'mov', 'webm', 'mp3', 'm4a'],
  document: ['docx', 'doc', 'dot', 'dotx'],
  image: ['jpg', 'jpeg', 'jpe', 'jfif', 'png', 'webp', 'gif'],
  pdf: ['pdf'],
  presentation: ['pptx', 'ppt', 'pps', 'ppsx', 'pot', 'potx'],
} as const satisfies Record<string, readonly string[]>

export type ExtensionFamily = keyof typeof EXTENSION_FAMILIES

export const FAMILY_OF_KIND: Record<FileKind, ExtensionFamily> = {
  audio: 'av',
  doc: 'document',
  docx: 'document',
  image: 'image',
  pdf: 'pdf',
  ppt: 'presentation',
  pptx: 'presentation',
  video: 'av',
}
