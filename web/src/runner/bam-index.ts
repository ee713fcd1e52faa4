// The index of a run's BAM (--bam), made as it is written: the simulators write entries beside
// their BAM (OutputStream.AlignmentIndex), which this host-side assembler turns into the .bai
// (or .csi) `samtools index` would make of the whole file. Entries must come in the BAM's order:
// the order every host already writes the BAM in.
import type { ReadforgeModule, WasmBamIndexAssembler } from './module-types.js';
import { pushPieces } from './buffer-input.js';
import { ReadforgeError } from './pump.js';

export class BamIndexWriter {
  private readonly assembler: WasmBamIndexAssembler;

  /** The run's contigs, as its simulators were given them. */
  constructor(module: ReadforgeModule, inputs: { faiText?: string; gapsText?: string }) {
    this.assembler = new module.BamIndexAssembler(inputs.faiText ?? '', inputs.gapsText ?? '');
  }

  push(bytes: Uint8Array): void {
    const problem = pushPieces(this.assembler, bytes, (n) => this.assembler.push(n));
    if (problem) throw new ReadforgeError(`internal error: indexing the BAM: ${problem}`);
  }

  /** The index file's bytes and its name's ending (.bai, or .csi past 512 Mb). */
  finish(): { bytes: Uint8Array; extension: string } {
    const { error, bytes, extension } = this.assembler.finish();
    this.assembler.delete();
    if (error) throw new ReadforgeError(`internal error: indexing the BAM: ${error}`);
    return { bytes, extension };
  }
}
