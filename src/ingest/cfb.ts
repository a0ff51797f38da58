/**
 * Just enough of the Compound File Binary format (MS-CFB) to tell what a legacy Office file is and whether it can
 * be stored: the directory's stream names tell PowerPoint from Word from Excel, an installer (MSI) from all three,
 * and an encrypted OOXML package (also stored as CFB) from everything else; the head of the main stream says
 * whether a Word or PowerPoint file is password-protected; following the main stream's sector chain proves the file
 * is not cut short.
 */
import { corruptDocument } from './errors'

export type CfbKind = 'ppt' | 'doc' | 'xls' | 'installer' | 'encrypted-ooxml' | 'other'

export interface CfbDescription {
  kind: CfbKind
  /** A Word (FIB fEncrypted) or PowerPoint (CurrentUserAtom token) file protected by a password. */
  encrypted: boolean
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const END_OF_CHAIN = 0xfffffffe
const FREE_SECTOR = 0xffffffff
const HEADER_DIFAT_ENTRIES = 109
const DIRECTORY_ENTRY_BYTES = 128
const MAX_DIRECTORY_SECTORS = 10_000
const ROOT_ENTRY = 5
const STREAM_ENTRY = 2

const utf16 = new TextDecoder('utf-16le')

export const isCfb = (data: Uint8Array): boolean => SIGNATURE.every((byte, index) => data[index] === byte)

const corruptCfb = (reasonEn: string, reasonZh: string) => corruptDocument('cfb', reasonEn, reasonZh)

interface DirectoryEntry {
  name: string
  type: number
  startSector: number
  size: number
  /** Bytes 0x50–0x5F: the CLSID, which names the application of the root storage (MSI, MSP, MST …). */
  clsid: Uint8Array
}

class CfbReader {
  private readonly view: DataView
  readonly sectorSize: number
  private readonly miniSectorSize: number
  private readonly miniStreamCutoff: number
  private fatCache: number[] | undefined

  constructor(private readonly data: Uint8Array) {
    if (data.length < 512 || !isCfb(data)) throw corruptCfb('not a compound file', '不是复合文档格式')
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength)
    const shift = this.view.getUint16(0x1e, true)
    if (shift !== 9 && shift !== 12) throw corruptCfb(`bad sector size 2^${shift}`, `扇区大小异常 2^${shift}`)
    this.sectorSize = 1 << shift
    const miniShift = this.view.getUint16(0x20, true)
    if (miniShift !== 6) throw corruptCfb(`bad mini sector size 2^${miniShift}`, `小扇区大小异常 2^${miniShift}`)
    this.miniSectorSize = 1 << miniShift
    this.miniStreamCutoff = this.u32(0x38)
  }

  u32(offset: number): number {
    if (offset + 4 > this.data.length) throw corruptCfb('truncated compound file', '复合文档被截断')
    return this.view.getUint32(offset, true)
  }

  sectorOffset(sector: number): number {
    const offset = (sector + 1) * this.sectorSize
    if (offset + this.sectorSize > this.data.length) throw corruptCfb('a sector lies past the end of the file (truncated?)', '扇区超出文件末尾（文件可能被截断）')
    return offset
  }

  private fatSectorNumbers(): number[] {
    if (this.fatCache) return this.fatCache
    const count = this.u32(0x2c)
    const sectors: number[] = []
    for (let index = 0; index < Math.min(count, HEADER_DIFAT_ENTRIES); index++) sectors.push(this.u32(0x4c + index * 4))
    let difatSector = this.u32(0x44)
    const perDifatSector = this.sectorSize / 4 - 1
    let guard = 0
    while (sectors.length < count && difatSector !== END_OF_CHAIN && difatSector !== FREE_SECTOR) {
      if (guard++ > this.data.length / this.sectorSize) throw corruptCfb('allocation table chain loops', '分配表链成环')
      const base = this.sectorOffset(difatSector)
      for (let index = 0; index < perDifatSector && sectors.length < count; index++) sectors.push(this.u32(base + index * 4))
      difatSector = this.u32(base + perDifatSector * 4)
    }
    this.fatCache = sectors
    return sectors
  }

  private nextSector(sector: number): number {
    const perSector = this.sectorSize / 4
    const fatSector = this.fatSectorNumbers()[Math.floor(sector / perSector)]
    if (fatSector === undefined) throw corruptCfb('sector chain leaves the allocation table', '扇区链超出分配表')
    return this.u32(this.sectorOffset(fatSector) + (sector % perSector) * 4)
  }

