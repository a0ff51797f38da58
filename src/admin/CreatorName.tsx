import type { FieldServerComponent, Payload, PayloadRequest } from 'payload'

import React from 'react'

import { relationId } from '@/utilities/relationId'

/**
 * 创建人 in the edit form's sidebar. Payload would show "无标题 - ID: 7" for an account beyond the reader's reach;
 * here the reader sees the name only when they may read the account, and otherwise just the creator's jurisdiction
 * (jurisdictions are public), so the admin reveals no more about people than the API does.
 */
export const CreatorName: FieldServerComponent = async ({ data, i18n, payload, req }) => {
  const id = relationId(data?.createdBy)
  const en = i18n?.language === 'en'
  const creator = id ? await findCreator(payload, req, id) : null
  const place = creator?.place ? `（${creator.place}）` : ''
  const text = creator?.name
    ? `${creator.name}${place}`
    : creator?.place
      ? `${en ? 'A user of ' : ''}${creator.place}${en ? '' : '的用户'}`
      : en ? 'Unknown' : '未记录'
  return (
    <div className="field-type commons-creator" style={{ marginBottom: 'var(--base)' }}>
      <div className="field-label" style={{ marginBottom: 4 }}>{en ? 'Created by' : '创建人'}</div>
      <div>{text}</div>
    </div>
  )
}

const findCreator = async (payload: Payload, req: PayloadRequest, id: number | string) => {
  const select = { jurisdiction: true, name: true } as const
  const readable = await payload.findByID({ collection: 'users', depth: 1, disableErrors: true, id, overrideAccess: false, select, user: req.user })
  const account = readable ?? (await payload.findByID({ collection: 'users', depth: 1, disableErrors: true, id, overrideAccess: true, select }))
  const place = account && typeof account.jurisdiction === 'object' ? (account.jurisdiction?.name ?? '') : ''
  return account ? { name: readable ? account.name : '', place } : null
}
