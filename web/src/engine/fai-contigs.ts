// A samtools .fai index's contigs (name and length: its first two columns), as the hosts list
// them (the edge's /api/references, the app's contig list and download estimate).
export interface FaiContig {
  name: string;
  length: number;
}

export function faiContigs(faiText: string): FaiContig[] {
  return faiText
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [name, length] = line.split('\t');
      return { name, length: Number(length) };
    });
}
