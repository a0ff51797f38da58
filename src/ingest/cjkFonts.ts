/**
 * Chinese PDFs often name a font they do not embed (`STSong-Light`, `SimSun`, `Microsoft YaHei`). pdf.js then
 * draws their text with the canvas's generic families (`serif`, `sans-serif`, `monospace`), which on a server
 * hold no Chinese glyphs: every character becomes an empty box. Those families are pointed at a CJK font
 * found on this machine (files only, no network): `PREVIEW_CJK_FONTS` first, then the usual places on Linux
 * (fonts-noto-cjk, as scripts/ci-deps.sh installs), macOS and Windows.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'

type FontRegistry = { registerFromPath: (file: string, alias?: string) => unknown }

const SERIF_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSerifCJK-Regular.ttc',
  '/System/Library/Fonts/Supplemental/Songti.ttc',
  'C:\\Windows\\Fonts\\simsun.ttc',
]

const SANS_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/System/Library/Fonts/PingFang.ttc',
  '/System/Library/Fonts/STHeiti Light.ttc',
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\simhei.ttf',
]

const configured = (): string[] => (process.env.PREVIEW_CJK_FONTS ?? '').split(path.delimiter).filter(Boolean)

const firstExisting = (files: string[]): string | undefined => files.find((file) => existsSync(file))

/** The font file behind each generic family, or an empty object when this machine has no CJK font. */
export const findCjkFonts = (): Partial<Record<'monospace' | 'sans-serif' | 'serif', string>> => {
  const own = firstExisting(configured())
  const sans = own ?? firstExisting(SANS_FONTS)
  const serif = own ?? firstExisting(SERIF_FONTS) ?? sans
  if (!serif) return {}
  return { monospace: sans ?? serif, 'sans-serif': sans ?? serif, serif }
}

let registered: boolean | undefined

/**
 * Points the canvas's generic families at CJK fonts, once per process. Returns whether a font was found;
 * `undefined` on later calls, so the caller warns about a missing font only once.
 */
export const registerCjkFonts = (fonts: FontRegistry): boolean | undefined => {
  if (registered !== undefined) return undefined
  const found = Object.entries(findCjkFonts())
  for (const [family, file] of found) fonts.registerFromPath(file, family)
  registered = found.length > 0
  return registered
}
