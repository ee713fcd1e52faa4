// The Simulator as a host sees it: amounts, chunk and block independence, reuse, errors.
#include <gtest/gtest.h>

#include <string>

#include "engine/simulator.h"
#include "formats/region.h"
#include "test_util.h"

namespace readforge {
namespace {

using testing::ContigsOf;
using testing::ParseFastq;
using testing::ParseReadName;
using testing::RandomFasta;
using testing::RunResult;
using testing::Simulate;

Options SmallRun(int64_t pairs = 2000) {
  Options o;
  o.num_pairs = pairs;
  o.seed = 42;
  o.read1_length = 100;
  o.read2_length = 100;
  o.mutation_rate = 0.01;  // plenty of variants of every kind in small references
  o.indel_fraction = 0.3;
  o.block_size = 4096;  // many blocks, so block logic is exercised
  o.write_vcf = true;
  return o;
}

std::string MultiContigFasta() {
  return RandomFasta({{"chr1", 30000}, {"chr2", 12345}, {"tiny", 50}, {"chr3", 4096}}, 7);
}

TEST(Simulator, OutputDoesNotDependOnInputChunking) {
  const std::string fasta = MultiContigFasta();
  const auto contigs = ContigsOf(fasta);
  for (bool coverage : {false, true}) {
    Options o = SmallRun();
    if (coverage) {
      o.coverage = 3;
      o.write_vcf = false;
    }
    RunResult whole = Simulate(o, fasta, coverage ? ContigList() : contigs);
    ASSERT_TRUE(whole.ok) << whole.error;
    ASSERT_GT(whole.read1.size(), 100000u);
    for (size_t chunk : {size_t{1}, size_t{7}, size_t{65536}}) {
      RunResult r = Simulate(o, fasta, coverage ? ContigList() : contigs, chunk);
      ASSERT_TRUE(r.ok) << r.error;
      EXPECT_EQ(r.read1, whole.read1) << "chunk " << chunk;
      EXPECT_EQ(r.read2, whole.read2) << "chunk " << chunk;
      EXPECT_EQ(r.mutations, whole.mutations) << "chunk " << chunk;
      EXPECT_EQ(r.vcf, whole.vcf) << "chunk " << chunk;
    }
  }
}

TEST(Simulator, ExactPairCountApportionedByUsablePositionsSkippingShortContigs) {
  const std::string fasta = MultiContigFasta();
  RunResult r = Simulate(SmallRun(2001), fasta, ContigsOf(fasta));
  ASSERT_TRUE(r.ok) << r.error;
  auto reads = ParseFastq(r.read1);
  EXPECT_EQ(reads.size(), 2001u);
  EXPECT_EQ(ParseFastq(r.read2).size(), 2001u);
  std::map<std::string, int> per_contig;
  for (const auto& rec : reads) {
    testing::ReadName name;
    ASSERT_TRUE(ParseReadName(rec.name, &name)) << rec.name;
    ++per_contig[name.contig];
  }
  // Largest remainder over the usable starts (length - 100 + 1: no N here) of 30000, 12345 and
  // 4096 bases (tiny, 50 bases, holds no read). Quotas 1296.63, 531.04, 173.33: the spare pair
  // goes to the largest remainder.
  EXPECT_EQ(per_contig["chr1"], 1297);
  EXPECT_EQ(per_contig["chr2"], 531);
  EXPECT_EQ(per_contig["chr3"], 173);
  EXPECT_EQ(per_contig.count("tiny"), 0u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0], "tiny (50 bases) is shorter than the longest read (100): skipped");
}

TEST(Simulator, BlockRangesReproduceTheFullRunExactly) {
  const std::string fasta = MultiContigFasta();
  const auto contigs = ContigsOf(fasta);
  Options o = SmallRun();
  o.write_vcf = false;
  RunResult full = Simulate(o, fasta, contigs);
  ASSERT_TRUE(full.ok);
  // chr1: 8 blocks of 4096, chr2: 4, tiny: 1, chr3: 1 -> 14 blocks in all.
  for (int64_t split : {1, 3, 8, 9, 12, 13}) {
    Options first = o, second = o;
    first.end_block = split;
    second.first_block = split;
    RunResult a = Simulate(first, fasta, contigs, 1000);
    RunResult b = Simulate(second, fasta, contigs, 777);
    ASSERT_TRUE(a.ok && b.ok);
    EXPECT_EQ(a.read1 + b.read1, full.read1) << "split at block " << split;
    EXPECT_EQ(a.read2 + b.read2, full.read2) << "split at block " << split;
    EXPECT_EQ(a.mutations + b.mutations, full.mutations) << "split at block " << split;
    EXPECT_FALSE(a.read1.empty());
  }
  Options middle = o;
  middle.first_block = 2;
  middle.end_block = 5;
  RunResult m = Simulate(middle, fasta, contigs);
  EXPECT_NE(full.read1.find(m.read1), std::string::npos);
}

TEST(Simulator, ShardsOfAnyCountConcatenateToTheFullRunVcfIncluded) {
  // More shards than blocks (as the app's "Run on the server" asks for a small reference):
  // the empty shards [b, b) write nothing, not even the VCF header.
  const std::string fasta = MultiContigFasta();
  const auto contigs = ContigsOf(fasta);
  Options o = SmallRun();
  o.write_vcf = true;
  RunResult full = Simulate(o, fasta, contigs);
  ASSERT_TRUE(full.ok);
  const int64_t blocks = 14;
  for (int64_t k : {1, 4, 16, 40}) {
    RunResult joined;
    for (int64_t i = 0; i < k; ++i) {
      Options shard = o;
      shard.first_block = i * blocks / k;
      shard.end_block = (i + 1) * blocks / k;
      RunResult r = Simulate(shard, fasta, contigs);
      ASSERT_TRUE(r.ok) << r.error;
      joined.read1 += r.read1;
      joined.read2 += r.read2;
      joined.vcf += r.vcf;
    }
    EXPECT_EQ(joined.read1, full.read1) << k << " shards";
    EXPECT_EQ(joined.read2, full.read2) << k << " shards";
    EXPECT_EQ(joined.vcf, full.vcf) << k << " shards";
  }
}

TEST(Simulator, IndexAndNoIndexAgreeInCoverageMode) {
  const std::string fasta = MultiContigFasta();
  Options o = SmallRun();
  o.coverage = 2;
  o.write_vcf = false;
  RunResult with_index = Simulate(o, fasta, ContigsOf(fasta));
  RunResult streamed = Simulate(o, fasta, {}, 333);
  ASSERT_TRUE(with_index.ok && streamed.ok) << with_index.error << streamed.error;
  EXPECT_EQ(with_index.read1, streamed.read1);
  EXPECT_EQ(with_index.mutations, streamed.mutations);
  // About 2x coverage of the usable start positions: 2 * 46200 / 200 = 462 pairs, give or take
  // the per-block rounding (at most one pair per block, 14 blocks).
  EXPECT_NEAR(static_cast<double>(with_index.pairs), 462, 14);
}

TEST(Simulator, TwoSimulatorsAreIndependentAndReusable) {
  const std::string fasta = MultiContigFasta();
  const auto contigs = ContigsOf(fasta);
  Options o = SmallRun(300);
  RunResult first = Simulate(o, fasta, contigs);
  // Interleave two simulators step by step.
  Options other = o;
  other.seed = 43;
  Simulator a(o, contigs), b(other, contigs);
  ASSERT_TRUE(a.Start().ok() && b.Start().ok());
  std::string out_a, out_b;
  bool done_a = false, done_b = false;
  size_t fed_a = 0, fed_b = 0;
  auto step = [&](Simulator& s, std::string& out, size_t& fed, bool& done) {
    auto st = s.Run();
    out += s.Output(OutputStream::kRead1);
    s.ConsumeOutputs();
    if (st == Simulator::State::kDone)
      done = true;
    if (st == Simulator::State::kNeedInput) {
      size_t n = std::min<size_t>(4000, fasta.size() - fed);
      fasta.copy(s.InputBuffer(n), n, fed);
      s.CommitInput(n);
      fed += n;
      if (n == 0)
        s.Finish();
    }
  };
  while (!done_a || !done_b) {
    if (!done_a)
      step(a, out_a, fed_a, done_a);
    if (!done_b)
      step(b, out_b, fed_b, done_b);
  }
  EXPECT_EQ(out_a, first.read1);
  EXPECT_NE(out_b, first.read1);
  EXPECT_EQ(Simulate(o, fasta, contigs).read1, first.read1);  // a fresh run, same bytes
}

TEST(Simulator, SingleEndAndInterleaved) {
  const std::string fasta = MultiContigFasta();
  const auto contigs = ContigsOf(fasta);
  Options paired = SmallRun(500);
  RunResult two = Simulate(paired, fasta, contigs);
  Options inter = paired;
  inter.interleaved = true;
  RunResult one = Simulate(inter, fasta, contigs);
  ASSERT_TRUE(two.ok && one.ok);
  auto r1 = ParseFastq(two.read1), r2 = ParseFastq(two.read2), mixed = ParseFastq(one.read1);
  ASSERT_EQ(mixed.size(), 1000u);
  EXPECT_TRUE(one.read2.empty());
  for (size_t i = 0; i < r1.size(); ++i) {
    EXPECT_EQ(mixed[2 * i].name, r1[i].name);
    EXPECT_EQ(mixed[2 * i + 1].bases, r2[i].bases);
  }
  Options single = paired;
  single.read2_length = 0;
  RunResult se = Simulate(single, fasta, contigs);
  ASSERT_TRUE(se.ok);
  auto reads = ParseFastq(se.read1);
  EXPECT_EQ(reads.size(), 500u);
  EXPECT_TRUE(se.read2.empty());
  for (const auto& rec : reads) {
    EXPECT_EQ(rec.bases.size(), 100u);
    EXPECT_EQ(rec.name.back(), '1');
  }
}

TEST(Simulator, AllNAndNRichContigsGetExactlyTheirShare) {
  std::string fasta = ">gap\n" + std::string(50000, 'N') + "\n>mixed\n" + std::string(20000, 'N') +
                      RandomFasta({{"x", 5000}}, 3).substr(20) + std::string(20000, 'n') + "\n";
  Options o = SmallRun(1000);
  RunResult r = Simulate(o, fasta, ContigsOf(fasta));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.pairs, 1000);  // -N is exact: every pair lands on the 5 kb that can hold reads
  EXPECT_EQ(r.dropped, 0);
  for (const auto& rec : ParseFastq(r.read1)) {
    int n = static_cast<int>(std::count(rec.bases.begin(), rec.bases.end(), 'N'));
    EXPECT_LE(n, 5) << "a read with more Ns than -A allows";
    testing::ReadName name;
    ASSERT_TRUE(ParseReadName(rec.name, &name));
    EXPECT_EQ(name.contig, "mixed");
  }
  for (const std::string& w : r.warnings)
    EXPECT_EQ(w.find("could not be placed"), std::string::npos) << w;
  // Nothing at all can hold a read: a clear error before anything is written.
  const std::string all_n =
      ">a\n" + std::string(9000, 'N') + "\n>b\n" + std::string(300, 'N') + "\n";
  EXPECT_EQ(Simulate(o, all_n, ContigsOf(all_n)).error,
            "no contig or region has room for a read: each is shorter than the longest read (100 "
            "bases) or (nearly) all N");
}

