// The native command line, run as a user runs it: exit status, stderr, files, gzip and stdin.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "sandbox.h"
#include "test_util.h"

namespace readforge {
namespace {

using testing::ParseFastq;
using testing::ReadFile;

using testing::CliResult;

class CliTest : public testing::Sandbox {
 protected:
  void SetUp() override {
    Sandbox::SetUp();
    std::string mt = std::string(READFORGE_SOURCE_DIR) + "/public/refs/MT-human.fa";
    Write("mt.fa", ReadFile(mt));
    Write("mt.fa.fai", ReadFile(mt + ".fai"));
    Write("multi.fa", testing::RandomFasta({{"c1", 20000}, {"c2", 9000}}, 4));
  }
};

TEST_F(CliTest, DemoRunWritesPairsAndTheMutationList) {
  CliResult r = Run("-S 5 -N 1000 mt.fa r1.fq r2.fq");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(ParseFastq(ReadFile(Path("r1.fq"))).size(), 1000u);
  EXPECT_EQ(ParseFastq(ReadFile(Path("r2.fq"))).size(), 1000u);
  EXPECT_NE(r.out.find("MT_human\t"), std::string::npos);  // wgsim's list on stdout
  // The summary's error rate is the errors the read names claim, over the bases written.
  int64_t errors = 0;
  for (const auto& record : ParseFastq(ReadFile(Path("r1.fq")))) {
    testing::ReadName name;
    ASSERT_TRUE(testing::ParseReadName(record.name, &name));
    errors += name.errors[0] + name.errors[1];
  }
  const int64_t hundredths = (errors * 20000 + 140000) / 280000;
  char rate[32];
  std::snprintf(rate, sizeof rate, "%lld.%02lld%%", static_cast<long long>(hundredths / 100),
                static_cast<long long>(hundredths % 100));
  EXPECT_EQ(r.err, "readforge: wrote 1000 read pairs (140000 bases, " + std::string(rate) +
                       " sequencing errors) from 1 contigs\n");
  EXPECT_NEAR(static_cast<double>(errors) / 140000, 0.02, 0.002);
}

TEST_F(CliTest, BadParametersExitOneWithOneLine) {
  for (const char* args : {"-e 2 mt.fa a.fq b.fq", "-N -1 mt.fa a.fq b.fq", "-X 1 mt.fa a.fq b.fq",
                           "-S 18446744073709551616 mt.fa a.fq b.fq", "mt.fa", "-1 0 mt.fa a b",
                           "--region chrZ mt.fa a.fq b.fq", "missing.fa a.fq b.fq", "mt.fa a.fq",
                           "-2 0 mt.fa a.fq b.fq"}) {
    CliResult r = Run(args);
    EXPECT_EQ(r.status, 1) << args;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << args << ": " << r.err;
    EXPECT_EQ(r.err.rfind("readforge: error: ", 0), 0u) << r.err;
    EXPECT_FALSE(Exists("a.fq")) << args;
  }
  EXPECT_EQ(Run("--region chrZ -S 1 mt.fa a.fq b.fq").err,
            "readforge: error: region chrZ: unknown contig 'chrZ' (known: MT_human)\n");
  EXPECT_EQ(Run("--region MT_human:100-20000 -S 1 mt.fa a.fq b.fq").err,
            "readforge: error: region MT_human:100-20000 lies past the end of MT_human (length "
            "16569)\n");
  // Two outputs into one file, or an output over the reference: refused before anything runs.
  EXPECT_EQ(Run("-S 1 mt.fa a.fq a.fq").err,
            "readforge: error: 'a.fq' is named for two outputs: name another file\n");
  EXPECT_EQ(Run("-S 1 --vcf b.fq mt.fa a.fq b.fq").err,
            "readforge: error: 'b.fq' is named for two outputs: name another file\n");
  EXPECT_EQ(Run("-S 1 mt.fa mt.fa b.fq").err,
            "readforge: error: 'mt.fa' is the reference and an output: name another file\n");
  EXPECT_FALSE(Exists("a.fq"));
  EXPECT_GT(Read("mt.fa").size(), 16569u);  // untouched
}

TEST_F(CliTest, GzipReferenceGivesTheSameBytes) {
  ASSERT_EQ(Run("-S 9 -N 500 multi.fa a1.fq a2.fq").status, 0);
  ASSERT_EQ(std::system(("gzip -k " + Path("multi.fa")).c_str()), 0);
  CliResult r = Run("-S 9 -N 500 multi.fa.gz b1.fq b2.fq");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(ReadFile(Path("a1.fq")), ReadFile(Path("b1.fq")));
  EXPECT_EQ(ReadFile(Path("a2.fq")), ReadFile(Path("b2.fq")));
}

TEST_F(CliTest, TruncatedGzipFailsAndLeavesNoOutput) {
  ASSERT_EQ(std::system(("gzip -k " + Path("multi.fa")).c_str()), 0);
  std::string gz = ReadFile(Path("multi.fa.gz"));
  Write("cut.fa.gz", gz.substr(0, gz.size() / 2));
  CliResult r = Run("-S 1 -C 1 cut.fa.gz c1.fq c2.fq");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("the gzip data is truncated"), std::string::npos) << r.err;
  EXPECT_FALSE(Exists("c1.fq"));
  EXPECT_FALSE(Exists("c2.fq"));
}

// A failed run removes only regular files: run as root with /dev/null for output, it deleted
// /dev/null. Here the outputs are links to /dev/null (a regression would remove the links).
TEST_F(CliTest, AFailedRunLeavesOutputsThatAreNotFiles) {
  Write("unsorted.vcf",
        "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
        "MT_human\t4\t.\tC\tA\t.\t.\t.\nMT_human\t3\t.\tT\tA\t.\t.\t.\n");
  ASSERT_EQ(symlink("/dev/null", Path("null1.fq").c_str()), 0);
  ASSERT_EQ(symlink("/dev/null", Path("null2.fq").c_str()), 0);
  CliResult r = Run("-S 1 -N 100 --variants unsorted.vcf --vcf truth.vcf mt.fa null1.fq null2.fq");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("records out of order"), std::string::npos) << r.err;
  for (const char* name : {"null1.fq", "null2.fq"}) {
    struct stat st;
    ASSERT_EQ(lstat(Path(name).c_str(), &st), 0) << name << " was removed";
    EXPECT_TRUE(S_ISLNK(st.st_mode)) << name;
  }
  EXPECT_FALSE(Exists("truth.vcf"));  // a regular file: removed
}

