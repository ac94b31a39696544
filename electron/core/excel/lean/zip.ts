// The entries of an .xlsx (a zip), inflated by Node's own zlib. A JavaScript inflater (fflate,
// JSZip's pako) runs at interpreter speed in a fresh worker thread until the JIT warms up, which
// was a third of a batch's first round (bench: BENCH_ONLY=batch); zlib is native from the first
// byte. Only what a spreadsheet writer produces is read: one disk, no zip64, no encryption,
// stored or deflated entries. Anything else is Unsure and left to exceljs, which guard.ts has
// checked first. Every entry is held to limits.ts before it is inflated, and checked after.
import { crc32, inflateRawSync } from 'node:zlib';
import { LIMITS, ReadError, REFUSED } from '../limits';
import { Unsure } from './xml';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntry {
  /** CRC-32 and length of the inflated bytes, as the directory states them: what identifies a
   * part that recurs from file to file (every form of a district has the same styles). */
  id: string;
  /** The entry inflated, as text (UTF-8). */
  text(): string;
}

/**
 * The records of a zip's central directory, by offset, with the offset of each entry's local
 * header. Also used by the fixture scripts (scripts/appendix-writer.ts) to make zips reproducible.
 */
export function* centralDirectory(buf: Buffer): Generator<{ at: number; local: number }> {
  // The end record sits in the last 22 bytes, or before a comment of at most 65,535 bytes.
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Unsure('no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff || buf.readUInt16LE(end + 4) !== 0) throw new Unsure('zip64 or multi-disk');
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw new Unsure('central directory');
    yield { at, local: buf.readUInt32LE(at + 42) };
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
}

/** Where an entry's data starts, after its local header (checked). */
export function dataStart(buf: Buffer, local: number): number {
  if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw new Unsure('local header');
  return local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
}

/** One record of the central directory: what the zip says of an entry, before any is inflated. */
export interface DirEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  /** Compressed and inflated lengths, as the directory states them. */
  size: number;
  inflated: number;
  local: number;
}

/** The central directory's records (Unsure when it cannot be walked: cut short, zip64, …). */
export function readDirectory(buf: Buffer): DirEntry[] {
  const out: DirEntry[] = [];
  for (const { at, local } of centralDirectory(buf)) {
    const size = buf.readUInt32LE(at + 20);
    const inflated = buf.readUInt32LE(at + 24);
    if (size === 0xffffffff || inflated === 0xffffffff || local === 0xffffffff) throw new Unsure('zip64 entry');
    out.push({
      name: buf.toString('utf8', at + 46, at + 46 + buf.readUInt16LE(at + 28)),
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      crc: buf.readUInt32LE(at + 16),
      size,
      inflated,
      local,
    });
  }
  return out;
}

/**
 * The limits of limits.ts, from the directory alone: nothing has been inflated yet. The sizes it
 * states may lie; inflate() then stops at the stated size, so they bound memory either way.
 */
export function checkDirectory(entries: DirEntry[]): void {
  if (entries.length > LIMITS.entries) throw new ReadError(REFUSED.entries);
  let total = 0;
  for (const e of entries) {
    if (e.inflated > LIMITS.partBytes) throw new ReadError(REFUSED.part(e.name));
    if (e.inflated > LIMITS.ratioFloor && e.inflated > e.size * LIMITS.ratio) throw new ReadError(REFUSED.ratio(e.name));
    total += e.inflated;
  }
  if (total > LIMITS.totalBytes) throw new ReadError(REFUSED.total);
}

/**
 * An entry's bytes, inflated no further than the directory says and checked against its CRC-32
 * and length: a part damaged in transit, or a header that lies about its size, is refused here
 * rather than read as something else.
 */
export function inflate(buf: Buffer, e: DirEntry): Buffer {
  const start = dataStart(buf, e.local);
  if (start + e.size > buf.length) throw new Unsure('entry cut short');
  const data = buf.subarray(start, start + e.size);
  let out: Buffer;
  if (e.method === 0) out = data;
  else if (e.method === 8) {
    try {
      // One byte more than stated: a longer output then shows as a length mismatch below. One
      // chunk of that size (the stated size is already held to limits.ts): zlib's default 16 KiB
      // chunks are concatenated at the end, ≈ 25% of the inflate's time on a sheet part.
      out = inflateRawSync(data, { maxOutputLength: e.inflated + 1, chunkSize: Math.max(64, e.inflated + 1) });
    } catch {
      throw new ReadError(REFUSED.crc(e.name));
    }
  } else throw new Unsure(`compression ${e.method}`);
  if (out.length !== e.inflated || crc32(out) !== e.crc) throw new ReadError(REFUSED.crc(e.name));
  return out;
}

/**
 * The entries by name, each inflated when asked. `checked`: the directory as guard.ts checkZip
 * read and checked it (openBook), so that it is not walked a second time; without it, read and
 * checked here.
 */
export function zipEntries(buf: Buffer, checked?: DirEntry[]): Map<string, ZipEntry> {
  const out = new Map<string, ZipEntry>();
  const entries = checked ?? readDirectory(buf);
  if (!checked) checkDirectory(entries);
  for (const e of entries) {
    if (e.flags & 1) throw new Unsure('encrypted entry');
    out.set(e.name, { id: `${e.crc}:${e.inflated}`, text: () => inflate(buf, e).toString('utf8') });
  }
  return out;
}