  /** The sectors of a chain, each checked to lie inside the file; a loop or a chain into nowhere is corruption. */
  chain(start: number, maxSectors = Math.ceil(this.data.length / this.sectorSize)): number[] {
    const sectors: number[] = []
    for (let sector = start; sector !== END_OF_CHAIN; sector = this.nextSector(sector)) {
      if (sector === FREE_SECTOR || sectors.length >= maxSectors) throw corruptCfb('sector chain is broken or loops', '扇区链断裂或成环')
      this.sectorOffset(sector)
      sectors.push(sector)
    }
    return sectors
  }

  entries(): DirectoryEntry[] {
    const entries: DirectoryEntry[] = []
    for (const sector of this.chain(this.u32(0x30), MAX_DIRECTORY_SECTORS)) {
      const base = this.sectorOffset(sector)
      for (let offset = base; offset < base + this.sectorSize; offset += DIRECTORY_ENTRY_BYTES) {
        const nameBytes = this.view.getUint16(offset + 0x40, true)
        if (nameBytes < 2 || nameBytes > 64) continue
        entries.push({
          clsid: this.data.subarray(offset + 0x50, offset + 0x60),
          name: utf16.decode(this.data.subarray(offset, offset + nameBytes - 2)),
          size: this.u32(offset + 0x78),
          startSector: this.u32(offset + 0x74),
          type: this.data[offset + 0x42],
        })
      }
    }
    return entries
  }

  private readChain(sectors: number[], sectorBytes: (sector: number) => Uint8Array, sectorSize: number, length: number): Uint8Array {
    const out = new Uint8Array(length)
    let written = 0
    for (const sector of sectors) {
      if (written >= length) break
      out.set(sectorBytes(sector).subarray(0, Math.min(sectorSize, length - written)), written)
      written += sectorSize
    }
    return out
  }

  private readonly regularSector = (sector: number): Uint8Array => {
    const offset = this.sectorOffset(sector)
    return this.data.subarray(offset, offset + this.sectorSize)
  }

  /** A chain of regular sectors holding `size` bytes, of which the first `wanted` are returned. */
  private readRegular(name: string, startSector: number, size: number, wanted: number): Uint8Array {
    if (size === 0) return new Uint8Array(0)
    const sectors = this.chain(startSector)
    if (sectors.length * this.sectorSize < size) {
      throw corruptCfb(`stream "${name}" is shorter than declared (truncated?)`, `数据流“${name}”短于声明的长度（文件可能被截断）`)
    }
    return this.readChain(sectors, this.regularSector, this.sectorSize, Math.min(size, wanted))
  }

  /**
   * The first `maxBytes` of a stream (regular or mini). The whole chain is walked either way, so a stream whose
   * sectors are missing — a file cut short — is found out even when only its head is wanted.
   */
  readStream(entry: DirectoryEntry, root: DirectoryEntry, maxBytes = entry.size): Uint8Array {
    if (entry.size >= this.miniStreamCutoff) return this.readRegular(entry.name, entry.startSector, entry.size, maxBytes)
    // Small streams live in the mini stream, which the root entry's own (regular) chain holds.
    const miniStream = this.readRegular(root.name, root.startSector, root.size, root.size)
    const miniFatBytes = this.u32(0x40) * this.sectorSize
    const miniFat = this.readRegular('MiniFAT', this.u32(0x3c), miniFatBytes, miniFatBytes)
    const miniView = new DataView(miniFat.buffer, miniFat.byteOffset, miniFat.byteLength)
    const sectors: number[] = []
    for (let sector = entry.startSector; sector !== END_OF_CHAIN; sector = miniView.getUint32(sector * 4, true)) {
      const outside = sector * 4 + 4 > miniFat.length || (sector + 1) * this.miniSectorSize > miniStream.length
      if (outside || sectors.length > miniStream.length / this.miniSectorSize) {
        throw corruptCfb(`stream "${entry.name}" is broken`, `数据流“${entry.name}”已损坏`)
      }
      sectors.push(sector)
    }
    if (sectors.length * this.miniSectorSize < entry.size) {
      throw corruptCfb(`stream "${entry.name}" is shorter than declared`, `数据流“${entry.name}”短于声明的长度`)
    }
    const miniSector = (sector: number) => miniStream.subarray(sector * this.miniSectorSize, (sector + 1) * this.miniSectorSize)
    return this.readChain(sectors, miniSector, this.miniSectorSize, Math.min(entry.size, maxBytes))
  }
}

