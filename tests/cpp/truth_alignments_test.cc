// Truth alignments (--bam, --sam) checked the way users check a golden BAM: with samtools
// (quickcheck, calmd, index, sort, view), with pysam reading every tag, and against the
// haplotypes the reads came from (each read's bases, placed by its CIGAR, are its haplotype's
// but for its counted sequencing errors). On E. coli (the app's demo reference), with random
// mutations, planted SNPs and indels, and a quality profile with insertion and deletion errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "formats/bam_reader.h"
#include "formats/fasta_parser.h"
#include "formats/text.h"
#include "sandbox.h"

namespace readforge {
namespace {

class TruthAlignmentsTest : public testing::Sandbox {
 protected:
  void SetUp() override {
    ASSERT_EQ(Shell("gzip -dc " + std::string(READFORGE_SOURCE_DIR) +
                    "/public/refs/ecoli-536.fa.gz > ref.fa && samtools faidx ref.fa"),
              0);
  }

  // A profile with insertion and deletion errors (1% and 2% a base on read 2).
  void WriteIndelProfile() {
    ASSERT_EQ(Shell("cp " + std::string(READFORGE_SOURCE_DIR) +
                    "/public/profiles/illumina-like-2x150.profile indels.profile"),
              0);
    ASSERT_EQ(Shell("printf 'indel\\tR1\\t0.01\\t0.01\\nindel\\tR2\\t0.01\\t0.02\\n' >> "
                    "indels.profile"),
              0);
  }

  // SNPs, insertions and deletions every 2,000 bases, on one haplotype or both.
  void WritePlantedVcf() {
    const std::string ref = Read("ref.fa");
    std::string bases;
    for (size_t at = ref.find('\n') + 1; at < ref.size(); ++at) {
      if (ref[at] != '\n')
        bases.push_back(ref[at]);
    }
    std::string vcf = "##fileformat=VCFv4.3\n##contig=<ID=" + ContigName() +
                      ",length=" + std::to_string(bases.size()) +
                      ">\n##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                      "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n";
    const char* genotypes[] = {"0|1", "1|0", "1|1"};
    int k = 0;
    for (size_t pos = 1000; pos + 20 < bases.size(); pos += 2000, ++k) {
      const std::string ref_base = bases.substr(pos, 1);
      std::string ref_allele = ref_base, alt;
      switch (k % 3) {
        case 0:  // SNP
          alt = ref_base == "A" ? "C" : "A";
          break;
        case 1:  // insertion of 1 to 12 bases
          alt = ref_base + std::string("ACGTTGCAGTCA").substr(0, 1 + k % 12);
          break;
        case 2:  // deletion of 1 to 15 bases
          ref_allele = bases.substr(pos, 2 + k % 15);
          alt = ref_base;
          break;
      }
      vcf += ContigName() + "\t" + std::to_string(pos + 1) + "\t.\t" + ref_allele + "\t" + alt +
             "\t.\t.\t.\tGT\t" + genotypes[k % 3] + "\n";
    }
    Write("planted.vcf", vcf);
  }

