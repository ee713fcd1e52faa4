// The "FASTA on the web or S3" choice: resolves the address, reads the index to list contigs
// (for region entry) and says how much a run will download before it starts.
import type { ReadforgeModule, Setting } from '../runner/module-types.js';
import {
  faiContigs,
  faiPage,
  findContigs,
  largestContigs,
  type FaiContig,
} from '../runner/fai-contigs.js';
import { ReadforgeError } from '../runner/pump.js';
import { resolveReferenceUrl } from '../remote/remote.js';
import { openRemoteAccess } from '../remote/remote-fasta.js';
import type { RemoteAccess } from '../shared/protocol.js';

export const LOCAL_S3_EXAMPLE = {
  url: 's3://readforge-demo/ecoli-536.fa.gz',
  endpoint: 'http://127.0.0.1:4568',
};

/** Index URLs and credentials: read for each run, never saved or put in links. */
const ACCESS_FIELDS = [
  '#remote-fai',
  '#remote-gzi',
  '#s3-access-key',
  '#s3-secret-key',
  '#s3-session-token',
  '#s3-region',
];

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
/** Suggestions the region picker offers at once. */
const PICKER_SIZE = 200;

export class RemoteReference {
  private faiText = '';
  private gzi: Uint8Array | null = null;
  private hasGaps = false;
  private loadedFor = '';
  private timer = 0;

  constructor(
    private readonly module: ReadforgeModule,
    private readonly settings: () => Setting[],
  ) {
    for (const id of ['#remote-url', '#s3-endpoint', ...ACCESS_FIELDS])
      $(id).addEventListener('input', () => this.schedule());
    $('#regions').addEventListener('input', () => this.schedule());
    $('#s3-example').addEventListener('click', () => {
      $<HTMLInputElement>('#remote-url').value = LOCAL_S3_EXAMPLE.url;
      $<HTMLInputElement>('#s3-endpoint').value = LOCAL_S3_EXAMPLE.endpoint;
      document.querySelector<HTMLInputElement>('input[name="reference"][value="remote"]')!.checked =
        true;
      this.schedule(0);
    });
    // The list offers the largest contigs, then those whose names hold what is typed.
    $('#contig-pick').addEventListener('input', () => this.fillContigs());
    $('#contig-pick').addEventListener('change', () => {
      const pick = $<HTMLInputElement>('#contig-pick');
      const regions = $<HTMLTextAreaElement>('#regions');
      if (!pick.value.trim()) return;
      regions.value = `${regions.value.trim()}\n${pick.value.trim()}`.trim();
      pick.value = '';
      this.schedule(0);
    });
  }

  /** The contigs of the last index read (names and lengths), listed when they are asked for. */
  contigLister(): () => FaiContig[] {
    const text = this.faiText;
    return () => faiContigs(text);
  }

  /** The resolved URL, or a message saying what is wrong with the address. */
  url(): string {
    const text = $<HTMLInputElement>('#remote-url').value.trim();
    if (!text) throw new ReadforgeError('Enter the address of an indexed FASTA.');
    return resolveReferenceUrl(text, {
      endpoint: $<HTMLInputElement>('#s3-endpoint').value.trim() || undefined,
    });
  }

  /** The URL, index URLs and credentials a run reads the reference with. */
  access(): RemoteAccess {
    const field = (id: string) => $<HTMLInputElement>(id).value.trim();
    const access: RemoteAccess = { url: this.url() };
    if (field('#remote-fai')) access.faiUrl = field('#remote-fai');
    if (field('#remote-gzi')) access.gziUrl = field('#remote-gzi');
    if (field('#s3-access-key') && field('#s3-secret-key')) {
      access.credentials = {
        accessKeyId: field('#s3-access-key'),
        secretAccessKey: field('#s3-secret-key'),
        sessionToken: field('#s3-session-token') || undefined,
        region: field('#s3-region') || undefined,
      };
    }
    return access;
  }

  get address(): string {
    return `${$<HTMLInputElement>('#remote-url').value.trim()}|${$<HTMLInputElement>('#s3-endpoint').value.trim()}`;
  }

  set address(value: string) {
    const [url, endpoint = ''] = value.split('|');
    $<HTMLInputElement>('#remote-url').value = url;
    $<HTMLInputElement>('#s3-endpoint').value = endpoint;
    this.schedule(0);
  }

  schedule(delay = 400): void {
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    const info = $('#remote-info');
    let access: RemoteAccess;
    let url: string;
    try {
      access = this.access();
      url = JSON.stringify(access); // in memory only: what the index was read with
    } catch (error) {
      info.textContent = $<HTMLInputElement>('#remote-url').value.trim()
        ? (error as Error).message
        : '';
      return;
    }
    try {
      if (this.loadedFor !== url) {
        info.textContent = 'Reading the index…';
        const fasta = await openRemoteAccess(this.module, access);
        this.faiText = fasta.faiText;
        this.gzi = fasta.bgzf?.gzi ?? null;
        this.hasGaps = fasta.gapsText !== null;
        this.loadedFor = url;
        this.fillContigs();
      }
      info.textContent = this.estimate();
      info.dataset.ready = 'true';
    } catch (error) {
      this.loadedFor = '';
      info.textContent = (error as Error).message;
    }
  }

  /**
   * The region picker's suggestions: the largest contigs, or those whose names hold what is
   * typed; never a control per contig (an index may list a million).
   */
  private fillContigs(): void {
    const typed = $<HTMLInputElement>('#contig-pick').value.trim().split(':')[0];
    const contigs = typed
      ? findContigs(this.faiText, typed, PICKER_SIZE)
      : largestContigs(this.faiText, PICKER_SIZE).contigs;
    $('#contig-list').replaceChildren(
      ...contigs.map(({ name, length }) => {
        const option = document.createElement('option');
        option.value = name;
        option.label = `${length.toLocaleString('en')} bp`;
        return option;
      }),
    );
  }

  /** Contigs, bases, and the bytes a run with the current regions will fetch. */
  private estimate(): string {
    const regions = $<HTMLTextAreaElement>('#regions')
      .value.split(/[\n;]/)
      .map((r) => r.trim())
      .filter(Boolean);
    const settings: Setting[] = [...this.settings(), ...regions.map((r): Setting => ['region', r])];
    const sim = new this.module.Simulator(settings, { faiText: this.faiText });
    try {
      const problem = sim.start();
      const { count, bases } = faiPage(this.faiText, 0, 0);
      const head = `${count.toLocaleString('en')} contigs, ${(bases / 1e6).toFixed(1)} Mb.`;
      if (problem) return `${head} ${problem}`;
      const spans = sim.spans();
      let bytes = spans.reduce((sum, s) => sum + (s.byteEnd - s.byteBegin), 0);
      if (this.gzi) {
        const { slices } = this.module.bgzfSlices(this.gzi, spans);
        bytes = slices.reduce(
          (sum, s) => sum + (s.compressedEnd >= 0 ? s.compressedEnd - s.compressedBegin : 65536),
          0,
        );
      }
      // -N places pairs by N runs: without a .gaps.bed beside it, the regions are read twice.
      const twice = !this.hasGaps && !settings.some(([n]) => n === 'C' || n === 'coverage');
      const size = `${(((twice ? 2 : 1) * bytes) / 1e6).toFixed(2)} MB`;
      return (
        `${head} A run downloads about ${size}${this.gzi ? ' (compressed)' : ''}` +
        (twice ? ': no .gaps.bed beside it, so the regions are measured first.' : '.')
      );
    } finally {
      sim.delete();
    }
  }
}
