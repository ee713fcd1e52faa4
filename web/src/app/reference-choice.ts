// The reference box: a built-in reference, a local FASTA (with its .fai and .gaps.bed, picked
// or dropped anywhere on the box) or a FASTA on the web or S3. Only the chosen source's inputs
// are shown.
import type { ReferenceSpec } from '../shared/protocol.js';
import type { RemoteReference } from './remote-reference.js';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

const DEMOS: Record<string, ReferenceSpec> = {
  'demo-mt': {
    kind: 'url',
    url: '/refs/MT-human.fa',
    faiUrl: '/refs/MT-human.fa.fai',
    gapsUrl: '/refs/MT-human.fa.gaps.bed',
    name: 'MT-human',
  },
  // Its sidecar lists the contig and its (no) N runs: no first pass, and no .fai needed.
  'demo-ecoli': {
    kind: 'url',
    url: '/refs/ecoli-536.fa.gz',
    gapsUrl: '/refs/ecoli-536.fa.gz.gaps.bed',
    name: 'ecoli-536',
  },
};

/** A reference's name without its FASTA and gzip extensions: the outputs' base name. */
export function baseName(ref: ReferenceSpec): string {
  const name = ref.kind === 'file' ? ref.file.name : ref.name;
  if (ref.kind === 'community') return name;
  return name.replace(/\.(gz)$/, '').replace(/\.(fa|fasta|fna)$/, '');
}

export class ReferenceChoice {
  private fasta: File | null = null;
  private fai: File | null = null;
  private gaps: File | null = null;

  constructor(private readonly remote: RemoteReference) {
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="reference"]'))
      radio.addEventListener('change', () => this.sync());
    for (const id of ['#fasta-file', '#fai-file'])
      $<HTMLInputElement>(id).addEventListener('change', (e) =>
        this.setFiles((e.target as HTMLInputElement).files ?? []),
      );
    const box = $('#group-reference');
    box.addEventListener('dragover', (e) => {
      e.preventDefault();
      box.classList.add('over');
    });
    box.addEventListener('dragleave', () => box.classList.remove('over'));
    box.addEventListener('drop', (e) => {
      e.preventDefault();
      box.classList.remove('over');
      this.setFiles(e.dataTransfer?.files ?? []);
    });
    // A file picked while the engine was still loading, before these listeners existed.
    const early = $<HTMLInputElement>('#fasta-file').files;
    if (early?.length) this.setFiles(early);
  }

  /** The checked source: 'file', 'remote' or a built-in reference's id. */
  get choice(): string {
    return document.querySelector<HTMLInputElement>('input[name="reference"]:checked')!.value;
  }

  set choice(value: string) {
    const radio = document.querySelector<HTMLInputElement>(
      `input[name="reference"][value="${value}"]`,
    );
    if (radio) radio.checked = true;
    this.sync();
  }

  /** The local FASTA's name, if one was chosen. */
  get fileName(): string {
    return this.fasta?.name ?? '';
  }

  /** Shows only the chosen source's inputs: the file picker, or the remote address. */
  sync(): void {
    const choice = this.choice;
    $('#drop-zone').hidden = choice !== 'file';
    $('#community-box').hidden = choice !== 'community';
    $('#remote-box').hidden = choice !== 'remote';
  }

  /** What to run on, or what is missing. */
  spec(): ReferenceSpec | string {
    const choice = this.choice;
    if (choice === 'remote') {
      try {
        const access = this.remote.access();
        const name = access.url.split('?')[0].split('/').pop() ?? 'remote';
        return { kind: 'remote', name, ...access };
      } catch (error) {
        return (error as Error).message;
      }
    }
    if (choice === 'community') return communitySpec();
    if (choice !== 'file') return DEMOS[choice];
    if (!this.fasta) return 'Choose a FASTA file (or drop it on the form).';
    return {
      kind: 'file',
      file: this.fasta,
      fai: this.fai ?? undefined,
      gaps: this.gaps ?? undefined,
    };
  }

  private setFiles(files: Iterable<File>): void {
    for (const file of files) {
      if (file.name.endsWith('.fai')) this.fai = file;
      else if (file.name.endsWith('.gaps.bed')) this.gaps = file;
      else this.fasta = file;
    }
    this.choice = 'file';
    const extras = [this.fai, this.gaps].filter((f): f is File => f !== null).map((f) => f.name);
    $('#reference-error').textContent = this.fasta
      ? `Using ${this.fasta.name}${extras.length ? ` with ${extras.join(' and ')}` : ''}`
      : '';
  }
}

/**
 * Several FASTA files as a community: each one genome, named after its file (without its FASTA
 * and gzip extensions; '|' would split the contigs' new names, so it becomes '_').
 */
function communitySpec(): ReferenceSpec | string {
  const files = [...($<HTMLInputElement>('#community-files').files ?? [])];
  if (files.length === 0) return 'Choose the genomes’ FASTA files (one file per genome).';
  const members = files.map((file) => ({
    genome: file.name
      .replace(/\.(gz)$/, '')
      .replace(/\.(fa|fasta|fna)$/, '')
      .replace(/[|\s]/g, '_'),
    file,
  }));
  const names = members.map((m) => m.genome);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) return `Two files make a genome named ${twice}: rename one.`;
  return { kind: 'community', name: 'community', members };
}