  std::string ContigName() const {
    const std::string fai = Read("ref.fa.fai");
    return fai.substr(0, fai.find('\t'));
  }
};

// The records of a BAM, read with readforge's own reader (checked against samtools below).
struct Record {
  std::string name;
  int flag = 0;
  int64_t pos = 0;
  std::vector<uint32_t> cigar;
  std::string seq;
  std::map<std::string, int64_t> ints;
  std::string md;
};

std::vector<Record> ReadBam(const std::string& bytes) {
  BamReader reader;
  EXPECT_TRUE(reader.Push(bytes.data(), bytes.size()).ok());
  EXPECT_TRUE(reader.Finish().ok());
  std::vector<Record> out;
  BamReader::Result result;
  while (true) {
    const Status s = reader.Next(&result);
    EXPECT_TRUE(s.ok()) << s.message();
    if (!s.ok() || result != BamReader::Result::kRecord)
      break;
    const BamRecordView v = reader.record();
    Record r;
    r.name = std::string(v.name());
    r.flag = v.flag();
    r.pos = v.pos();
    for (size_t i = 0; i < v.cigar_ops(); ++i)
      r.cigar.push_back(v.cigar(i));
    for (size_t i = 0; i < v.seq_length(); ++i)
      r.seq.push_back(v.base(i));
    for (const char* tag : {"NM", "HP", "XE", "XV", "XI"}) {
      BamTag t;
      EXPECT_TRUE(FindTag(v.aux(), tag, &t));
      if (t.found)
        r.ints[tag] = t.integer;
    }
    BamTag md;
    if (FindTag(v.aux(), "MD", &md) && md.found)
      r.md = std::string(md.text);
    out.push_back(std::move(r));
  }
  return out;
}

// Haplotype `hap` (0 or 1) of `bases` with the truth VCF's variants, and for each reference
// position the haplotype position of its base (-1 when deleted).
struct Haplotype {
  std::string bases;
  std::vector<int64_t> at;  // reference position -> haplotype position
};

Haplotype Spell(const std::string& bases, const std::string& vcf, int hap) {
  // Per reference base: what the haplotype holds there (a SNP's base, an insertion's anchor and
  // bases), or that a deletion removes it. VCF anchors a deletion on the base before it, which
  // may also anchor an insertion (the truth lists both at one POS).
  std::map<int64_t, std::string> replaced;
  std::vector<bool> deleted(bases.size(), false);
  std::istringstream lines(vcf);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    const std::vector<std::string> f = testing::TabFields(line);
    const std::string& gt = f[9];
    const char allele = gt.size() == 1 ? gt[0] : gt[static_cast<size_t>(2 * hap)];
    if (allele != '1')
      continue;
    const int64_t pos = std::stoll(f[1]) - 1;
    const std::string &ref = f[3], &alt = f[4];
    if (ref.size() == 1) {
      replaced[pos] = alt;  // a SNP, or an insertion after (a possibly changed) anchor
    } else {
      for (size_t k = alt.size(); k < ref.size(); ++k)
        deleted[static_cast<size_t>(pos) + k] = true;
    }
  }
  Haplotype h;
  h.at.assign(bases.size(), -1);
  for (size_t p = 0; p < bases.size(); ++p) {
    if (deleted[p])
      continue;
    h.at[p] = static_cast<int64_t>(h.bases.size());
    auto it = replaced.find(static_cast<int64_t>(p));
    if (it == replaced.end())
      h.bases.push_back(bases[p]);
    else
      h.bases += it->second;
  }
  return h;
}

// The edit distance of `read` to the best substring of `text` (free gaps at text's ends).
int FittingDistance(const std::string& read, const std::string& text) {
  std::vector<int> row(text.size() + 1, 0), next(text.size() + 1);
  for (size_t i = 1; i <= read.size(); ++i) {
    next[0] = static_cast<int>(i);
    for (size_t j = 1; j <= text.size(); ++j) {
      next[j] = std::min({row[j] + 1, next[j - 1] + 1,
                          row[j - 1] + (read[i - 1] == text[j - 1] && read[i - 1] != 'N' ? 0 : 1)});
    }
    row.swap(next);
  }
  return *std::min_element(row.begin(), row.end());
}

TEST_F(TruthAlignmentsTest, SamtoolsAgreesWithEveryRecordItsIndexAndItsOrder) {
  WriteIndelProfile();
  WritePlantedVcf();
  const std::string run =
      "-N 100000 -1 150 -2 150 -S 7 -r 0.002 -R 0.3 --profile indels.profile --variants "
      "planted.vcf --vcf truth.vcf ref.fa r1.fq r2.fq";
  testing::CliResult r = Run(run + " --bam golden.bam");
  ASSERT_EQ(r.status, 0) << r.err;
  ASSERT_EQ(Run(run + " --sam golden.sam").status, 0);
  EXPECT_EQ(Shell("samtools quickcheck -v golden.bam"), 0);
  // calmd recomputes every NM and MD from the reference: it names each it would change.
  ASSERT_EQ(Shell("samtools calmd golden.bam ref.fa > /dev/null 2> calmd.txt"), 0);
  EXPECT_EQ(Read("calmd.txt"), "");
  // samtools index makes the index written beside it; sort changes nothing; view prints the SAM.
  ASSERT_EQ(Shell("samtools index -o samtools.bai golden.bam"), 0);
  EXPECT_EQ(Read("samtools.bai"), Read("golden.bam.bai"));
  ASSERT_EQ(Shell("samtools sort -o sorted.bam golden.bam && samtools view sorted.bam > a.sam && "
                  "samtools view golden.bam > b.sam"),
            0);
  EXPECT_EQ(Read("a.sam"), Read("b.sam"));
  ASSERT_EQ(Shell("samtools view -h --no-PG golden.bam > viewed.sam"), 0);
  EXPECT_EQ(Read("viewed.sam"), Read("golden.sam"));
  ASSERT_EQ(Shell("samtools view -c golden.bam > count.txt"), 0);
  EXPECT_EQ(Read("count.txt"), "200000\n");
  // The header: sorted, the contig with samtools dict's M5, a read group, the run's settings.
  ASSERT_EQ(Shell("samtools dict ref.fa | grep -o 'M5:[0-9a-f]*' > m5.txt"), 0);
  const std::string header = Read("golden.sam").substr(0, Read("golden.sam").find("\n@PG") + 1);
  EXPECT_EQ(header.substr(0, 26), "@HD\tVN:1.6\tSO:coordinate\n@");
  EXPECT_NE(header.find("\t" + Read("m5.txt").substr(0, 35) + "\n"), std::string::npos) << header;
  EXPECT_NE(header.find("@RG\tID:SIMULATED\tSM:SIMULATED\n"), std::string::npos);

  // Each record's tags against its FASTQ name (the counts of the leftmost read, then the
  // rightmost), and each read's bases against its haplotype: at most its sequencing errors
  // apart, once placed where its CIGAR says.
  std::string bases;
  {
    const std::string fa = Read("ref.fa");
    for (size_t at = fa.find('\n') + 1; at < fa.size(); ++at) {
      if (fa[at] != '\n')
        bases.push_back(fa[at]);
    }
  }
  const std::string truth = Read("truth.vcf");
  const Haplotype haps[2] = {Spell(bases, truth, 0), Spell(bases, truth, 1)};
  const std::vector<Record> records = ReadBam(Read("golden.bam"));
  ASSERT_EQ(records.size(), 200000u);
  int64_t with_indels = 0, clipped = 0, checked = 0, errors = 0;
  for (const Record& rec : records) {
    ASSERT_FALSE(rec.flag & 0x4) << rec.name;  // with -A 0.05 every read aligns
    // name: contig_left_right_e:s:i_e:s:i_index, the contig's name holding underscores or not.
    std::vector<std::string> parts;
    std::istringstream name(rec.name);
    for (std::string x; std::getline(name, x, '_');)
      parts.push_back(x);
    ASSERT_GE(parts.size(), 6u);
    const std::string counts = parts[parts.size() - ((rec.flag & 0x10) ? 2 : 3)];
    EXPECT_EQ(counts, std::to_string(rec.ints.at("XE")) + ":" + std::to_string(rec.ints.at("XV")) +
                          ":" + std::to_string(rec.ints.at("XI")))
        << rec.name;
    const Haplotype& h = haps[rec.ints.at("HP") - 1];
    // The haplotype's bases from the first aligned base's (less any soft clip) to the last's.
    int64_t ref = rec.pos, first = -1, last = -1, lead = 0, trail = 0;
    bool indel = false;
    for (size_t i = 0; i < rec.cigar.size(); ++i) {
      const uint32_t op = rec.cigar[i] & 0xf, n = rec.cigar[i] >> 4;
      if (op == 4)
        (i == 0 ? lead : trail) = n;
      if (op == 1 || op == 2)
        indel = true;
      if (op == 0 || op == 2) {
        for (uint32_t k = 0; k < n; ++k, ++ref) {
          const int64_t hp = h.at[static_cast<size_t>(ref)];
          if (op == 0 && hp >= 0) {
            first = first < 0 ? hp : first;
            last = hp;
          }
        }
      }
    }
    with_indels += indel;
    clipped += lead + trail > 0;
    ASSERT_GE(first, 0) << rec.name;
    const int64_t from = std::max<int64_t>(0, first - lead - 2);
    const std::string text =
        h.bases.substr(static_cast<size_t>(from), static_cast<size_t>(last + trail + 3 - from));
    const int distance = FittingDistance(rec.seq, text);
    EXPECT_LE(distance, rec.ints.at("XE")) << rec.name;
    errors += rec.ints.at("XE");
    ++checked;
  }
  EXPECT_EQ(checked, 200000);
  EXPECT_GT(with_indels, 10000);  // the profile's indel errors, the mutations and planted ones
  EXPECT_GT(errors, 200000);
  std::printf("%lld records: %lld with I or D, %lld soft-clipped, %lld sequencing errors\n",
              static_cast<long long>(checked), static_cast<long long>(with_indels),
              static_cast<long long>(clipped), static_cast<long long>(errors));

  // pysam (htslib) reads every tag with its type, and every record's fields.
  ASSERT_EQ(Shell("/usr/bin/python3 " + std::string(READFORGE_SOURCE_DIR) +
                  "/tests/python/golden_bam.py golden.bam r1.fq > pysam.txt 2>&1"),
            0)
      << Read("pysam.txt");
  EXPECT_EQ(Read("pysam.txt"), "200000 records, 100000 pairs: every tag read, every name found\n");
}

}  // namespace
}  // namespace readforge

