// The VCF of --variants at a URL (http(s), S3): with a tabix or CSI index beside a bgzip file
// (<url>.tbi, <url>.csi), only its header and the blocks that hold the run's regions are
// fetched; otherwise (or with no regions known) the whole file streams. Either way the engine
// reads the records in order, as from a local file.
import type { BgzfRange, ReadforgeModule } from '../runner/module-types.js';
import { bgzfBlocks, bgzfInflateAll } from '../runner/bgzf.js';
import { ReadforgeError, decompressIfGzip } from '../runner/pump.js';
import { RemoteFile } from './remote.js';

const MAX_BLOCK = 65536; // a BGZF block is at most this long, compressed

export interface Region {
  contig: string;
  begin: number;
  end: number;
}

/**
 * The regions whose records a run over `spans` reads. They start 20 kb early (two of the
 * longest REF the engine plants): a record there may overlap one inside, and which of two
 * overlapping records is planted depends on the first (so a run matches one over the whole file).
 */
export function vcfRegions(spans: Region[]): Region[] {
  return spans.map((s) => ({ contig: s.contig, begin: Math.max(0, s.begin - 20000), end: s.end }));
}

/** The index beside a bgzip VCF, decompressed, or null when there is none. */
async function findIndex(url: string): Promise<Uint8Array | null> {
  if (!/\.b?gz$/.test(new URL(url).pathname)) return null;
  for (const suffix of ['.tbi', '.csi']) {
    const bytes = await new RemoteFile(url + suffix).bytesIfExists();
    if (bytes) return bgzfInflateAll(bytes);
  }
  return null;
}

/**
 * The VCF's bytes as the engine reads them: its header, then the records of the regions (a
 * little more: the index's chunks are coarse; the engine skips what lies outside). Each
 * range costs one request; the index says where every block ends, so little more is fetched.
 */
export async function remoteVcf(
  module: ReadforgeModule,
  file: RemoteFile,
  regions: Region[] | null,
): Promise<ReadableStream<Uint8Array>> {
  const index = regions && (await findIndex(file.url));
  if (!index) return decompressIfGzip(await file.stream());
  const { error, header, ranges } = module.tabixRanges(index, regions);
  if (error) throw new ReadforgeError(`${file.url}: its index: ${error}`);
  if (header.compressedEnd === 0 && header.offsetEnd === 0)
    return decompressIfGzip(await file.stream()); // an index of no records
  let size = -1;
  // The bytes of one range: its blocks fetched in one request, trimmed to its virtual offsets.
  async function* read(r: BgzfRange): AsyncGenerator<Uint8Array> {
    if (!r.fetchEnd && size < 0) size = await file.size();
    const end = r.fetchEnd || Math.min(size, r.compressedEnd + MAX_BLOCK);
    const bytes = await file.range(r.compressedBegin, end);
    for await (const block of bgzfBlocks(bytes, r.compressedBegin)) {
      const from = block.offset === r.compressedBegin ? r.offsetBegin : 0;
      const last = block.offset === r.compressedEnd;
      const to = last ? r.offsetEnd : block.data.length;
      if (to > from) yield block.data.subarray(from, to);
      if (last) return;
    }
    if (r.offsetEnd > 0) throw new ReadforgeError(`${file.url}: shorter than its index says`);
  }
  async function* pieces(): AsyncGenerator<Uint8Array> {
    const text: Uint8Array[] = [];
    for await (const piece of read(header)) text.push(piece);
    const decoder = new TextDecoder('latin1'); // one byte per character: pieces decode alone
    const headerText = text.map((piece) => decoder.decode(piece)).join('');
    if (!/(^|\n)#CHROM[^\n]*\n$/.test(headerText))
      throw new ReadforgeError(`${file.url}: no '#CHROM' line before its first record`);
    yield* text;
    for (const r of ranges) yield* read(r);
  }
  const iterator = pieces();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel() {
        await iterator.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
