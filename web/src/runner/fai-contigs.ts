// A samtools .fai index's contigs (name and length: its first two columns), as the hosts list
// them (the edge's /api/references, the app's contig list and download estimate). An index may
// list a million contigs: pages and the largest are taken in one pass over the text, without an
// object per contig.
export interface FaiContig {
  name: string;
  length: number;
}

export function faiContigs(faiText: string): FaiContig[] {
  return faiPage(faiText, 0, Infinity).contigs;
}

/** Contigs [offset, offset + limit) of the index, with how many it lists and their bases. */
export function faiPage(
  faiText: string,
  offset: number,
  limit: number,
): { contigs: FaiContig[]; count: number; bases: number } {
  const contigs: FaiContig[] = [];
  let count = 0;
  let bases = 0;
  forEachLine(faiText, (name, length) => {
    if (count >= offset && count < offset + limit) contigs.push({ name: name(), length });
    count++;
    bases += length;
  });
  return { contigs, count, bases };
}

/** The `n` longest contigs, longest first (ties in index order), and how many there are. */
export function largestContigs(
  faiText: string,
  n: number,
): { contigs: FaiContig[]; count: number } {
  // A bounded sorted list: a large index has few contigs among its longest.
  const top: FaiContig[] = [];
  let count = 0;
  forEachLine(faiText, (name, length) => {
    count++;
    if (top.length === n && length <= top[n - 1].length) return;
    let at = top.length;
    while (at > 0 && top[at - 1].length < length) at--;
    top.splice(at, 0, { name: name(), length });
    if (top.length > n) top.pop();
  });
  return { contigs: top, count };
}

/** Contigs whose name holds `query` (case-insensitive), the first `n` in index order. */
export function findContigs(faiText: string, query: string, n: number): FaiContig[] {
  const found: FaiContig[] = [];
  const wanted = query.toLowerCase();
  forEachLine(faiText, (name, length) => {
    if (found.length < n && name().toLowerCase().includes(wanted))
      found.push({ name: name(), length });
  });
  return found;
}

function forEachLine(text: string, visit: (name: () => string, length: number) => void): void {
  for (let at = 0; at < text.length;) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', at);
    if (tab > at && tab < end) {
      const next = text.indexOf('\t', tab + 1);
      const length = Number(text.slice(tab + 1, next < 0 || next > end ? end : next));
      const start = at;
      visit(() => text.slice(start, tab), length);
    }
    at = end + 1;
  }
}
