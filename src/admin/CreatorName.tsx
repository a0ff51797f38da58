import type { FieldServerComponent } from 'payload'

import React from 'react'

import { relationId } from '@/utilities/relationId'

/**
 * 创建人 in the edit form's sidebar: the creator's name and jurisdiction. Whoever may open the item sees who made
 * it, even when the account itself is beyond their reach (Payload would show "无标题 - ID: 7"); the API still
 * gives only the id to those who may not read the account.
 */
export const CreatorName: FieldServerComponent = async ({ data, i18n, payload }) => {
  const id = relationId(data?.createdBy)
  const creator = id
    ? await payload.findByID({ collection: 'users', depth: 1, disableErrors: true, id, overrideAccess: true, select: { jurisdiction: true, name: true } })
    : null
  const place = creator && typeof creator.jurisdiction === 'object' ? creator.jurisdiction?.name : ''
  const en = i18n?.language === 'en'
  return (
    <div className="field-type commons-creator" style={{ marginBottom: 'var(--base)' }}>
      <div className="field-label" style={{ marginBottom: 4 }}>{en ? 'Created by' : '创建人'}</div>
      <div>{creator ? `${creator.name}${place ? `（${place}）` : ''}` : en ? 'Unknown' : '未记录'}</div>
    </div>
  )
}
