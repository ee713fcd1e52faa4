// --variants from the command line, as a user runs it: plain or bgzip VCFs give the same
// bytes, threads and block ranges agree, and a bad VCF is one error line naming the file and
// line, with no output left behind.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "sandbox.h"
#include "test_util.h"

namespace readforge {
namespace {

using testing::ReadFile;

class VariantsCliTest : public testing::Sandbox {
 protected:
  void SetUp() override {
    Sandbox::SetUp();
    const std::string fasta = testing::RandomFasta({{"c1", 40000}, {"c2", 20000}}, 31, 60);
    Write("ref.fa", fasta);
    // Records every 97 bases, a SNP, an insertion or a deletion, phased and not.
    std::string bases;
    for (size_t i = fasta.find('\n') + 1; fasta[i] != '>'; ++i)
      if (fasta[i] != '\n')
        bases += fasta[i];
    std::string vcf =
        "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\n";
    for (int64_t pos = 30, k = 0; pos < 39000; pos += 97, ++k) {
      const std::string ref = bases.substr(static_cast<size_t>(pos), k % 3 == 2 ? 8 : 1);
      const std::string alt = k % 3 == 0   ? std::string(1, ref[0] == 'A' ? 'C' : 'A')
                              : k % 3 == 1 ? ref + "TTAG"
                                           : ref.substr(0, 1);
      vcf += "c1\t" + std::to_string(pos + 1) + "\t.\t" + ref + "\t" + alt + "\t.\tPASS\t.\tGT\t" +
             (k % 2 ? "0/1" : "1|0") + "\t1|1\n";
    }
    Write("calls.vcf", vcf);
    Shell("bgzip -k calls.vcf");
  }
};

TEST_F(VariantsCliTest, PlainBgzipThreadsAndShardsWriteTheSameBytes) {
  const std::string run = "-S 3 -N 4000 --block-size 4096 --vcf ";
  std::string err;
  ASSERT_EQ(Run(run + "a.vcf --variants calls.vcf ref.fa a1.fq a2.fq", &err), 0) << err;
  EXPECT_NE(err.find("wrote 4000 read pairs"), std::string::npos) << err;
  ASSERT_EQ(Run(run + "b.vcf --variants calls.vcf.gz ref.fa b1.fq b2.fq").status, 0);
  EXPECT_EQ(ReadFile(Path("b1.fq")), ReadFile(Path("a1.fq")));
  EXPECT_EQ(ReadFile(Path("b.vcf")), ReadFile(Path("a.vcf")));
  ASSERT_EQ(Run(run + "c.vcf -t 3 --variants calls.vcf.gz ref.fa c1.fq c2.fq").status, 0);
  EXPECT_EQ(ReadFile(Path("c2.fq")), ReadFile(Path("a2.fq")));
  EXPECT_EQ(ReadFile(Path("c.vcf")), ReadFile(Path("a.vcf")));
  ASSERT_EQ(Run(run + "d.vcf --end-block 5 --variants calls.vcf ref.fa d1.fq d2.fq").status, 0);
  ASSERT_EQ(Run(run + "e.vcf --first-block 5 --variants calls.vcf ref.fa e1.fq e2.fq").status, 0);
  EXPECT_EQ(ReadFile(Path("d1.fq")) + ReadFile(Path("e1.fq")), ReadFile(Path("a1.fq")));
  // From files the variants are drawn on a thread of their own; from a pipe the simulator draws
  // them itself: the same reads, truth VCF and mutation list, on one thread and on three.
  ASSERT_EQ(Run(run + "g.vcf --mutations g.mut --variants calls.vcf.gz ref.fa g1.fq g2.fq").status,
            0);
  ASSERT_EQ(Shell("cat calls.vcf | " + std::string(READFORGE_CLI) + " -q " + run +
                  "p.vcf --mutations p.mut --variants - ref.fa p1.fq p2.fq"),
            0);
  EXPECT_EQ(ReadFile(Path("g1.fq")), ReadFile(Path("a1.fq")));
  EXPECT_EQ(ReadFile(Path("p1.fq")), ReadFile(Path("a1.fq")));
  EXPECT_EQ(ReadFile(Path("p.vcf")), ReadFile(Path("a.vcf")));
  EXPECT_GT(ReadFile(Path("g.mut")).size(), 1000u);
  EXPECT_EQ(ReadFile(Path("p.mut")), ReadFile(Path("g.mut")));
  ASSERT_EQ(
      Run(run + "h.vcf -t 3 --mutations h.mut --variants calls.vcf ref.fa h1.fq h2.fq").status, 0);
  EXPECT_EQ(ReadFile(Path("h.mut")), ReadFile(Path("g.mut")));
  // The second sample: every record homozygous; bcftools reads the truth.
  ASSERT_EQ(Run(run + "s2.vcf --sample S2 --variants calls.vcf ref.fa f1.fq f2.fq").status, 0);
  ASSERT_EQ(Shell("bcftools query -i 'INFO/PLANTED=1' -f '[%GT]\\n' s2.vcf | sort | uniq -c > "
                  "gts.txt"),
            0);
  EXPECT_NE(ReadFile(Path("gts.txt")).find(" 1|1\n"), std::string::npos);
  EXPECT_EQ(ReadFile(Path("gts.txt")).find("0|1"), std::string::npos);
}

TEST_F(VariantsCliTest, BadVcfsAreOneClearErrorAndNothingIsWritten) {
  Shell("head -c $(( $(stat -c %s calls.vcf.gz) / 2 )) calls.vcf.gz > truncated.vcf.gz");
  // Records 1 and 2 swapped: each REF matches, only the order is wrong.
  Shell("sed '3{h;d};4G' calls.vcf > unsorted.vcf");
  struct Case {
    std::string args, error;
  };
  const Case cases[] = {
      {"--variants truncated.vcf.gz",
       "truncated.vcf.gz: the gzip data is truncated (unexpected end of file)"},
      {"--variants unsorted.vcf",
       "unsorted.vcf: line 4: records out of order: c1:31 after line 3 (the VCF must follow the "
       "reference's order: sort it with bcftools sort)"},
      {"--variants calls.vcf --sample NA12878",
       "calls.vcf: line 2: sample 'NA12878' is not in the VCF (its samples: S1, S2)"},
      {"--variants missing.vcf", "cannot open missing.vcf: No such file or directory"},
      {"--sample S1", "--sample, --het-fraction and --skip-mismatches go with --variants"},
  };
  // On one thread and on two (whose workers take the records of one parsing thread).
  for (const char* threads : {"-t 1 ", "-t 2 "}) {
    for (const Case& c : cases) {
      std::string err;
      EXPECT_EQ(Run(threads + ("-S 1 -N 1000 " + c.args) + " ref.fa o1.fq o2.fq", &err), 1)
          << threads << c.args;
      EXPECT_EQ(err, "readforge: error: " + c.error + "\n") << threads;
      EXPECT_FALSE(Exists("o1.fq") || Exists("o2.fq")) << threads << c.args;
    }
  }
  // Through a pipe (named "-") the simulator parses the text itself: the same error.
  std::string err;
  EXPECT_EQ(Run("-S 1 -N 1000 --variants - ref.fa o1.fq o2.fq < unsorted.vcf", &err), 1);
  EXPECT_EQ(err,
            "readforge: error: -: line 4: records out of order: c1:31 after "
            "line 3 (the VCF must follow the reference's order: sort it with bcftools sort)\n");
}

}  // namespace
}  // namespace readforge
