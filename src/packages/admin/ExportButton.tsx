'use client'

import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React from 'react'

/** 导出 U 盘课程包: downloads the saved bundle as a zip that opens offline (GET /api/bundles/:id/package). */
export const ExportButton: React.FC = () => {
  const { id } = useDocumentInfo()
  const { config: { routes: { api }, serverURL } } = useConfig()
  const { i18n } = useTranslation()
  if (!id) return null
  const en = i18n.language === 'en'
  return (
    <a
      className="btn btn--style-secondary btn--size-medium"
      download
      href={`${serverURL}${api}/bundles/${id}/package`}
      title={en ? 'A zip with every item, file and an offline search, for a USB stick' : '含全部内容、文件和离线搜索的压缩包，解压到 U 盘后双击 index.html 即可使用'}
    >
      {en ? 'Export for USB' : '导出 U 盘课程包'}
    </a>
  )
}
