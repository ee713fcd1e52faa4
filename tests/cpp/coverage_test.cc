// The coverage track (stats.coverage): its bins against those computed from the FASTQ's read
// names and the reference's N bases, for whole contigs and regions, and the same bins when a
// run is split into parts (threads, Workers) and merged, directly or through RunMerge's text.
#include <gtest/gtest.h>

#include <map>

#include "engine/coverage_track.h"
#include "engine/run_merge.h"
#include "test_util.h"

namespace readforge {
namespace {

using testing::ContigsOf;
using testing::ParseFastq;
using testing::ParseReadName;
using testing::RandomFasta;
using testing::RunResult;
using testing::Simulate;

// Two contigs of random bases; chr1 has an assembly gap and a few short N runs.
std::string GappedFasta() {
  std::string fasta = RandomFasta({{"chr1", 600000}, {"chr2", 90000}}, 17, 60);
  // Line i of chr1 holds bases [60 i, 60 i + 60); put Ns on whole lines 3000..3500 (bases
  // 180000..210000) and on a few lines further on.
  size_t line_start = fasta.find('\n') + 1;
  for (int line = 0; line < 10000; ++line) {
    size_t end = fasta.find('\n', line_start);
    if ((line >= 3000 && line < 3500) || line % 997 == 0)
      fasta.replace(line_start, end - line_start, end - line_start, 'N');
    line_start = end + 1;
  }
  return fasta;
}

std::map<std::string, std::string> Sequences(const std::string& fasta) {
  std::map<std::string, std::string> out;
  std::string name;
  size_t at = 0;
  while (at < fasta.size()) {
    size_t end = fasta.find('\n', at);
    std::string line = fasta.substr(at, end - at);
    if (line[0] == '>')
      name = line.substr(1, line.find(' ') - 1);
    else
      out[name] += line;
    at = end + 1;
  }
  return out;
}

// What the track must hold, computed from the output and the reference alone.
SpanCoverage Expected(const RunResult& run,
                      const std::string& bases,
                      const std::string& contig,
                      int64_t begin,
                      int64_t length,
                      int64_t width) {
  SpanCoverage c;
  c.contig = contig;
  c.begin = begin;
  c.length = length;
  c.width = width;
  const size_t bins = static_cast<size_t>((length + width - 1) / width);
  c.fragments.assign(bins, 0);
  c.n_bases.assign(bins, 0);
  for (const testing::FastqRecord& r : ParseFastq(run.read1)) {
    testing::ReadName name;
    EXPECT_TRUE(ParseReadName(r.name, &name)) << r.name;
    if (name.contig == contig && name.left - 1 >= begin && name.left - 1 < begin + length)
      ++c.fragments[static_cast<size_t>((name.left - 1 - begin) / width)];
  }
  for (int64_t i = 0; i < length; ++i)
    c.n_bases[static_cast<size_t>(i / width)] += bases[static_cast<size_t>(begin + i)] == 'N';
  return c;
}

void ExpectSame(const SpanCoverage& want, const SpanCoverage& got) {
  EXPECT_EQ(want.contig, got.contig);
  EXPECT_EQ(want.begin, got.begin);
  EXPECT_EQ(want.length, got.length);
  EXPECT_EQ(want.width, got.width);
  EXPECT_EQ(want.fragments, got.fragments) << got.contig;
  EXPECT_EQ(want.n_bases, got.n_bases) << got.contig;
}

Options SmallRun() {
  Options options;
  options.num_pairs = 20000;
  options.seed = 5;
  options.block_size = 65536;
  return options;
}

TEST(CoverageTrack, BinsAreTheReadNamesAndTheGaps) {
  const std::string fasta = GappedFasta();
  const auto sequences = Sequences(fasta);
  RunResult run = Simulate(SmallRun(), fasta, ContigsOf(fasta), 7919);
  ASSERT_TRUE(run.ok) << run.error;
  ASSERT_EQ(run.stats.coverage.size(), 2u);
  // 600000 bases in at most 256 bins: 1024 * 4 = 4096 wide (147 bins); chr2: 1024 (88 bins).
  ExpectSame(Expected(run, sequences.at("chr1"), "chr1", 0, 600000, 4096), run.stats.coverage[0]);
  ExpectSame(Expected(run, sequences.at("chr2"), "chr2", 0, 90000, 1024), run.stats.coverage[1]);
  // The gap holds no fragment start, and bins are full of N there.
  EXPECT_EQ(run.stats.coverage[0].fragments[180000 / 4096 + 1], 0);
  EXPECT_EQ(run.stats.coverage[0].n_bases[180000 / 4096 + 1], 4096);
  int64_t total = 0;
  for (const SpanCoverage& c : run.stats.coverage)
    for (int64_t f : c.fragments)
      total += f;
  EXPECT_EQ(total, run.stats.pairs);
}

TEST(CoverageTrack, RegionsAreTrackedFromTheirBegin) {
  const std::string fasta = GappedFasta();
  const auto sequences = Sequences(fasta);
  Options options = SmallRun();
  options.regions = {Region{"chr1", 150000, 250000, {}}, Region{"chr2", 1000, 2500, {}}};
  RunResult run = Simulate(options, fasta, ContigsOf(fasta), 4096);
  ASSERT_TRUE(run.ok) << run.error;
  ASSERT_EQ(run.stats.coverage.size(), 2u);
  ExpectSame(Expected(run, sequences.at("chr1"), "chr1", 150000, 100000, 1024),
             run.stats.coverage[0]);
  ExpectSame(Expected(run, sequences.at("chr2"), "chr2", 1000, 1500, 1024), run.stats.coverage[1]);
}

TEST(CoverageTrack, PartsMergeToTheWholeRun) {
  const std::string fasta = GappedFasta();
  const Options whole = SmallRun();
  RunResult run = Simulate(whole, fasta, ContigsOf(fasta));
  ASSERT_TRUE(run.ok) << run.error;
  RunMerge merge;
  for (int64_t phase = 0; phase < 3; ++phase) {
    Options part = whole;
    part.block_stride = 3;
    part.block_phase = phase;
    RunResult r = Simulate(part, fasta, ContigsOf(fasta), 100000);
    ASSERT_TRUE(r.ok) << r.error;
    if (phase == 1) {  // as a JavaScript host passes parts between threads
      ASSERT_TRUE(merge.AddEncoded(RunMerge::Encode(r.stats, {})).ok());
    } else {
      merge.Add(r.stats, {});
    }
  }
  ASSERT_EQ(merge.stats().coverage.size(), run.stats.coverage.size());
  for (size_t i = 0; i < run.stats.coverage.size(); ++i)
    ExpectSame(run.stats.coverage[i], merge.stats().coverage[i]);
}

TEST(CoverageTrack, BinsWidenInPairs) {
  SpanCoverage c;
  c.AddFragment(0);
  c.AddFragment(1500);
  c.AddN(1000, 1100);
  EXPECT_EQ(c.width, 1024);
  EXPECT_EQ(c.fragments, (std::vector<int64_t>{1, 1}));
  c.AddFragment(1024 * 256);  // one past the last of 256 bins: all widen to 2048
  EXPECT_EQ(c.width, 2048);
  EXPECT_EQ(c.fragments.size(), 129u);
  EXPECT_EQ(c.fragments[0], 2);
  EXPECT_EQ(c.n_bases[0], 100);
  EXPECT_EQ(c.fragments[128], 1);
}

TEST(CoverageTrack, DamagedReportsAreRefused) {
  RunMerge merge;
  EXPECT_FALSE(merge.AddEncoded("coverage 0 10 1024 100000 1 2 3").ok());
  EXPECT_FALSE(merge.AddEncoded("coverage 0 10 1 1 1 1 chr1").ok());
}

}  // namespace
}  // namespace readforge