TEST(Simulator, RegionErrorsNameTheProblem) {
  const std::string fasta = MultiContigFasta();
  Options o = SmallRun(10);
  o.regions = {{"chrX", 0, 100}};
  RunResult r = Simulate(o, fasta, ContigsOf(fasta));
  EXPECT_EQ(r.error, "region chrX:1-100: unknown contig 'chrX' (known: chr1, chr2, tiny, chr3)");
  o.regions = {{"chr2", 100, 20000}};
  r = Simulate(o, fasta, ContigsOf(fasta));
  EXPECT_EQ(r.error, "region chr2:101-20000 lies past the end of chr2 (length 12345)");
  // The same errors without an index, found while streaming.
  o.coverage = 1;
  o.write_vcf = false;
  r = Simulate(o, fasta, {});
  EXPECT_EQ(r.error, "region chr2:101-20000 lies past the end of chr2 (length 12345)");
  o.regions = {{"chrX", 0, 100}};
  r = Simulate(o, fasta, {});
  EXPECT_EQ(r.error, "region chrX:1-100: unknown contig 'chrX' (known: chr1, chr2, tiny, chr3)");
}

TEST(Simulator, RegionsRestrictReadsAndAmount) {
  const std::string fasta = MultiContigFasta();
  Options o = SmallRun(1000);
  o.regions = {{"chr2", 1000, 6000}, {"chr1", 20000, 22000}, {"chr2", 5000, 9000}};
  RunResult r = Simulate(o, fasta, ContigsOf(fasta), 999);
  ASSERT_TRUE(r.ok) << r.error;
  auto reads = ParseFastq(r.read1);
  ASSERT_EQ(reads.size(), 1000u);
  int chr1 = 0;
  for (const auto& rec : reads) {
    testing::ReadName n;
    ASSERT_TRUE(ParseReadName(rec.name, &n));
    if (n.contig == "chr1") {
      ++chr1;
      EXPECT_GE(n.left, 20001);
      EXPECT_LE(n.right, 22000);
    } else {
      EXPECT_EQ(n.contig, "chr2");  // merged into chr2:1001-9000
      EXPECT_GE(n.left, 1001);
      EXPECT_LE(n.right, 9000);
    }
  }
  EXPECT_EQ(chr1, 194);  // 1901 of 9802 usable starts (each span's length - 100 + 1)
  // Reads come in reference order: chr1's region first.
  testing::ReadName first;
  ASSERT_TRUE(ParseReadName(reads[0].name, &first));
  EXPECT_EQ(first.contig, "chr1");
}

