import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Next 16 blocks dev resources for origins it does not know; people open the app as 127.0.0.1 too.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  serverExternalPackages: ['libsql', '@node-rs/jieba', 'sharp'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
