import { withPayload } from '@payloadcms/next/withPayload'
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from 'next/constants.js'

import { buildServiceWorker } from './scripts/build-sw.mjs'

import { securityHeaderRoutes } from './src/http/securityHeaders.mjs'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Next 16 blocks dev resources for origins it does not know; people open the app as 127.0.0.1 too.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  // The browser tests run their own `next dev` next to a developer's: a second dev server needs its own build
  // folder (Next locks <distDir>/dev/lock).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  headers: securityHeaderRoutes,
  poweredByHeader: false,
  // Native addons and pdf.js load their own files at run time: keep them out of the bundle.
  serverExternalPackages: ['libsql', '@node-rs/jieba', 'sharp', '@napi-rs/canvas', 'unpdf', 'pdfjs-dist'],
}

/** The member site's service worker is bundled before a dev server or a build starts (public/sw.js). */
export default async function config(phase) {
  if (phase === PHASE_DEVELOPMENT_SERVER || phase === PHASE_PRODUCTION_BUILD) await buildServiceWorker()
  return withPayload(nextConfig, { devBundleServerPackages: false })
}