TEST_F(CliTest, StdinNeedsCoverageOrAnIndex) {
  CliResult r = Run("-S 1 -N 100 - a.fq b.fq < multi.fa");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(
      r.err,
      "readforge: error: -N needs the contig lengths: give an index (.fai), or ask for a fold "
      "coverage with -C\n");
  ASSERT_EQ(Run("-S 1 -C 2 - s1.fq s2.fq < multi.fa").status, 0);
  ASSERT_EQ(Run("-S 1 -C 2 multi.fa f1.fq f2.fq").status, 0);
  EXPECT_EQ(ReadFile(Path("s1.fq")), ReadFile(Path("f1.fq")));
  EXPECT_GT(ParseFastq(ReadFile(Path("s1.fq"))).size(), 250u);  // 2 x 29000 / 140 = 414
  ASSERT_EQ(Run("-S 1 -N 100 --fai mt.fa.fai - i1.fq i2.fq < mt.fa").status, 0);
  ASSERT_EQ(Run("-S 1 -N 100 mt.fa j1.fq j2.fq").status, 0);
  EXPECT_EQ(ReadFile(Path("i1.fq")), ReadFile(Path("j1.fq")));
}

TEST_F(CliTest, IndexScanAndFaiGiveTheSameBytes) {
  ASSERT_EQ(Run("-S 3 -N 300 multi.fa a1.fq a2.fq").status, 0);  // scans: no .fai
  ASSERT_EQ(std::system(("samtools faidx " + Path("multi.fa")).c_str()), 0);
  ASSERT_EQ(Run("-S 3 -N 300 multi.fa b1.fq b2.fq").status, 0);
  EXPECT_EQ(ReadFile(Path("a1.fq")), ReadFile(Path("b1.fq")));
  Write("wrong.fai", "c1\t20000\t4\t60\t61\nc2\t9001\t20000\t60\t61\n");
  CliResult r = Run("-S 3 -N 300 --fai wrong.fai multi.fa x1.fq x2.fq");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err,
            "readforge: error: multi.fa: the index (.fai) does not match the reference: contig "
            "'c2' has 9000 bases, the index says 9001\n");
  EXPECT_FALSE(Exists("x1.fq"));
}

TEST_F(CliTest, RandomSeedIsPrintedAndRepeatable) {
  CliResult r = Run("-N 50 mt.fa a1.fq a2.fq");
  ASSERT_EQ(r.status, 0);
  unsigned long long seed = 0;
  ASSERT_EQ(std::sscanf(r.err.c_str(), "readforge: seed %llu", &seed), 1) << r.err;
  ASSERT_EQ(Run("-N 50 -S " + std::to_string(seed) + " mt.fa b1.fq b2.fq").status, 0);
  EXPECT_EQ(ReadFile(Path("a1.fq")), ReadFile(Path("b1.fq")));
}

