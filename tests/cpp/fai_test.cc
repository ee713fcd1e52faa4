// .fai parsing and htslib's byte-range arithmetic, checked against samtools faidx itself.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>

#include "engine/simulator.h"
#include "formats/fai.h"
#include "sandbox.h"
#include "test_util.h"

namespace readforge {
namespace {

std::string Run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0)
    out.append(buffer, n);
  pclose(pipe);
  return out;
}

// The bases samtools prints for a region (header and line ends removed).
std::string SamtoolsBases(const std::string& fasta, const std::string& region) {
  std::string out = Run("samtools faidx '" + fasta + "' '" + region + "' 2>/dev/null");
  std::string bases;
  size_t newline = out.find('\n');
  for (size_t i = newline + 1; i < out.size(); ++i) {
    if (out[i] != '\n' && out[i] != '\r')
      bases += out[i];
  }
  return bases;
}

class RegionBytesTest : public ::testing::TestWithParam<const char*> {};

TEST_P(RegionBytesTest, AgreeWithSamtoolsFaidx) {
  const std::string eol = GetParam();
  testing::TempDir temp;
  const std::string dir = temp.path();
  const std::string path = dir + "/ref.fa";
  std::string text =
      testing::RandomFasta({{"c1", 1000}, {"c2", 61}, {"c3", 7}, {"c4", 2500}}, 3, 60);
  std::string converted;
  for (char c : text) {
    if (c == '\n')
      converted += eol;
    else
      converted += c;
  }
  std::ofstream(path, std::ios::binary) << converted;
  ASSERT_EQ(std::system(("samtools faidx " + path).c_str()), 0);
  FaiIndex fai;
  ASSERT_TRUE(ParseFai(testing::ReadFile(path + ".fai"), &fai).ok());
  ASSERT_EQ(fai.contigs.size(), 4u);
  EXPECT_EQ(fai.layouts[0].line_width, 60 + static_cast<int64_t>(eol.size()));

  std::mt19937 rng(9);
  int checked = 0;
  for (size_t i = 0; i < fai.contigs.size(); ++i) {
    const int64_t length = fai.contigs.length(i);
    const std::string name(fai.contigs.name(i));
    std::vector<std::pair<int64_t, int64_t>> regions = {
        {0, length}, {0, 1}, {length - 1, length}};  // whole, first base, last base
    for (int64_t p = 60; p < length; p += 60) {      // line boundaries
      regions.push_back({p - 1, p});
      regions.push_back({p, p + 1});
      regions.push_back({p - 1, std::min(p + 1, length)});
      regions.push_back({p, length});
      regions.push_back({0, p});
    }
    for (int k = 0; k < 40; ++k) {
      int64_t a = rng() % length;
      int64_t b = a + 1 + rng() % (length - a);
      regions.push_back({a, b});
    }
    for (auto [first, last] : regions) {
      ByteRange range = RegionBytes(fai.layouts[i], first, last);
      std::string bytes = converted.substr(static_cast<size_t>(range.begin),
                                           static_cast<size_t>(range.end - range.begin));
      std::string bases;
      for (char c : bytes) {
        if (c != '\n' && c != '\r')
          bases += c;
      }
      std::string region = name + ":" + std::to_string(first + 1) + "-" + std::to_string(last);
      ASSERT_EQ(bases, SamtoolsBases(path, region)) << region;
      ASSERT_NE(bytes.back(), '\n') << region << ": the range ends on its last base";
      ++checked;
    }
  }
  EXPECT_GT(checked, 300);
}

INSTANTIATE_TEST_SUITE_P(LineEnds, RegionBytesTest, ::testing::Values("\n", "\r\n"));

