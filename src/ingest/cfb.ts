/**
 * Just enough of the Compound File Binary format (MS-CFB) to list the directory's stream names, which tell a
 * legacy PowerPoint from a Word file, and an encrypted OOXML package (also stored as CFB) from both.
 */
import { corruptDocument } from './errors'

export type CfbKind = 'ppt' | 'doc' | 'encrypted-ooxml' | 'other'

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const END_OF_CHAIN = 0xfffffffe
const FREE_SECTOR = 0xffffffff
const HEADER_DIFAT_ENTRIES = 109
const DIRECTORY_ENTRY_BYTES = 128
const MAX_DIRECTORY_SECTORS = 10_000

const utf16 = new TextDecoder('utf-16le')

export const isCfb = (data: Uint8Array): boolean => SIGNATURE.every((byte, index) => data[index] === byte)

const corruptCfb = (reasonEn: string, reasonZh: string) => corruptDocument('cfb', reasonEn, reasonZh)

class CfbReader {
  private readonly view: DataView
  readonly sectorSize: number

  constructor(private readonly data: Uint8Array) {
    if (data.length < 512 || !isCfb(data)) throw corruptCfb('not a compound file', '不是复合文档格式')
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength)
    const shift = this.view.getUint16(0x1e, true)
    if (shift !== 9 && shift !== 12) throw corruptCfb(`bad sector size 2^${shift}`, `扇区大小异常 2^${shift}`)
    this.sectorSize = 1 << shift
  }

  u32(offset: number): number {
    if (offset + 4 > this.data.length) throw corruptCfb('truncated compound file', '复合文档被截断')
    return this.view.getUint32(offset, true)
  }

  sectorOffset(sector: number): number {
    return (sector + 1) * this.sectorSize
  }

  fatSectorNumbers(): number[] {
    const count = this.u32(0x2c)
    const sectors: number[] = []
    for (let index = 0; index < Math.min(count, HEADER_DIFAT_ENTRIES); index++) sectors.push(this.u32(0x4c + index * 4))
    let difatSector = this.u32(0x44)
    const perDifatSector = this.sectorSize / 4 - 1
    while (sectors.length < count && difatSector !== END_OF_CHAIN && difatSector !== FREE_SECTOR) {
      const base = this.sectorOffset(difatSector)
      for (let index = 0; index < perDifatSector && sectors.length < count; index++) sectors.push(this.u32(base + index * 4))
      difatSector = this.u32(base + perDifatSector * 4)
    }
    return sectors
  }

  nextSector(fatSectors: number[], sector: number): number {
    const perSector = this.sectorSize / 4
    const fatSector = fatSectors[Math.floor(sector / perSector)]
    if (fatSector === undefined) throw corruptCfb('sector chain leaves the allocation table', '扇区链超出分配表')
    return this.u32(this.sectorOffset(fatSector) + (sector % perSector) * 4)
  }

  directorySectors(): number[] {
    const fatSectors = this.fatSectorNumbers()
    const chain: number[] = []
    for (let sector = this.u32(0x30); sector !== END_OF_CHAIN; sector = this.nextSector(fatSectors, sector)) {
      if (chain.length >= MAX_DIRECTORY_SECTORS) throw corruptCfb('directory chain loops', '目录扇区链成环')
      chain.push(sector)
    }
    return chain
  }

  entryName(offset: number): string {
    const nameBytes = this.view.getUint16(offset + 0x40, true)
    if (nameBytes < 2 || nameBytes > 64) return ''
    return utf16.decode(this.data.subarray(offset, offset + nameBytes - 2))
  }
}

/** Names of all storages and streams in the compound file's directory. */
export function listCfbEntryNames(data: Uint8Array): string[] {
  const reader = new CfbReader(data)
  const names: string[] = []
  for (const sector of reader.directorySectors()) {
    const base = reader.sectorOffset(sector)
    for (let offset = base; offset < base + reader.sectorSize; offset += DIRECTORY_ENTRY_BYTES) {
      if (offset + DIRECTORY_ENTRY_BYTES > data.length) throw corruptCfb('directory runs past the end', '目录超出文件末尾')
      const name = reader.entryName(offset)
      if (name) names.push(name)
    }
  }
  return names
}

export function classifyCfb(data: Uint8Array): CfbKind {
  const names = new Set(listCfbEntryNames(data))
  if (names.has('EncryptedPackage')) return 'encrypted-ooxml'
  if (names.has('PowerPoint Document')) return 'ppt'
  if (names.has('WordDocument')) return 'doc'
  return 'other'
}