TEST(Simulator, RegionNamesWithColonsResolveAgainstTheIndex) {
  std::string fasta = RandomFasta({{"HLA-A*01:01", 3000}, {"chr1", 3000}}, 1);
  Options o = SmallRun(100);
  Region r;
  ASSERT_TRUE(ParseRegion("HLA-A*01:01", &r).ok());
  o.regions = {r};
  RunResult run = Simulate(o, fasta, ContigsOf(fasta));
  ASSERT_TRUE(run.ok) << run.error;
  EXPECT_EQ(run.read1.rfind("@HLA-A*01:01_", 0), 0u);
}

TEST(Simulator, IndexThatDoesNotMatchIsAnError) {
  const std::string fasta = MultiContigFasta();
  const GapIndex no_runs;  // the .fai alone, as from standard input
  auto contigs = ContigsOf(fasta);
  contigs.set_length(1, contigs.length(1) + 1);
  EXPECT_EQ(Simulate(SmallRun(10), fasta, contigs, 0, &no_runs).error,
            "the index (.fai) does not match the reference: contig 'chr2' has 12345 bases, the "
            "index says 12346");
  contigs = ContigList{
      {"chr1", contigs.length(0)}, {"chr2", contigs.length(1) - 1}, {"other", contigs.length(2)}};
  EXPECT_EQ(Simulate(SmallRun(10), fasta, contigs, 0, &no_runs).error,
            "the index (.fai) does not match the reference: contig 3 is 'tiny' in the FASTA but "
            "'other' in the index");
}

