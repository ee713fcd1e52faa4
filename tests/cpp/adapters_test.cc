// Adapter read-through (--adapters), checked the way users check it: fastp, detecting the
// adapters itself, trims read-through reads back to their insert and leaves the others alone;
// the golden BAM soft-clips the adapter bases (ZA counts them) and samtools calmd agrees with
// every NM and MD; without short fragments, nothing changes.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "sandbox.h"

namespace readforge {
namespace {

constexpr char kTruSeq1[] = "AGATCGGAAGAGCACACGTCTGAACTCCAGTCA";
constexpr char kTruSeq2[] = "AGATCGGAAGAGCGTCGTGTAGGGAAAGAGTGT";

class AdaptersTest : public testing::Sandbox {
 protected:
  void SetUp() override {
    ASSERT_EQ(Shell("gzip -dc " + std::string(READFORGE_SOURCE_DIR) +
                    "/public/refs/ecoli-536.fa.gz > ref.fa && samtools faidx ref.fa"),
              0);
  }

  // A FASTQ's reads by name (without /1, /2): their bases.
  std::map<std::string, std::string> Reads(const std::string& fastq) {
    std::map<std::string, std::string> reads;
    std::istringstream in(Read(fastq));
    std::string name, bases, plus, qualities;
    while (std::getline(in, name) && std::getline(in, bases) && std::getline(in, plus) &&
           std::getline(in, qualities)) {
      reads[name.substr(1, name.find_first_of(" /") - 1)] = bases;
    }
    return reads;
  }
};

// The insert of a wgsim-named pair: right - left + 1 (exact on the reference with -r 0).
int64_t InsertOf(const std::string& name) {
  static const std::regex pattern(R"(_(\d+)_(\d+)_\d+:\d+:\d+_\d+:\d+:\d+_[0-9a-f]+$)");
  std::smatch m;
  if (!std::regex_search(name, m, pattern))
    return -1;
  return std::stoll(m[2]) - std::stoll(m[1]) + 1;
}

TEST_F(AdaptersTest, FastpTrimsReadThroughBackToTheInsertAndLeavesTheRest) {
  ASSERT_EQ(Run("-q -S 2 -N 20000 -1 150 -2 150 -d 180 -s 60 -r 0 --adapters truseq ref.fa "
                "r1.fq r2.fq")
                .status,
            0);
  // fastp finds the adapters itself; -Q -L: no quality or length filtering, every read kept.
  ASSERT_EQ(Shell("fastp --detect_adapter_for_pe -Q -L -w 2 -i r1.fq -I r2.fq -o t1.fq -O t2.fq "
                  "-j fastp.json -h /dev/null 2> fastp.txt"),
            0)
      << Read("fastp.txt");
  EXPECT_NE(Read("fastp.txt").find("Illumina TruSeq Adapter Read 1"), std::string::npos);
  for (const auto& [raw, trimmed] : {std::pair{"r1.fq", "t1.fq"}, std::pair{"r2.fq", "t2.fq"}}) {
    const auto before = Reads(raw);
    const auto after = Reads(trimmed);
    ASSERT_EQ(before.size(), 20000u);
    ASSERT_EQ(after.size(), 20000u);
    int64_t through = 0, back_to_insert = 0, clean = 0, cut = 0;
    for (const auto& [name, bases] : before) {
      const int64_t insert = InsertOf(name);
      ASSERT_GT(insert, 0) << name;
      const size_t kept = after.at(name).size();
      if (insert < static_cast<int64_t>(bases.size())) {
        ++through;
        back_to_insert += static_cast<int64_t>(kept) == insert;
      } else {
        ++clean;
        cut += kept < bases.size();
      }
    }
    std::printf(
        "%s: %lld of %lld read-through reads trimmed to their insert; %lld of %lld "
        "others trimmed\n",
        raw, static_cast<long long>(back_to_insert), static_cast<long long>(through),
        static_cast<long long>(cut), static_cast<long long>(clean));
    EXPECT_GT(through, 4000);  // -d 180 -s 60: about a third of the pairs
    EXPECT_GE(back_to_insert, through * 99 / 100);
    EXPECT_LE(cut, clean / 100);
  }
}

TEST_F(AdaptersTest, ReadsRunIntoTheAdapterThenPolyGAndTheBamSoftClipsThem) {
  // No errors and no mutations: every base is the reference's, the adapter's or the filler's.
  ASSERT_EQ(Run("-q -S 3 -N 3000 -1 100 -2 80 -d 90 -s 30 -r 0 -e 0 --adapters truseq "
                "--bam golden.bam ref.fa r1.fq r2.fq")
                .status,
            0);
  const auto reads1 = Reads("r1.fq");
  const auto reads2 = Reads("r2.fq");
  int64_t through = 0;
  for (const auto& [reads, adapter] :
       {std::pair{&reads1, kTruSeq1}, std::pair{&reads2, kTruSeq2}}) {
    for (const auto& [name, bases] : *reads) {
      const int64_t extra = static_cast<int64_t>(bases.size()) - InsertOf(name);
      if (extra <= 0)
        continue;
      ++through;
      const std::string tail = bases.substr(bases.size() - static_cast<size_t>(extra));
      const std::string a(adapter);
      const std::string expected =
          extra <= static_cast<int64_t>(a.size())
              ? a.substr(0, static_cast<size_t>(extra))
              : a + std::string(static_cast<size_t>(extra) - a.size(), 'G');
      ASSERT_EQ(tail, expected) << name;
    }
  }
  EXPECT_GT(through, 1000);
  // The golden BAM: the adapter bases soft-clipped at the read's 3' end (the CIGAR's start for a
  // reverse read), counted by ZA, and NM and MD as calmd computes them.
  ASSERT_EQ(Shell("samtools calmd golden.bam ref.fa > /dev/null 2> calmd.txt"), 0);
  EXPECT_EQ(Read("calmd.txt"), "");
  ASSERT_EQ(Shell("samtools view golden.bam > golden.sam"), 0);
  std::istringstream sam(Read("golden.sam"));
  std::string line;
  const std::regex clip_end(R"(^(\d+)M(\d+)S$)"), clip_start(R"(^(\d+)S(\d+)M$)");
  int64_t records = 0, clipped = 0;
  while (std::getline(sam, line)) {
    const std::vector<std::string> f = testing::TabFields(line);
    ++records;
    const int flag = std::stoi(f[1]);
    const std::string za = line.substr(line.find("ZA:i:") + 5);
    const int64_t adapter_bases = std::stoll(za);
    ASSERT_EQ(adapter_bases,
              std::max<int64_t>(0, static_cast<int64_t>(f[9].size()) - InsertOf(f[0])))
        << line;
    if (adapter_bases == 0) {
      EXPECT_EQ(f[5], std::to_string(f[9].size()) + "M") << line;
      continue;
    }
    ++clipped;
    std::smatch m;
    const bool reverse = flag & 0x10;
    ASSERT_TRUE(std::regex_match(f[5], m, reverse ? clip_start : clip_end)) << line;
    EXPECT_EQ(std::stoll(m[reverse ? 1 : 2]), adapter_bases) << line;
    // Mates that both read through cover the insert: the same POS. TLEN is the insert.
    if (InsertOf(f[0]) < 80)
      EXPECT_EQ(f[3], f[7]) << line;
    EXPECT_EQ(std::llabs(std::stoll(f[8])), InsertOf(f[0])) << line;
  }
  EXPECT_EQ(records, 6000);
  EXPECT_GT(clipped, 1000);
}

TEST_F(AdaptersTest, ProfileIndelsAndVariantsStillAlignAsCalmdSays) {
  const std::string profile =
      std::string(READFORGE_SOURCE_DIR) + "/public/profiles/illumina-like-2x150.profile";
  ASSERT_EQ(Run("-q -S 4 -N 5000 -1 150 -2 150 -d 140 -s 50 -r 0.01 --profile " + profile +
                " --adapters nextera --bam golden.bam ref.fa r1.fq r2.fq")
                .status,
            0);
  ASSERT_EQ(Shell("samtools calmd golden.bam ref.fa > /dev/null 2> calmd.txt"), 0);
  EXPECT_EQ(Read("calmd.txt"), "");
  ASSERT_EQ(Shell("samtools view -c -e '[ZA] > 0' golden.bam > through.txt"), 0);
  EXPECT_GT(std::stoll(Read("through.txt")), 3000);
}

TEST_F(AdaptersTest, WithoutShortFragmentsNothingChanges) {
  // -d 500 -s 50 never draws a fragment below 70: the reads are those of a run without it.
  ASSERT_EQ(Run("-q -S 5 -N 5000 ref.fa a1.fq a2.fq").status, 0);
  ASSERT_EQ(Run("-q -S 5 -N 5000 --adapters truseq ref.fa b1.fq b2.fq").status, 0);
  EXPECT_TRUE(Read("a1.fq") == Read("b1.fq"));
  EXPECT_TRUE(Read("a2.fq") == Read("b2.fq"));
}

TEST_F(AdaptersTest, BadAdaptersAreOneClearError) {
  const std::pair<std::string, std::string> cases[] = {
      {"--adapters illumina",
       "--adapters: 'illumina' is not truseq, nextera or a sequence of A, C, G and T"},
      {"--adapters ACGT,ACGN",
       "--adapters: 'ACGN' is not truseq, nextera or a sequence of A, C, G and T"},
      {"--adapters ACGT,", "--adapters: an adapter must be 1 to 1000 bases, got 0"},
  };
  for (const auto& [args, message] : cases)
    ExpectOneError("-N 10 " + args + " ref.fa a b", message);
}

}  // namespace
}  // namespace readforge