namespace readforge {
namespace {

// One run's BAM, whatever does the work: threads, shards joined, and with or without FASTQ
// compression; the FASTQ is the same with and without --bam.
TEST_F(TruthAlignmentsTest, ThreadsAndShardsWriteTheSameBamAndIndex) {
  const std::string run = "-N 30000 -1 100 -2 100 -S 3 --block-size 100000 ref.fa ";
  ASSERT_EQ(Run(run + "plain1.fq plain2.fq").status, 0);
  ASSERT_EQ(Run(run + "--bam one.bam one1.fq one2.fq").status, 0);
  EXPECT_EQ(Read("one1.fq"), Read("plain1.fq"));
  EXPECT_EQ(Read("one2.fq"), Read("plain2.fq"));
  for (const char* threads : {"2", "5"}) {
    ASSERT_EQ(Run(run + "-t " + threads + " --bam t.bam t1.fq.gz t2.fq.gz").status, 0);
    EXPECT_EQ(Read("t.bam"), Read("one.bam")) << threads;
    EXPECT_EQ(Read("t.bam.bai"), Read("one.bam.bai")) << threads;
  }
  // Three shards' pieces (the first with the header, the last with BGZF's end), joined; a piece
  // has no index.
  ASSERT_EQ(Run(run + "--end-block 13 --bam a.bam s1.fq s2.fq").status, 0);
  ASSERT_EQ(Run(run + "--first-block 13 --end-block 31 --bam b.bam s1.fq s2.fq").status, 0);
  ASSERT_EQ(Run(run + "--first-block 31 --bam c.bam s1.fq s2.fq").status, 0);
  EXPECT_FALSE(Exists("a.bam.bai") || Exists("b.bam.bai") || Exists("c.bam.bai"));
  EXPECT_EQ(Read("a.bam") + Read("b.bam") + Read("c.bam"), Read("one.bam"));
  // To standard output (no index then), and as SAM text.
  ASSERT_EQ(Run(run + "--mutations m.txt --bam - o1.fq o2.fq > out.bam").status, 0);
  EXPECT_EQ(Read("out.bam"), Read("one.bam"));
  ASSERT_EQ(Run(run + "-t 3 --sam one.sam o1.fq o2.fq").status, 0);
  ASSERT_EQ(Shell("samtools view -h --no-PG one.bam > viewed.sam"), 0);
  EXPECT_EQ(Read("one.sam"), Read("viewed.sam"));
}

TEST_F(TruthAlignmentsTest, WhatCannotBeWrittenIsOneClearError) {
  std::string err;
  EXPECT_EQ(Run("-N 10 --bam a.bam --sam a.sam ref.fa o1.fq o2.fq", &err), 1);
  EXPECT_EQ(err, "readforge: error: --bam and --sam go one at a time\n");
  EXPECT_EQ(Run("-N 10 --bam - ref.fa - o2.fq", &err), 1);
  EXPECT_EQ(err,
            "readforge: error: more than one output is '-': standard output carries one (name "
            "files for the others)\n");
  // From a pipe without an index, the header's contigs are not known.
  EXPECT_EQ(Run("-C 1 --bam a.bam - o1.fq o2.fq < ref.fa", &err), 1);
  EXPECT_EQ(err,
            "readforge: error: --bam and --sam need the contig lengths for their header: give an "
            "index (.fai)\n");
  EXPECT_FALSE(Exists("a.bam") || Exists("o1.fq"));
  // BAM holds positions of 32 bits.
  Write("big.fa.fai", "big\t3000000000\t5\t60\t61\n");
  Write("big.fa", ">big\nACGT\n");
  EXPECT_EQ(Run("-N 10 --fai big.fa.fai --bam a.bam - o1.fq o2.fq < big.fa", &err), 1);
  EXPECT_EQ(err,
            "readforge: error: --bam and --sam hold contigs of up to 2^31 - 1 bases; big has "
            "3000000000\n");
}

// The upper bound of a variant caller: bcftools on perfect alignments of 30x E. coli finds
// nearly every SNP the run made.
TEST_F(TruthAlignmentsTest, BcftoolsCallsThePlantedSnpsFromTheGoldenBam) {
  ASSERT_EQ(Run("-C 30 -1 150 -2 150 -S 9 -r 0.001 -R 0 -e 0.005 --vcf truth.vcf --bam golden.bam "
                "ref.fa r1.fq r2.fq")
                .status,
            0);
  ASSERT_EQ(Shell("bcftools mpileup -Ou -f ref.fa golden.bam 2>/dev/null | bcftools call -mv -Oz "
                  "-o calls.vcf.gz 2>/dev/null && bcftools index calls.vcf.gz && bgzip -c "
                  "truth.vcf > truth.vcf.gz && bcftools index truth.vcf.gz && bcftools isec -n=2 "
                  "-w1 truth.vcf.gz calls.vcf.gz 2>/dev/null | grep -vc '^#' > found.txt; "
                  "grep -vc '^#' truth.vcf > planted.txt"),
            0);
  const double found = std::stod(Read("found.txt"));
  const double planted = std::stod(Read("planted.txt"));
  std::printf("bcftools recovered %.0f of %.0f SNPs (%.2f%%)\n", found, planted,
              100 * found / planted);
  EXPECT_GT(planted, 4000);
  EXPECT_GE(found / planted, 0.99);
}

}  // namespace
}  // namespace readforge
