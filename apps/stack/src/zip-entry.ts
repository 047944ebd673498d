import { readFile } from 'node:fs/promises';
import { crc32, inflateRawSync } from 'node:zlib';

/** Zip record signatures and offsets: PKWARE APPNOTE.TXT §4.3 (a jar is a zip). */
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export class CorruptArchiveError extends Error {
  override readonly name = 'CorruptArchiveError';
}

/**
 * One file's bytes from a zip archive, checked against the CRC-32 the archive records for it. Enough
 * zip for a Maven jar (stored or deflated entries, no zip64, no encryption), without a dependency.
 */
export async function readZipEntry(archive: string, entryName: string): Promise<Buffer> {
  const zip = await readFile(archive);
  const end = zip.lastIndexOf(uint32(END_OF_CENTRAL_DIRECTORY));
  if (end < 0) throw new CorruptArchiveError(`${archive} is not a zip archive`);
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let index = 0; index < entries; index++) {
    if (zip.readUInt32LE(at) !== CENTRAL_FILE_HEADER) break;
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (name === entryName) {
      return entryData(zip, {
        method: zip.readUInt16LE(at + 10),
        crc: zip.readUInt32LE(at + 16),
        compressedSize: zip.readUInt32LE(at + 20),
        localHeader: zip.readUInt32LE(at + 42),
        archive,
        name,
      });
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new CorruptArchiveError(`${archive} has no entry ${entryName}`);
}

function entryData(
  zip: Buffer,
  entry: {
    method: number;
    crc: number;
    compressedSize: number;
    localHeader: number;
    archive: string;
    name: string;
  },
): Buffer {
  const local = entry.localHeader;
  if (zip.readUInt32LE(local) !== LOCAL_FILE_HEADER) {
    throw new CorruptArchiveError(`${entry.archive}: bad local header for ${entry.name}`);
  }
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const raw = zip.subarray(start, start + entry.compressedSize);
  let data: Buffer;
  try {
    if (entry.method === STORED) data = Buffer.from(raw);
    else if (entry.method === DEFLATED) data = inflateRawSync(raw);
    else throw new CorruptArchiveError(`compression method ${entry.method} is not supported`);
  } catch (error) {
    throw new CorruptArchiveError(`${entry.archive}: cannot read ${entry.name}: ${String(error)}`);
  }
  if (crc32(data) !== entry.crc) {
    throw new CorruptArchiveError(`${entry.archive}: ${entry.name} fails its CRC-32 check`);
  }
  return data;
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
}
