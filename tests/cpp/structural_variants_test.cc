// Symbolic structural variants planted from a VCF (<DEL>, <DUP>, <INV>, <INS> with SVINSSEQ):
// with no errors and no random mutations, every read is a substring of its haplotype, built
// here independently of the engine, for homozygous and heterozygous records; the truth VCF
// gives them as given with SVTYPE and END; records the engine cannot plant are one clear error.
// The golden BAM splits reads across a breakpoint into primary and supplementary records with
// SA tags, which delly reads as split reads.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "sandbox.h"

namespace readforge {
namespace {

class StructuralVariantsTest : public testing::Sandbox {
 protected:
  void SetUp() override {
    Write("ref.fa", testing::RandomFasta({{"chr1", 80000}}, 51));
    chr1_ = testing::SequenceOf(Read("ref.fa"), "chr1");
  }

  std::string Record(int64_t pos1,
                     const std::string& alt,
                     const std::string& info,
                     const std::string& gt) const {
    return "chr1\t" + std::to_string(pos1) + "\t.\t" + chr1_.substr(pos1 - 1, 1) + "\t" + alt +
           "\t.\tPASS\t" + info + "\tGT\t" + gt + "\n";
  }

  std::string chr1_;
};

TEST_F(StructuralVariantsTest, EveryReadIsASubstringOfItsHaplotype) {
  const std::string inserted = "GATTACAGATTACACCGGTTAA";
  std::string vcf =
      "##fileformat=VCFv4.3\n##contig=<ID=chr1,length=80000>\n"
      "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n";
  // 0-based: a deletion of [10000, 12000), a tandem duplication of [20000, 21500), an inversion
  // of [30000, 33000), an insertion after 40000, each on the haplotypes its genotype says.
  vcf += Record(10000, "<DEL>", "SVTYPE=DEL;END=12000", "1|1");
  vcf += Record(20000, "<DUP>", "SVTYPE=DUP;SVLEN=1500", "0|1");
  vcf += Record(30000, "<INV>", "SVTYPE=INV;END=33000", "1|0");
  vcf += Record(40000, "<INS>", "SVTYPE=INS;SVINSSEQ=" + inserted, "1|1");
  Write("sv.vcf", vcf);
  const std::string& r = chr1_;
  const std::string inverted = testing::ReverseComplement(r.substr(30000, 3000));
  const std::string first = r.substr(0, 10000) + r.substr(12000, 18000) + inverted +
                            r.substr(33000, 7000) + inserted + r.substr(40000);
  const std::string second = r.substr(0, 10000) + r.substr(12000, 9500) + r.substr(20000, 1500) +
                             r.substr(21500, 18500) + inserted + r.substr(40000);
  ASSERT_EQ(Run("-S 3 -N 20000 -r 0 -e 0 -1 100 -2 100 -d 400 -s 40 --variants sv.vcf --vcf "
                "truth.vcf ref.fa r1.fq r2.fq --mutations /dev/null",
                nullptr),
            0);
  int64_t outside = 0, reads = 0;
  for (const std::string& fq : {std::string("r1.fq"), std::string("r2.fq")}) {
    for (const testing::FastqRecord& rec : testing::ParseFastq(Read(fq))) {
      const std::string back = testing::ReverseComplement(rec.bases);
      ++reads;
      if (first.find(rec.bases) == std::string::npos &&
          second.find(rec.bases) == std::string::npos && first.find(back) == std::string::npos &&
          second.find(back) == std::string::npos)
        ++outside;
    }
  }
  EXPECT_EQ(reads, 40000);
  EXPECT_EQ(outside, 0);
  const std::string truth = Read("truth.vcf");
  EXPECT_NE(truth.find("\t<DEL>\t.\tPASS\tPLANTED;SVTYPE=DEL;END=12000\tGT\t1|1\n"),
            std::string::npos)
      << truth;
  EXPECT_NE(truth.find("\t<DUP>\t.\tPASS\tPLANTED;SVTYPE=DUP;END=21500\tGT\t0|1\n"),
            std::string::npos);
  EXPECT_NE(truth.find("\t<INS>\t.\tPASS\tPLANTED;SVTYPE=INS;SVLEN=22\tGT\t1|1\n"),
            std::string::npos);
  // The same run on three threads (the VCF drawn on a thread of its own): the same bytes.
  ASSERT_EQ(Run("-S 3 -N 20000 -r 0 -e 0 -1 100 -2 100 -d 400 -s 40 --variants sv.vcf -t 3 "
                "ref.fa t1.fq t2.fq --mutations /dev/null",
                nullptr),
            0);
  EXPECT_TRUE(Read("t1.fq") == Read("r1.fq"));
}

TEST_F(StructuralVariantsTest, DellyFindsThePlantedDeletionsDuplicationsAndInversions) {
  // As users benchmark an SV caller: 30x of 2 x 100 from a 1 Mb genome with 24 homozygous SVs of
  // 1 to 5 kb, bwa mem, delly call; each SV counts as found when delly calls its type within 50
  // bp of both ends. (A deletion is found from pairs that span it: a fragment's length is drawn
  // on its haplotype, so those pairs lie further apart on the reference.)
  Write("big.fa", testing::RandomFasta({{"chr1", 1000000}}, 52));
  const std::string fasta = Read("big.fa");
  const std::string chr1 = testing::SequenceOf(fasta, "chr1");
  struct Sv {
    std::string type;
    int64_t pos, end;  // VCF's POS (the base before) and END
  };
  std::vector<Sv> planted;
  std::string vcf =
      "##fileformat=VCFv4.3\n##contig=<ID=chr1,length=1000000>\n"
      "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n";
  const char* types[] = {"DEL", "DUP", "INV"};
  for (int i = 0; i < 24; ++i) {
    const int64_t pos = 20000 + 40000 * i;
    const int64_t end = pos + 1000 + (i * 733) % 4000;
    planted.push_back({types[i % 3], pos, end});
    vcf += "chr1\t" + std::to_string(pos) + "\t.\t" + chr1.substr(pos - 1, 1) + "\t<" +
           types[i % 3] + ">\t.\tPASS\tSVTYPE=" + types[i % 3] + ";END=" + std::to_string(end) +
           "\tGT\t1|1\n";
  }
  Write("sv.vcf", vcf);
  ASSERT_EQ(Run("-S 5 -N 150000 -r 0 -1 100 -2 100 -d 350 -s 35 --variants sv.vcf big.fa r1.fq "
                "r2.fq --mutations /dev/null",
                nullptr),
            0);
  ASSERT_EQ(Shell("samtools faidx big.fa && bwa index big.fa 2> /dev/null && bwa mem -t 2 big.fa "
                  "r1.fq r2.fq 2> /dev/null | samtools sort -o a.bam - 2> /dev/null && "
                  "samtools index a.bam && delly call -g big.fa -o calls.bcf a.bam > /dev/null "
                  "2>&1 && bcftools query -f '%INFO/SVTYPE\\t%POS\\t%INFO/END\\n' calls.bcf "
                  "> calls.tsv"),
            0);
  std::vector<Sv> called;
  std::istringstream in(Read("calls.tsv"));
  for (Sv c; in >> c.type >> c.pos >> c.end;)
    called.push_back(c);
  int found[3] = {0, 0, 0};
  for (size_t i = 0; i < planted.size(); ++i) {
    const Sv& p = planted[i];
    bool hit = false;
    for (const Sv& c : called)
      hit |= c.type == p.type && std::abs(c.pos - p.pos) <= 50 && std::abs(c.end - p.end) <= 50;
    found[i % 3] += hit;
    EXPECT_TRUE(hit) << p.type << " " << p.pos << "-" << p.end << " not called";
  }
  // At least 90% of each kind: 8 of 8 (one miss would be 88%).
  EXPECT_EQ(found[0], 8) << "deletions found";
  EXPECT_EQ(found[1], 8) << "duplications found";
  EXPECT_EQ(found[2], 8) << "inversions found";
}

TEST_F(StructuralVariantsTest, TheGoldenBamSplitsReadsAcrossBreakpointsAsAlignersDo) {
  // Six homozygous deletions, tandem duplications and inversions of 1 to 3 kb, and six
  // heterozygous insertions of 300 bases: reads across them are a primary record and
  // supplementary ones with SA tags (an inversion's part on the other strand), as bwa mem reports
  // them, and delly calls each SV precisely from the golden BAM alone: a deletion or
  // duplication once, an inversion as its two junctions (3to3 and 5to5).
  Write("g.fa", testing::RandomFasta({{"chr1", 300000}}, 54));
  const std::string chr1 = testing::SequenceOf(Read("g.fa"), "chr1");
  std::string vcf =
      "##fileformat=VCFv4.3\n##contig=<ID=chr1,length=300000>\n"
      "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n";
  struct Planted {
    std::string type;
    int64_t pos, end;
  };
  std::vector<Planted> planted;
  for (int i = 0; i < 6; ++i) {
    for (const char* type : {"DEL", "DUP", "INV"}) {
      const int64_t pos = 20000 + 45000 * i + (type[1] == 'U' ? 10000 : type[0] == 'I' ? 20000 : 0);
      const int64_t end = pos + 1000 + 400 * i;
      planted.push_back({type, pos, end});
      vcf += "chr1\t" + std::to_string(pos) + "\t.\t" + chr1.substr(pos - 1, 1) + "\t<" + type +
             ">\t.\tPASS\tSVTYPE=" + type + ";END=" + std::to_string(end) + "\tGT\t1|1\n";
    }
    const int64_t at = 50000 + 45000 * i;
    vcf += "chr1\t" + std::to_string(at) + "\t.\t" + chr1.substr(at - 1, 1) +
           "\t<INS>\t.\tPASS\tSVINSSEQ=" + chr1.substr(at + 5000, 300) + "\tGT\t0|1\n";
  }
  Write("g.vcf", vcf);
  ASSERT_EQ(Run("-S 5 -N 45000 -r 0 -1 100 -2 100 -d 350 -s 35 --variants g.vcf --bam golden.bam "
                "g.fa g1.fq g2.fq --mutations /dev/null",
                nullptr),
            0);
  // samtools finds nothing to mend: NM and MD of every part, the order, the records.
  ASSERT_EQ(Shell("samtools quickcheck golden.bam && samtools faidx g.fa && samtools calmd "
                  "golden.bam g.fa > /dev/null 2> calmd.txt && samtools view golden.bam > b.sam "
                  "&& samtools sort golden.bam | samtools view > a.sam"),
            0);
  EXPECT_EQ(Read("calmd.txt"), "");
  EXPECT_TRUE(Read("a.sam") == Read("b.sam"));
  // Each SA entry is a record of the same read, and no read keeps a D or I of 50 or more.
  std::map<std::string, std::string> parts;  // "name/mate" -> "pos,strand,CIGAR,60,NM;" entries
  std::vector<std::pair<std::string, std::string>> tags;  // (read, SA tag)
  int64_t supplementary = 0, long_gaps = 0;
  std::istringstream sam(Read("b.sam"));
  for (std::string line; std::getline(sam, line);) {
    const std::vector<std::string> f = testing::TabFields(line);
    const int flag = std::stoi(f[1]);
    const std::string read = f[0] + ((flag & 0x80) ? "/2" : "/1");
    std::string nm, sa;
    for (size_t i = 11; i < f.size(); ++i) {
      if (f[i].rfind("NM:i:", 0) == 0)
        nm = f[i].substr(5);
      if (f[i].rfind("SA:Z:", 0) == 0)
        sa = f[i].substr(5);
    }
    parts[read] +=
        f[2] + "," + f[3] + "," + ((flag & 0x10) ? "-" : "+") + "," + f[5] + ",60," + nm + ";";
    if (!sa.empty())
      tags.emplace_back(read, f[2] + "," + f[3] + "," + ((flag & 0x10) ? "-" : "+") + "," + f[5] +
                                  ",60," + nm + ";" + sa);
    supplementary += (flag & 0x800) != 0;
    for (size_t at = 0, digits = 0; f[5] != "*" && at < f[5].size(); ++at) {
      if (std::isdigit(static_cast<unsigned char>(f[5][at])))
        continue;
      const int64_t length = std::stoll(f[5].substr(digits, at - digits));
      long_gaps += (f[5][at] == 'D' || f[5][at] == 'I') && length >= 50;
      digits = at + 1;
    }
  }
  EXPECT_GT(supplementary, 320);  // about 18 reads of 30x hold 20 bases each side of a junction
  EXPECT_EQ(long_gaps, 0);
  for (const auto& [read, entries] : tags) {
    // The record's own entry and its SA's, as a set, are every record of the read.
    auto sorted_items = [](const std::string& list) {
      std::vector<std::string> items;
      std::istringstream in(list);
      for (std::string item; std::getline(in, item, ';');)
        items.push_back(item);
      std::sort(items.begin(), items.end());
      return items;
    };
    const std::vector<std::string> named = sorted_items(entries), held = sorted_items(parts[read]);
    EXPECT_EQ(named, held) << read;
  }
  // Blocks that end inside the SVs: threads and joined shards write the same BAM.
  const std::string blocks =
      "-S 5 -N 45000 -r 0 -1 100 -2 100 -d 350 -s 35 --variants g.vcf --block-size 20500 g.fa ";
  ASSERT_EQ(Run(blocks + "--bam one.bam o1.fq o2.fq", nullptr), 0);
  ASSERT_EQ(Run(blocks + "-t 3 --bam t.bam o1.fq o2.fq", nullptr), 0);
  ASSERT_EQ(Run(blocks + "--end-block 5 --bam x.bam o1.fq o2.fq", nullptr), 0);
  ASSERT_EQ(Run(blocks + "--first-block 5 --end-block 9 --bam y.bam o1.fq o2.fq", nullptr), 0);
  ASSERT_EQ(Run(blocks + "--first-block 9 --bam z.bam o1.fq o2.fq", nullptr), 0);
  EXPECT_TRUE(Read("t.bam") == Read("one.bam"));
  EXPECT_TRUE(Read("x.bam") + Read("y.bam") + Read("z.bam") == Read("one.bam"));
  // delly, from the golden BAM alone: each deletion and duplication once, precise, within 5 bp.
  ASSERT_EQ(Shell("samtools index golden.bam && delly call -g g.fa -o d.bcf golden.bam > /dev/null "
                  "2>&1 && bcftools query -f '%INFO/SVTYPE\\t%POS\\t%INFO/END\\t%INFO/PRECISE\\n' "
                  "d.bcf > d.tsv"),
            0);
  std::istringstream calls(Read("d.tsv"));
  std::vector<Planted> called;
  Planted c;
  int precise = 0;
  while (calls >> c.type >> c.pos >> c.end >> precise) {
    EXPECT_EQ(precise, 1) << c.type << " " << c.pos;
    called.push_back(c);
  }
  EXPECT_EQ(called.size(), 4 * planted.size() / 3) << Read("d.tsv");
  for (const Planted& p : planted) {
    int64_t hits = 0;
    for (const Planted& c : called)
      hits += c.type == p.type && std::abs(c.pos - p.pos) <= 5 && std::abs(c.end - p.end) <= 5;
    EXPECT_EQ(hits, p.type == "INV" ? 2 : 1) << p.type << " " << p.pos << "-" << p.end;
  }
}

TEST_F(StructuralVariantsTest, DepthAfterBwaFollowsDeletionsAndCopies) {
  // As users check it: bwa mem, then samtools depth over each stretch's interior. A het
  // deletion gives half the baseline's depth, a hom deletion none, 4 copies on one haplotype of
  // a diploid (4|1) two and a half times, a hom tandem duplication twice, a het one 1.5 times.
  Write("depth.fa", testing::RandomFasta({{"chr1", 300000}}, 53));
  const std::string chr1 = testing::SequenceOf(Read("depth.fa"), "chr1");
  auto sv = [&](const std::string& type, int64_t pos1, int64_t end, const std::string& gt) {
    return "chr1\t" + std::to_string(pos1) + "\t.\t" + chr1.substr(pos1 - 1, 1) + "\t<" + type +
           ">\t.\tPASS\tSVTYPE=" + type + ";END=" + std::to_string(end) + "\tGT\t" + gt + "\n";
  };
  Write("del.vcf",
        "##fileformat=VCFv4.3\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n" +
            sv("DEL", 50000, 60000, "0|1") + sv("DEL", 100000, 110000, "1|1") +
            sv("DUP", 235000, 244000, "1|1") + sv("DUP", 248000, 257000, "0|1"));
  Write("cn.bed", "chr1\t200000\t230000\t5\t4|1\n");
  ASSERT_EQ(Run("-S 8 -N 90000 -r 0 -1 100 -2 100 -d 300 -s 30 --variants del.vcf --copy-number "
                "cn.bed depth.fa r1.fq r2.fq --mutations /dev/null",
                nullptr),
            0);
  ASSERT_EQ(Shell("bwa index depth.fa 2> /dev/null && bwa mem -t 2 depth.fa r1.fq r2.fq 2> "
                  "/dev/null | samtools sort -o a.bam - 2> /dev/null && samtools index a.bam"),
            0);
  const double base = MeanDepth("a.bam", "chr1:141001-189000");
  EXPECT_NEAR(base, 50, 6);  // 90,000 pairs of 200 bases over 300 kb (as weighted): about 52x
  EXPECT_NEAR(MeanDepth("a.bam", "chr1:51001-59000") / base, 0.5, 0.05 * 0.5);
  EXPECT_EQ(MeanDepth("a.bam", "chr1:101001-109000"), 0);
  EXPECT_NEAR(MeanDepth("a.bam", "chr1:201001-229000") / base, 2.5, 0.05 * 2.5);
  EXPECT_NEAR(MeanDepth("a.bam", "chr1:235501-243500") / base, 2.0, 0.05 * 2.0);
  EXPECT_NEAR(MeanDepth("a.bam", "chr1:248501-256500") / base, 1.5, 0.05 * 1.5);
}

TEST_F(StructuralVariantsTest, WhatCannotBePlantedIsOneClearError) {
  const std::string head =
      "##fileformat=VCFv4.3\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n";
  const std::string run = "-S 1 -N 100 --variants sv.vcf ref.fa r1.fq r2.fq";
  Write("sv.vcf", head + Record(79000, "<DEL>", "END=80500", "1|1"));
  ExpectOneError(run, "sv.vcf: line 3: <DEL> ends at 80500, past the end of chr1 (length 80000)");
  Write("sv.vcf", head + Record(1000, "<INV>", "END=12001", "1|1"));
  ExpectOneError(run,
                 "sv.vcf: line 3: ALT '<INV>' of 11001 bases: structural variants are "
                 "planted up to 10000 bases");
  Write("sv.vcf", head + Record(1000, "<DUP>", "END=900", "1|1"));
  ExpectOneError(run, "sv.vcf: line 3: ALT '<DUP>': END (900) must be after POS");
  Write("sv.vcf", head + Record(1000, "<DEL>,T", "END=1500", "1|2"));
  ExpectOneError(run, "sv.vcf: line 3: ALT '<DEL>,T': a symbolic allele is planted alone");
  EXPECT_FALSE(Exists("r1.fq"));
}

}  // namespace
}  // namespace readforge
