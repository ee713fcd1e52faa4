// A remote indexed FASTA opened for reading by region: its .fai and, for bgzip, its .gzi, at the
// URLs given or beside the FASTA. Whether it is bgzip is told by its first bytes, never by its
// name: a presigned URL's query string hides the suffix, and a name can lie.
import type { ReadforgeModule } from '../runner/module-types.js';
import { ReadforgeError } from '../runner/pump.js';
import { BgzfIndex, displayUrl, RemoteFile, RemoteOptions } from './remote.js';
import { isPresigned, S3Credentials, signedFetch } from './s3-signing.js';

export interface RemoteFastaUrls {
  url: string;
  /** Default: beside the FASTA (besideUrl(url, '.fai')). */
  faiUrl?: string;
  /** The .fai's text, when at hand (a local file): not fetched then. */
  faiText?: string;
  /** For bgzip; default: beside the FASTA. */
  gziUrl?: string;
}

export interface RemoteFasta {
  file: RemoteFile;
  faiText: string;
  /** Set when the FASTA is bgzip. */
  bgzf?: BgzfIndex;
}

/** `url` with `suffix` added to its path; a query string stays after it. */
export function besideUrl(url: string, suffix: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url + suffix : url.slice(0, query) + suffix + url.slice(query);
}

export type FastaFormat = 'fasta' | 'bgzf';

/** What the first bytes of a reference say it is; an error for anything but FASTA or bgzip. */
export function fastaFormat(head: Uint8Array, name: string): FastaFormat {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    // BGZF: a gzip member with FEXTRA whose first subfield is 'BC' (SAM spec, section 4.1).
    const bgzf = head.length >= 14 && (head[3] & 4) !== 0 && head[12] === 66 && head[13] === 67;
    if (bgzf) return 'bgzf';
    throw new ReadforgeError(
      `${name}: gzip, but not bgzip (BGZF): reading regions needs bgzip's blocks; recompress ` +
        'it with `zcat ref.fa.gz | bgzip > ref.fa.bgz` and index it with `samtools faidx`',
    );
  }
  const magic: [number[], string][] = [
    [[0x42, 0x5a, 0x68], 'bzip2'],
    [[0xfd, 0x37, 0x7a, 0x58, 0x5a], 'xz'],
    [[0x28, 0xb5, 0x2f, 0xfd], 'zstd'],
    [[0x50, 0x4b, 0x03, 0x04], 'zip'],
  ];
  for (const [bytes, kind] of magic) {
    if (bytes.every((b, i) => head[i] === b))
      throw new ReadforgeError(
        `${name}: compressed with ${kind}, which cannot be read by region: use plain FASTA or ` +
          'bgzip (with its .fai and .gzi)',
      );
  }
  const first = head.find((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d);
  if (first !== undefined && first !== 0x3e /* '>' */) {
    throw new ReadforgeError(
      `${name}: neither FASTA nor bgzip (it starts with byte 0x${first.toString(16).padStart(2, '0')}` +
        `${head.length >= 1 && first >= 0x20 && first < 0x7f ? ` '${String.fromCharCode(first)}'` : ''}, ` +
        "not '>')",
    );
  }
  return 'fasta';
}

/** Opens a remote FASTA: its format from its first bytes, its .fai, and its .gzi when bgzip. */
export async function openRemoteFasta(
  module: ReadforgeModule,
  urls: RemoteFastaUrls,
  options: RemoteOptions = {},
): Promise<RemoteFasta> {
  const file = new RemoteFile(urls.url, options);
  const index = { url: urls.url, options };
  const [head, faiText] = await Promise.all([
    file.head(32),
    urls.faiText ?? readIndex({ ...index, given: urls.faiUrl, suffix: '.fai' }, (f) => f.text()),
  ]);
  if (fastaFormat(head, file.name) === 'fasta') return { file, faiText };
  const gzi = await readIndex({ ...index, given: urls.gziUrl, suffix: '.gzi' }, (f) => f.bytes());
  return { file, faiText, bgzf: { module, gzi } };
}

/**
 * An index at the URL given, or beside the FASTA. A presigned FASTA's signature does not sign
 * its index, so a failure there says how to give the index its own URL.
 */
async function readIndex<T>(
  where: { url: string; given?: string; suffix: string; options: RemoteOptions },
  read: (file: RemoteFile) => Promise<T>,
): Promise<T> {
  const beside = besideUrl(where.url, where.suffix);
  try {
    return await read(new RemoteFile(where.given || beside, where.options));
  } catch (error) {
    if (where.given || !beside.includes('?') || !(error instanceof ReadforgeError)) throw error;
    throw new ReadforgeError(
      `${error.message} (a presigned reference's index needs its own presigned URL: ` +
        `--${where.suffix.slice(1)} URL)`,
    );
  }
}

/** How to fetch a page's or Worker's remote reference: signed when credentials are given. */
export function accessOptions(
  access: RemoteAccessSpec,
  options: RemoteOptions = {},
): RemoteOptions {
  const signing = access.credentials && !isPresigned(access.url);
  return signing ? { ...options, fetch: signedFetch(access.credentials!) } : options;
}

export interface RemoteAccessSpec {
  url: string;
  faiUrl?: string;
  gziUrl?: string;
  credentials?: S3Credentials;
}

/** A page's or Worker's remote reference, opened; and its N runs' sidecar, when beside it. */
export async function openRemoteAccess(
  module: ReadforgeModule,
  access: RemoteAccessSpec,
  options: RemoteOptions = {},
): Promise<RemoteFasta & { gapsText: string | null; gapsName: string }> {
  const reading = accessOptions(access, options);
  const gapsUrl = besideUrl(access.url, '.gaps.bed');
  const [fasta, gapsText] = await Promise.all([
    openRemoteFasta(
      module,
      { url: access.url, faiUrl: access.faiUrl, gziUrl: access.gziUrl },
      reading,
    ),
    // A presigned URL's signature does not sign a sidecar: none is looked for then.
    isPresigned(access.url) ? null : new RemoteFile(gapsUrl, reading).textIfExists(),
  ]);
  return { ...fasta, gapsText, gapsName: displayUrl(gapsUrl) };
}
