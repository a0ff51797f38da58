'use client'

import type { UIFieldClientComponent } from 'payload'

import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

interface DuplicateAnswer {
  duplicate: boolean
  visible?: boolean
  existingTitle?: string
  existingUrl?: string
  existingJurisdiction?: { id: number | string; name: string }
  messageEn?: string
  messageZh?: string
}

type State = { status: 'idle' } | { status: 'checking' } | { status: 'answered'; answer: DuplicateAnswer }

const CHUNK_BYTES = 4 * 1024 * 1024

/** SHA-256 of a chosen file in 4 MB slices (pure JS: works on plain-http intranet servers, where crypto.subtle is absent). */
async function hashFile(file: Blob, cancelled: () => boolean): Promise<string | undefined> {
  const hash = sha256.create()
  for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
    if (cancelled()) return undefined
    hash.update(new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer()))
  }
  return bytesToHex(hash.digest())
}

const box: React.CSSProperties = {
  background: 'var(--theme-warning-50, #fff8e1)',
  border: '1px solid var(--theme-warning-500, #f5a623)',
  borderRadius: 'var(--style-radius-s, 4px)',
  marginBottom: 'var(--base, 20px)',
  padding: 'calc(var(--base, 20px) / 2) var(--base, 20px)',
}

/**
 * Shown above the form of courseware and videos: as soon as a file is chosen, says whether the library already
 * holds it (from any jurisdiction) and links to the existing item when the uploader may see it.
 */
export const DuplicateNotice: UIFieldClientComponent = () => {
  const file = useFormFields(([fields]) => fields.file?.value)
  const { collectionSlug, id } = useDocumentInfo()
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const { i18n } = useTranslation()
  const [state, setState] = useState<State>({ status: 'idle' })
  const english = i18n.language === 'en'

  useEffect(() => {
    if (!(file instanceof Blob) || !collectionSlug) {
      setState({ status: 'idle' })
      return
    }
    let cancelled = false
    setState({ status: 'checking' })
    void (async () => {
      try {
        const digest = await hashFile(file, () => cancelled)
        if (!digest || cancelled) return
        const query = new URLSearchParams({ sha256: digest, ...(id ? { exclude: String(id) } : {}) })
        const response = await fetch(`${serverURL ?? ''}${api}/${collectionSlug}/duplicate?${query}`, { credentials: 'include' })
        if (cancelled) return
        setState(response.ok ? { answer: (await response.json()) as DuplicateAnswer, status: 'answered' } : { status: 'idle' })
      } catch {
        // The check only helps: the server refuses a duplicate on upload anyway.
        if (!cancelled) setState({ status: 'idle' })
      }
    })()
    return () => {
      cancelled = true
    }
  }, [api, collectionSlug, file, id, serverURL])

  if (state.status === 'checking') {
    return (
      <p className="duplicate-notice duplicate-notice--checking" style={{ color: 'var(--theme-elevation-500)' }}>
        {english ? 'Checking whether the library already holds this file…' : '正在检查库中是否已有此文件…'}
      </p>
    )
  }
  if (state.status !== 'answered' || !state.answer.duplicate) return null
  const { answer } = state
  const message = (english ? answer.messageEn : answer.messageZh) ?? ''
  // The link below replaces the bare admin path the message carries for the toast.
  const shown = answer.existingUrl ? message.replace(`：${answer.existingUrl}`, '。').replace(` Open it at ${answer.existingUrl} and link`, ' Link') : message
  return (
    <div className="duplicate-notice" data-testid="duplicate-notice" role="alert" style={box}>
      <p style={{ margin: 0 }}>{shown}</p>
      {answer.visible && answer.existingUrl ? (
        <p style={{ margin: 'calc(var(--base, 20px) / 4) 0 0' }}>
          {/* A new tab keeps the form as it is (leaving it would ask to discard the changes). */}
          <a href={answer.existingUrl} rel="noopener" style={{ fontWeight: 600, textDecoration: 'underline' }} target="_blank">
            {english ? `Open “${answer.existingTitle}”` : `打开《${answer.existingTitle}》`}
            {answer.existingJurisdiction ? `（${answer.existingJurisdiction.name}）` : ''}
          </a>
        </p>
      ) : null}
    </div>
  )
}
