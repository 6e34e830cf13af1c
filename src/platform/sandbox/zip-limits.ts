/**
 * Zip containers (DOCX, XLSX, PPTX) are checked before any library opens them: the central directory is read
 * first (entry count, declared sizes), then every entry is inflated with a byte budget (node:zlib's
 * maxOutputLength), because declared sizes are written by whoever made the file and a bomb may lie about them.
 * Only a container that passes is handed to mammoth, exceljs or JSZip, which then expand at most the same bytes.
 * ZIP64 containers (sizes or counts of 0xFFFF…) are not used by Office documents of this size and are refused.
 */
import { inflateRawSync } from 'node:zlib';
import { DomainError } from '../errors.js';
import { LimitExceeded, type ParseLimits } from './limits.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const broken = () => new DomainError('input.unreadable', '文件已损坏或不是有效的 Office 文档，无法读取。');

function endOfCentralDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw broken();
}

/** The entries the central directory lists, refused when there are more than the limit allows. */
export function zipEntries(bytes: Uint8Array, limits: ParseLimits): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfCentralDirectory(buf);
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new LimitExceeded('maxZipEntries', limits);
  if (count > limits.maxZipEntries) throw new LimitExceeded('maxZipEntries', limits);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw broken();
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    entries.push({
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/**
 * Throws LimitExceeded when the container's entries are too many or expand, together, past the byte budget —
 * by what they declare or by what they actually inflate to; DomainError('input.unreadable') when it is broken.
 */
export function checkZip(bytes: Uint8Array, limits: ParseLimits): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = zipEntries(bytes, limits);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.maxExpandedBytes) throw new LimitExceeded('maxExpandedBytes', limits);
  let budget = limits.maxExpandedBytes;
  for (const e of entries) {
    if (e.size === 0xffffffff || e.compressedSize === 0xffffffff)
      throw new LimitExceeded('maxExpandedBytes', limits);
    const local = e.localOffset;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw broken();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      budget -= data.length;
    } else if (e.method === 8) {
      let out: Buffer;
      try {
        out = inflateRawSync(data, { maxOutputLength: budget + 1 });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
          throw new LimitExceeded('maxExpandedBytes', limits);
        throw broken();
      }
      budget -= out.length;
    } else throw broken();
    if (budget < 0) throw new LimitExceeded('maxExpandedBytes', limits);
  }
}