TEST(Simulator, NeedsLengthsForPairCountAndVcf) {
  Options o = SmallRun(10);
  EXPECT_EQ(
      Simulate(o, ">a\nACGT\n", {}).error,
      "-N needs the contig lengths: give an index (.fai), or ask for a fold coverage with -C");
  o.coverage = 1;
  EXPECT_EQ(Simulate(o, ">a\nACGT\n", {}).error,
            "--vcf needs the contig lengths for its header: give an index (.fai)");
}

TEST(Simulator, NothingLongEnoughIsAnError) {
  std::string fasta = ">a\nACGTACGT\n>b\nACGT\n";
  EXPECT_EQ(Simulate(SmallRun(10), fasta, ContigsOf(fasta)).error,
            "no contig or region has room for a read: each is shorter than the longest read (100 "
            "bases) or (nearly) all N");
}

TEST(Simulator, ParserErrorsSurfaceThroughTheSimulator) {
  Options o = SmallRun(10);
  o.coverage = 1;
  o.write_vcf = false;
  EXPECT_EQ(Simulate(o, "ACGT\n", {}).error,
            "line 1: expected '>' header before sequence data, found 'A'");
  EXPECT_EQ(Simulate(o, "", {}).error, "line 1: the reference is empty (no '>' header found)");
}

}  // namespace
}  // namespace readforge