TEST_F(CliTest, VcfIsAcceptedByBcftools) {
  CliResult r = Run("-S 2 -N 100 -r 0.01 -R 0.4 --vcf v.vcf --mutations m.txt mt.fa a.fq b.fq");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");  // the list went to m.txt
  std::string command =
      "bcftools view " + Path("v.vcf") + " > " + Path("bcf.out") + " 2> " + Path("bcf.err");
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_EQ(ReadFile(Path("bcf.err")), "");
  std::string viewed = ReadFile(Path("bcf.out"));
  std::string listed_text = ReadFile(Path("m.txt"));
  size_t records = static_cast<size_t>(std::count(viewed.begin(), viewed.end(), '\n'));
  size_t listed = static_cast<size_t>(std::count(listed_text.begin(), listed_text.end(), '\n'));
  EXPECT_GT(listed, 100u);
  EXPECT_GT(records, listed);  // header lines plus one record per listed variant
  // bcftools norm --check-ref e: every REF allele matches the reference.
  command = "bcftools norm --check-ref e -f " + Path("mt.fa") + " " + Path("v.vcf") +
            " > /dev/null 2> " + Path("norm.err");
  EXPECT_EQ(std::system(command.c_str()), 0) << ReadFile(Path("norm.err"));
}

TEST_F(CliTest, RegionsBedInterleavedAndSingleEnd) {
  Write("r.bed", "c2\t1000\t5000\n");
  ASSERT_EQ(Run("-S 4 -N 200 --bed r.bed --interleaved multi.fa i.fq").status, 0);
  auto reads = ParseFastq(ReadFile(Path("i.fq")));
  ASSERT_EQ(reads.size(), 400u);
  EXPECT_EQ(reads[0].name.substr(0, 4), "@c2_");
  ASSERT_EQ(Run("-S 4 -N 200 -2 0 -1 120 --region c1:5001-9000 multi.fa s.fq").status, 0);
  auto single = ParseFastq(ReadFile(Path("s.fq")));
  ASSERT_EQ(single.size(), 200u);
  EXPECT_EQ(single[0].bases.size(), 120u);
}

TEST_F(CliTest, ThreadsWriteTheSameBytesAsOneThread) {
  // Many small blocks over several contigs, one too short, one N-rich: every block boundary
  // case, and warnings that must add up across threads.
  Write("mix.fa", testing::RandomFasta({{"a", 50000}, {"b", 30}, {"c", 20000}}, 8) + ">n\n" +
                      std::string(9000, 'N') + "\n");
  const std::string common = "-S 6 -N 4000 --block-size 4096 --vcf ";
  CliResult one = Run(common + "v1.vcf mix.fa a1.fq a2.fq");
  ASSERT_EQ(one.status, 0) << one.err;
  EXPECT_NE(one.err.find("warning: b (30 bases) is shorter"), std::string::npos);
  EXPECT_EQ(one.err.find("warning: n"), std::string::npos);  // all N: no pairs, nothing dropped
  EXPECT_NE(one.err.find("wrote 4000 read pairs"), std::string::npos);
  for (int threads : {2, 3, 7}) {
    std::string t = std::to_string(threads);
    CliResult many = Run(common + "v" + t + ".vcf -t " + t + " mix.fa b1.fq b2.fq");
    ASSERT_EQ(many.status, 0) << many.err;
    EXPECT_EQ(ReadFile(Path("b1.fq")), ReadFile(Path("a1.fq"))) << threads << " threads";
    EXPECT_EQ(ReadFile(Path("b2.fq")), ReadFile(Path("a2.fq"))) << threads << " threads";
    EXPECT_EQ(ReadFile(Path("v" + t + ".vcf")), ReadFile(Path("v1.vcf"))) << threads;
    EXPECT_EQ(many.out, one.out) << threads << " threads";  // the mutation list
    EXPECT_EQ(many.err, one.err) << threads << " threads";  // warnings and summary
  }
  Write("bad.fa", ">a\n" + std::string(20000, 'A') + "\n>a\nAC\n");
  CliResult bad = Run("-t 2 -S 1 -C 1 --block-size 4096 bad.fa x1.fq x2.fq");
  EXPECT_EQ(bad.status, 1);
  EXPECT_EQ(bad.err,
            "readforge: error: bad.fa: line 3: duplicate contig name 'a' (every contig "
            "needs a unique name)\n");
  EXPECT_FALSE(Exists("x1.fq"));
}

TEST_F(CliTest, ZeroPairsWritesEmptyFastqAndTheVariants) {
  CliResult r = Run("-S 2 -N 0 -r 0.01 mt.fa a.fq b.fq");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(ReadFile(Path("a.fq")), "");
  EXPECT_EQ(ReadFile(Path("b.fq")), "");
  EXPECT_GT(std::count(r.out.begin(), r.out.end(), '\n'), 100);
}

TEST_F(CliTest, HelpListsEveryWgsimFlag) {
  CliResult r = Run("--help");
  ASSERT_EQ(r.status, 0);
  for (const char* flag : {"-e,", "-d,", "-s,", "-N,", "-1,", "-2,", "-r,", "-R,", "-X,", "-S,",
                           "-A,", "-h,", "-C,", "--region", "--bed", "--vcf", "--interleaved"})
    EXPECT_NE(r.out.find(flag), std::string::npos) << flag;
}

}  // namespace
}  // namespace readforge