TEST(Fai, RejectsWhatIsNotAnIndex) {
  FaiIndex entries;
  EXPECT_EQ(
      ParseFai(">chr1\nACGT\n", &entries).message(),
      ".fai line 1: expected NAME LENGTH OFFSET LINEBASES LINEWIDTH, tab-separated (is this a "
      "samtools faidx index?)");
  EXPECT_EQ(ParseFai("a\t10\t3\t60\t59\n", &entries).message(),
            ".fai line 1: inconsistent numbers for 'a'");
  EXPECT_EQ(ParseFai("a\t10\t3\t60\t61\na\t5\t20\t60\t61\n", &entries).message(),
            ".fai line 2: duplicate contig name 'a'");
  EXPECT_EQ(ParseFai("", &entries).message(), "the .fai index is empty");
}

}  // namespace
}  // namespace readforge

namespace readforge {
namespace {

// Feeds only the spans' byte ranges, as a remote host does.
testing::RunResult SimulateSparse(const Options& options,
                                  const std::string& fasta,
                                  const FaiIndex& fai,
                                  size_t chunk) {
  testing::RunResult result;
  Simulator sim(options, fai.contigs);
  EXPECT_TRUE(sim.Start().ok());
  auto drain = [&] {
    while (true) {
      Simulator::State state = sim.Run();
      testing::Collect(sim, &result);
      if (state == Simulator::State::kError)
        result.error = sim.error();
      if (state != Simulator::State::kOutputReady)
        return state;
    }
  };
  for (const Plan::Placed& placed : sim.spans()) {
    ByteRange range = RegionBytes(fai.layouts[placed.ordinal], placed.span.begin, placed.span.end);
    EXPECT_TRUE(sim.BeginContigAt(placed.contig, placed.span.begin).ok());
    for (int64_t at = range.begin; at < range.end; at += static_cast<int64_t>(chunk)) {
      size_t n = static_cast<size_t>(std::min<int64_t>(chunk, range.end - at));
      fasta.copy(sim.InputBuffer(n), n, static_cast<size_t>(at));
      sim.CommitInput(n);
      if (drain() == Simulator::State::kError)
        return result;
    }
  }
  sim.Finish();
  if (drain() == Simulator::State::kDone)
    result.ok = true;
  result.pairs = sim.stats().pairs;
  return result;
}

TEST(SparseInput, RegionBytesAloneGiveTheBytesOfAFullRun) {
  testing::TempDir temp;
  const std::string dir = temp.path();
  const std::string fasta =
      testing::RandomFasta({{"c1", 30000}, {"c2", 5000}, {"c3", 12000}}, 5, 70);
  std::ofstream(dir + "/ref.fa", std::ios::binary) << fasta;
  ASSERT_EQ(std::system(("samtools faidx " + dir + "/ref.fa").c_str()), 0);
  FaiIndex fai;
  ASSERT_TRUE(ParseFai(testing::ReadFile(dir + "/ref.fa.fai"), &fai).ok());
  Options o;
  o.seed = 8;
  o.num_pairs = 3000;
  o.block_size = 4096;
  o.mutation_rate = 0.01;
  o.write_vcf = true;
  o.regions = {
      {"c3", 100, 9000, {}}, {"c1", 69, 20001, {}}, {"c1", 25000, 30000, {}}, {"c2", 0, 5000, {}}};
  testing::RunResult full = testing::Simulate(o, fasta, fai.contigs, 1000);
  ASSERT_TRUE(full.ok) << full.error;
  for (size_t chunk : {size_t{1}, size_t{333}, size_t{1} << 20}) {
    testing::RunResult sparse = SimulateSparse(o, fasta, fai, chunk);
    ASSERT_TRUE(sparse.ok) << sparse.error;
    EXPECT_EQ(sparse.read1, full.read1) << "chunk " << chunk;
    EXPECT_EQ(sparse.read2, full.read2) << "chunk " << chunk;
    EXPECT_EQ(sparse.mutations, full.mutations) << "chunk " << chunk;
    EXPECT_EQ(sparse.vcf, full.vcf) << "chunk " << chunk;
  }
}

}  // namespace
}  // namespace readforge
