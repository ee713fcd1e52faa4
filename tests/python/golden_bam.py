"""A readforge golden BAM as htslib reads it (pysam): every record's tags with their types,
mates that point at each other, and each read 1's SEQ and QUAL as its FASTQ record holds them.

    /usr/bin/python3 golden_bam.py GOLDEN.bam READS_1.fq

Prints one line when every check holds; exits 1 with the first problem otherwise.
"""
import sys

import pysam

COMPLEMENT = str.maketrans("ACGTN", "TGCAN")


def fail(message):
    print(message)
    sys.exit(1)


def main(bam_path, fastq_path):
    read1 = {}
    with open(fastq_path) as fastq:
        while True:
            name = fastq.readline().rstrip("\n")
            if not name:
                break
            seq = fastq.readline().rstrip("\n")
            fastq.readline()
            qual = fastq.readline().rstrip("\n")
            read1[name[1:-2]] = (seq, qual)  # '@name/1'

    mates = {}
    count = 0
    with pysam.AlignmentFile(bam_path, "rb") as bam:
        if bam.header.get("HD", {}).get("SO") != "coordinate":
            fail("the header does not say SO:coordinate")
        groups = [rg["ID"] for rg in bam.header.get("RG", [])]
        for r in bam:
            count += 1
            for tag, kind in (("NM", int), ("MD", str), ("HP", int), ("XE", int), ("XV", int),
                              ("XI", int), ("RG", str)):
                if not isinstance(r.get_tag(tag), kind):
                    fail(f"{r.query_name}: {tag} is not {kind.__name__}")
            if r.get_tag("HP") not in (1, 2) or r.get_tag("RG") not in groups:
                fail(f"{r.query_name}: HP or RG")
            if r.mapping_quality != 60 or r.is_unmapped or not r.is_paired or not r.is_proper_pair:
                fail(f"{r.query_name}: flags {r.flag}, MAPQ {r.mapping_quality}")
            mates.setdefault(r.query_name, []).append(r)
            if r.is_read1:
                seq, qual = read1.get(r.query_name, (None, None))
                if seq is None:
                    fail(f"{r.query_name}: not a read 1 of the FASTQ")
                shown = r.query_sequence
                quals = "".join(chr(q + 33) for q in r.query_qualities)
                if r.is_reverse:
                    shown = shown.translate(COMPLEMENT)[::-1]
                    quals = quals[::-1]
                if shown != seq or quals != qual:
                    fail(f"{r.query_name}: SEQ or QUAL is not the FASTQ's")
    for name, pair in mates.items():
        if len(pair) != 2:
            fail(f"{name}: {len(pair)} records")
        a, b = pair
        if a.is_read1 == b.is_read1 or a.is_reverse == b.is_reverse:
            fail(f"{name}: mates not read 1 and read 2 on opposite strands")
        if a.next_reference_start != b.reference_start or b.next_reference_start != a.reference_start:
            fail(f"{name}: PNEXT")
        if a.mate_is_reverse != b.is_reverse or a.template_length != -b.template_length:
            fail(f"{name}: mate strand or TLEN")
        left = min(a.reference_start, b.reference_start)
        right = max(a.reference_end, b.reference_end)
        if abs(a.template_length) != right - left:
            fail(f"{name}: TLEN {a.template_length}, the pair spans {right - left}")
    print(f"{count} records, {len(mates)} pairs: every tag read, every name found")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