/** Names of all storages and streams in the compound file's directory. */
export function listCfbEntryNames(data: Uint8Array): string[] {
  return new CfbReader(data).entries().map((entry) => entry.name)
}

/** {000C1084-…-46} MSI, {000C1086-…} MSP patch, {000C1082-…} MST transform: Windows Installer packages. */
const INSTALLER_CLSID_TAIL = [0x10, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46]
const isInstallerClsid = (clsid: Uint8Array): boolean =>
  [0x82, 0x84, 0x86].includes(clsid[0]) && INSTALLER_CLSID_TAIL.every((byte, index) => clsid[index + 1] === byte)

/** Word 97+ FIB: wIdent 0xA5EC (0xA5DC for Word 6/95); fEncrypted is bit 8 of the flags at 0x0A. */
const WORD_IDENTS = new Set([0xa5ec, 0xa5dc])
const WORD_F_ENCRYPTED = 0x0100

function isEncryptedWord(head: Uint8Array): boolean {
  if (head.length < 0x0c) throw corruptCfb('WordDocument stream is too short', 'WordDocument 数据流过短')
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength)
  if (!WORD_IDENTS.has(view.getUint16(0, true))) throw corruptCfb('WordDocument stream has no Word header', 'WordDocument 数据流缺少 Word 文件头')
  return (view.getUint16(0x0a, true) & WORD_F_ENCRYPTED) !== 0
}

/** [MS-PPT] CurrentUserAtom: record type 0x0FF6, then size and headerToken (0xE391C05F plain, 0xF3D1C4DF encrypted). */
const CURRENT_USER_ATOM = 0x0ff6
const PPT_PLAIN_TOKEN = 0xe391c05f
const PPT_ENCRYPTED_TOKEN = 0xf3d1c4df

function isEncryptedPowerPoint(currentUser: Uint8Array | undefined): boolean {
  if (!currentUser || currentUser.length < 16) throw corruptCfb('PowerPoint file without its Current User record', 'PowerPoint 文件缺少 Current User 记录')
  const view = new DataView(currentUser.buffer, currentUser.byteOffset, currentUser.byteLength)
  if (view.getUint16(2, true) !== CURRENT_USER_ATOM) throw corruptCfb('PowerPoint Current User record is damaged', 'PowerPoint Current User 记录已损坏')
  const token = view.getUint32(12, true)
  if (token === PPT_ENCRYPTED_TOKEN) return true
  if (token === PPT_PLAIN_TOKEN) return false
  throw corruptCfb('PowerPoint Current User record is damaged', 'PowerPoint Current User 记录已损坏')
}

const MAIN_STREAM_HEAD_BYTES = 64

/** What a compound file is, read from its directory and the head of its main stream. */
export function describeCfb(data: Uint8Array): CfbDescription {
  const reader = new CfbReader(data)
  const entries = reader.entries()
  const root = entries.find((entry) => entry.type === ROOT_ENTRY)
  if (!root) throw corruptCfb('no root storage', '缺少根存储')
  const stream = (name: string) => entries.find((entry) => entry.type === STREAM_ENTRY && entry.name === name)
  if (isInstallerClsid(root.clsid)) return { encrypted: false, kind: 'installer' }
  if (stream('EncryptedPackage')) return { encrypted: true, kind: 'encrypted-ooxml' }
  const powerPoint = stream('PowerPoint Document')
  if (powerPoint) {
    reader.readStream(powerPoint, root, 0)
    const currentUser = stream('Current User')
    return { encrypted: isEncryptedPowerPoint(currentUser && reader.readStream(currentUser, root, 16)), kind: 'ppt' }
  }
  const word = stream('WordDocument')
  if (word) return { encrypted: isEncryptedWord(reader.readStream(word, root, MAIN_STREAM_HEAD_BYTES)), kind: 'doc' }
  if (stream('Workbook') || stream('Book')) return { encrypted: false, kind: 'xls' }
  return { encrypted: false, kind: 'other' }
}

/** The kind alone (an encrypted Word or PowerPoint file is still 'doc' / 'ppt'; see describeCfb). */
export const classifyCfb = (data: Uint8Array): CfbKind => describeCfb(data).kind
