// --community in readforge-wasm: the table's genomes (files, plain or gzip, or URLs) joined into
// one temporary FASTA by the engine's joiner (contigs renamed GENOME|NAME), as the native
// command line joins them, with the genome map and amounts the run then takes.
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import type { ReadforgeModule } from '../runner/module-types.js';
import { decompressIfGzip, ReadforgeError } from '../runner/pump.js';
import type { RemoteFile } from '../remote/remote.js';
import { fileStream, nodeGunzip, readText } from './file-sources.js';
import { protect, release } from './interrupt.js';

export interface JoinedCommunity {
  /** The joined FASTA (removed by remove()). */
  path: string;
  genomeMapText: string;
  /** An --abundance table's text, or '' when the table gives no amounts. */
  abundanceText: string;
  remove(): void;
}

const isUrl = (path: string) => /^(https?|s3):\/\//.test(path);

export async function joinCommunity(
  module: ReadforgeModule,
  tablePath: string,
  remoteFile: (url: string) => RemoteFile,
): Promise<JoinedCommunity> {
  const table = module.parseCommunity(readText(tablePath));
  if (table.error) throw new ReadforgeError(`${tablePath}: ${table.error}`);
  // A member's path is relative to the table's folder.
  const where = (path: string) =>
    isUrl(path) || isAbsolute(path) ? path : join(dirname(tablePath), path);
  for (const { genome, path } of table.members) {
    if (!isUrl(path) && !existsSync(where(path)))
      throw new ReadforgeError(
        `${tablePath}: genome '${genome}': cannot open ${where(path)}: No such file or directory`,
      );
  }
  const dir = mkdtempSync(join(tmpdir(), 'readforge-community-'));
  const path = join(dir, 'joined.fa');
  const fd = openSync(path, 'w');
  protect(path);
  const remove = () => {
    release(path);
    rmSync(dir, { recursive: true, force: true });
  };
  const joiner = new module.CommunityJoiner();
  try {
    for (const member of table.members) {
      const source = isUrl(member.path)
        ? await remoteFile(member.path).stream()
        : fileStream(where(member.path));
      joiner.startGenome(member.genome);
      try {
        const reader = (await decompressIfGzip(source, nodeGunzip)).getReader();
        for (let piece = await reader.read(); !piece.done; piece = await reader.read()) {
          joiner.inputBuffer(piece.value.length).set(piece.value);
          writeSync(fd, joiner.push(piece.value.length));
        }
      } catch (error) {
        throw new ReadforgeError(`genome '${member.genome}': ${(error as Error).message}`);
      }
      writeSync(fd, joiner.endGenome());
    }
    closeSync(fd);
    const genomeMapText = joiner.mapText();
    if (!genomeMapText)
      throw new ReadforgeError(`${tablePath}: its genomes' files hold no FASTA records`);
    return { path, genomeMapText, abundanceText: table.abundanceText, remove };
  } catch (error) {
    remove();
    throw error;
  } finally {
    joiner.delete();
  }
}
