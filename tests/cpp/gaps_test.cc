// Pairs go where reads can be: the usable-position sweep against brute force, the gap sidecar
// and its errors, and the statistics of fragment starts on references full of N (5-sigma
// tolerances, as in statistics_test.cc).
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>

#include "engine/usable_positions.h"
#include "formats/contig_scanner.h"
#include "formats/fasta_parser.h"
#include "formats/gap_index.h"
#include "formats/reference_layout.h"
#include "test_util.h"

namespace readforge {
namespace {

using testing::ContigsOf;
using testing::GapsOf;
using testing::ParseFastq;
using testing::ParseReadName;
using testing::RandomFasta;
using testing::RunResult;
using testing::Simulate;

// Usable positions by definition: p + window <= length and at most max_n Ns in [p, p + window).
std::vector<bool> BruteForceUsable(const std::string& bases, const UsableRule& rule) {
  const int64_t length = static_cast<int64_t>(bases.size());
  std::vector<int64_t> prefix(bases.size() + 1, 0);
  for (size_t i = 0; i < bases.size(); ++i)
    prefix[i + 1] = prefix[i] + (bases[i] == 'N');
  std::vector<bool> usable(bases.size(), false);
  for (int64_t p = 0; p + rule.window <= length; ++p)
    usable[static_cast<size_t>(p)] = prefix[p + rule.window] - prefix[p] <= rule.max_n;
  return usable;
}

std::vector<NRun> RunsOf(const std::string& bases) {
  std::vector<NRun> runs;
  AppendNRuns(bases.data(), static_cast<int64_t>(bases.size()), 0, &runs);
  return runs;
}

TEST(UsablePositions, SweepAgreesWithBruteForce) {
  std::mt19937_64 rng(5);
  for (int trial = 0; trial < 300; ++trial) {
    const int64_t length = 1 + static_cast<int64_t>(rng() % 3000);
    std::string bases(static_cast<size_t>(length), 'A');
    // Runs of every size: single Ns, runs shorter and longer than the window, touching ends.
    const int runs = static_cast<int>(rng() % 12);
    for (int r = 0; r < runs; ++r) {
      int64_t begin = static_cast<int64_t>(rng() % static_cast<uint64_t>(length));
      int64_t size = rng() % 3 == 0 ? 1 : static_cast<int64_t>(rng() % 400);
      for (int64_t i = begin; i < std::min(length, begin + size); ++i)
        bases[static_cast<size_t>(i)] = 'N';
    }
    UsableRule rule{1 + static_cast<int64_t>(rng() % 200), 0};
    rule.max_n = static_cast<int64_t>(rng() % (rule.window / 4 + 2));
    std::vector<bool> truth = BruteForceUsable(bases, rule);
    const int64_t lo = static_cast<int64_t>(rng() % static_cast<uint64_t>(length));
    const int64_t hi = lo + static_cast<int64_t>(rng() % static_cast<uint64_t>(length + 1));
    UsableSet set;
    set.Find(RunsOf(bases), length, rule, lo, hi);
    std::vector<int64_t> expected;
    for (int64_t p = lo; p < std::min(hi, length); ++p) {
      if (truth[static_cast<size_t>(p)])
        expected.push_back(p);
    }
    ASSERT_EQ(set.size(), static_cast<int64_t>(expected.size())) << "trial " << trial;
    for (size_t k = 0; k < expected.size(); ++k)
      ASSERT_EQ(set.At(static_cast<int64_t>(k)), expected[k]) << "trial " << trial;
    // Per block, over the whole span.
    const int64_t block = 1 + static_cast<int64_t>(rng() % 500);
    std::vector<int64_t> per_block = UsablePerBlock(RunsOf(bases), length, rule, block);
    ASSERT_EQ(per_block.size(), static_cast<size_t>((length + block - 1) / block));
    for (size_t b = 0; b < per_block.size(); ++b) {
      int64_t count = 0;
      for (int64_t p = static_cast<int64_t>(b) * block;
           p < std::min(length, static_cast<int64_t>(b + 1) * block); ++p)
        count += truth[static_cast<size_t>(p)];
      ASSERT_EQ(per_block[b], count) << "trial " << trial << " block " << b;
    }
  }
}

TEST(UsablePositions, RunsMergeAcrossPiecesAndMaxNsMatchesTheReadTest) {
  std::vector<NRun> runs;
  AppendNRuns("ACNN", 4, 0, &runs);
  AppendNRuns("NNAN", 4, 4, &runs);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].begin, 2);
  EXPECT_EQ(runs[0].end, 6);
  EXPECT_EQ(runs[1].begin, 7);
  for (double fraction : {0.0, 0.05, 0.1, 0.3333333333333333, 0.5, 1.0}) {
    for (int64_t length = 1; length < 400; ++length) {
      int64_t n = MaxNs(fraction, length);
      EXPECT_LE(static_cast<double>(n) / static_cast<double>(length), fraction);
      if (n < length)
        EXPECT_GT(static_cast<double>(n + 1) / static_cast<double>(length), fraction);
    }
  }
}

TEST(GapIndex, RoundTripsAndRejectsWhatIsNotOne) {
  // Lowercase n and IUPAC codes are N to the engine, so they are runs too.
  const std::string fasta = ">a desc\nACGTNNNNAC\nnnRY\n>b\nACGT\n";
  GapIndex gaps = GapsOf(fasta);
  const std::string text = gaps.Format(ContigsOf(fasta));
  EXPECT_EQ(text,
            "#readforge-gaps\t1\n#contig\ta\t14\t8\t2\n#contig\tb\t4\t0\t0\n"
            "a\t4\t8\na\t10\t14\n");
  GapIndex parsed;
  ContigList listed;
  ASSERT_TRUE(GapIndex::Parse(text, &listed, &parsed).ok());
  EXPECT_EQ(parsed.Format(listed), text);
  EXPECT_TRUE(CheckSidecarContigs(listed, ContigsOf(fasta)).ok());

  auto error = [](const std::string& t) {
    GapIndex g;
    ContigList c;
    return GapIndex::Parse(t, &c, &g).message();
  };
  const std::string header = "#readforge-gaps\t1\n#contig\ta\t14\t8\t2\n#contig\tb\t4\t0\t0\n";
  EXPECT_EQ(error(""), "empty (expected '#readforge-gaps<TAB>1' on the first line)");
  EXPECT_EQ(error("a\t4\t8\n"),
            "line 1: expected '#readforge-gaps<TAB>1' (is this a sidecar written by `readforge "
            "index`?)");
  EXPECT_EQ(error("#readforge-gaps\t2\n"),
            "line 1: format version 2 is not one this readforge reads (1): make it again with "
            "`readforge index`");
  EXPECT_EQ(error(header + "a\t4\t8\n"),  // truncated
            "truncated or edited: a has 1 runs of 4 N bases, its header says 2 runs of 8 (make "
            "it again with `readforge index`)");
  EXPECT_EQ(error(header + "a\t4\t8\na\t10\t13\n"),  // edited
            "truncated or edited: a has 2 runs of 7 N bases, its header says 2 runs of 8 (make "
            "it again with `readforge index`)");
  EXPECT_EQ(error(header + "a\t10\t14\na\t4\t8\n"),
            "line 5: runs on a are out of order, overlap or touch");
  EXPECT_EQ(error(header + "a\t4\t8\na\t8\t12\n"),
            "line 5: runs on a are out of order, overlap or touch");
  EXPECT_EQ(error(header + "c\t4\t8\n"), "line 4: a run on 'c', which no '#contig' line declares");
  EXPECT_EQ(error(header + "a\t4\t18\n"), "line 4: run 4-18 is not inside a (length 14)");
  EXPECT_EQ(error(header + "a\tfour\t8\n"),
            "line 4: expected 'CONTIG<TAB>BEGIN<TAB>END' (a BED line)");
  EXPECT_EQ(error("#readforge-gaps\t1\n#contig\ta\tx\n"),
            "line 2: expected '#contig<TAB>NAME<TAB>LENGTH<TAB>N_BASES<TAB>RUNS'");
  EXPECT_EQ(error(header + "a\t4\t8\n#contig\tc\t4\t0\t0\n"),
            "line 5: '#contig' line after the first run (the header comes first)");
  // A sidecar of another reference.
  EXPECT_EQ(CheckSidecarContigs(listed, ContigsOf(">a\nACGT\n>b\nACGT\n")).message(),
            "does not match the reference (made from another one?): contig 1 is a of 14 bases in "
            "it, a of 4 in the reference");
}

// A reference with every kind of gap, in blocks of 8192: a block 10% N, a gap straddling two
// blocks, a block 90% N (its last tenth is sequence), a block all N, N runs shorter than a read
// in lowercase sequence, and IUPAC codes beside a gap.
constexpr int64_t kBlock = 8192;

std::string GappyBases() {
  std::mt19937_64 rng(11);
  std::string bases(16 * kBlock, 'A');
  for (char& c : bases)
    c = "ACGT"[rng() & 3];
  auto fill = [&](int64_t begin, int64_t end, char c) {
    for (int64_t i = begin; i < end; ++i)
      bases[static_cast<size_t>(i)] = c;
  };
  fill(1 * kBlock + 3000, 1 * kBlock + 3000 + kBlock / 10, 'N');  // 10%
  fill(3 * kBlock + kBlock / 2, 4 * kBlock + kBlock / 2, 'N');    // straddles 3|4: 50% each
  fill(6 * kBlock, 6 * kBlock + kBlock * 9 / 10, 'N');            // 90%, sequence at its end
  fill(8 * kBlock, 9 * kBlock, 'N');                              // 100%
  for (int64_t p = 10 * kBlock; p < 11 * kBlock; p += 97)         // short runs of 1 to 4
    fill(p, p + 1 + (p / 97) % 4, 'n');
  for (int64_t p = 10 * kBlock; p < 11 * kBlock; ++p)  // in lowercase sequence
    if (bases[static_cast<size_t>(p)] != 'n')
      bases[static_cast<size_t>(p)] = static_cast<char>(bases[static_cast<size_t>(p)] + 32);
  fill(12 * kBlock, 12 * kBlock + 2000, 'N');
  fill(12 * kBlock + 2000, 12 * kBlock + 2003, 'R');  // IUPAC beside the gap
  fill(12 * kBlock - 2, 12 * kBlock, 'Y');
  return bases;
}

std::string AsFasta(const std::string& name, const std::string& bases) {
  std::string fasta = ">" + name + "\n";
  for (size_t i = 0; i < bases.size(); i += 60)
    fasta += bases.substr(i, 60) + "\n";
  return fasta;
}

std::string Normalised(const std::string& bases) {
  std::string out = bases;
  for (char& c : out)
    c = NormaliseBase(static_cast<unsigned char>(c));
  return out;
}

// 0-based fragment starts, from the read names.
std::vector<int64_t> Starts(const RunResult& r) {
  std::vector<int64_t> starts;
  for (const auto& rec : ParseFastq(r.read1)) {
    testing::ReadName name;
    EXPECT_TRUE(ParseReadName(rec.name, &name)) << rec.name;
    starts.push_back(name.left - 1);
  }
  return starts;
}

Options GapOptions(int64_t pairs) {
  Options o;
  o.seed = 3;
  o.num_pairs = pairs;
  o.read1_length = o.read2_length = 100;
  o.mutation_rate = 0;
  o.error_rate = 0;
  o.block_size = kBlock;
  return o;
}

TEST(GapAwarePlan, FragmentStartsAreUniformOverUsablePositions) {
  // Fragments exactly as long as the reads, so that every usable start can hold its pair: the
  // starts must then be uniform over the usable positions, whatever the gaps.
  const std::string bases = GappyBases();
  const std::string fasta = AsFasta("gappy", bases);
  Options o = GapOptions(200000);
  o.outer_distance = 100;
  o.std_dev = 0;
  const std::vector<bool> usable = BruteForceUsable(Normalised(bases), UsableRuleOf(o));
  std::vector<int64_t> order;  // the usable positions, in order
  for (size_t p = 0; p < usable.size(); ++p) {
    if (usable[p])
      order.push_back(static_cast<int64_t>(p));
  }
  RunResult r = Simulate(o, fasta, ContigsOf(fasta), 10000);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.pairs, o.num_pairs);
  std::vector<int64_t> starts = Starts(r);
  ASSERT_EQ(starts.size(), static_cast<size_t>(o.num_pairs));
  // Every start is usable, and every usable stretch gets its share: bins of 1000 consecutive
  // usable positions (across gaps and block boundaries) each hold Binomial(N, 1000 / U) starts.
  std::vector<int64_t> rank(usable.size(), -1);
  for (size_t k = 0; k < order.size(); ++k)
    rank[static_cast<size_t>(order[k])] = static_cast<int64_t>(k);
  const size_t bin = 1000;
  std::vector<int64_t> counts(order.size() / bin + 1, 0);
  for (int64_t s : starts) {
    ASSERT_GE(rank[static_cast<size_t>(s)], 0) << "a fragment starts at " << s << ", not usable";
    ++counts[static_cast<size_t>(rank[static_cast<size_t>(s)]) / bin];
  }
  const double n = static_cast<double>(o.num_pairs);
  for (size_t b = 0; b + 1 < counts.size(); ++b) {
    const double p = static_cast<double>(bin) / static_cast<double>(order.size());
    EXPECT_NEAR(static_cast<double>(counts[b]), n * p, 5 * std::sqrt(n * p * (1 - p)))
        << "usable positions " << b * bin << ".." << (b + 1) * bin << " (reference "
        << order[b * bin] << ".." << order[(b + 1) * bin - 1] << ")";
  }
}

TEST(GapAwarePlan, NoCoverageSpikeBesideAGapWithRealFragments) {
  // The reference: 1 Mb, the second 262,144-base block 90% N (its last 26 kb sequence).
  // Fragment starts per 26,214-base window follow each window's usable positions.
  std::mt19937_64 rng(2);
  std::string bases(1048576, 'A');
  for (char& c : bases)
    c = "ACGT"[rng() & 3];
  for (int64_t p = 262144; p < 262144 + 235930; ++p)
    bases[static_cast<size_t>(p)] = 'N';
  const std::string fasta = AsFasta("chr", bases);
  Options o = GapOptions(200000);
  o.block_size = 262144;
  o.outer_distance = 300;
  o.std_dev = 30;
  RunResult r = Simulate(o, fasta, ContigsOf(fasta), 1 << 16);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.pairs, o.num_pairs);
  const std::vector<bool> usable = BruteForceUsable(Normalised(bases), UsableRuleOf(o));
  const int64_t window = 26214;
  std::vector<int64_t> usable_in(40, 0), starts_in(40, 0);
  int64_t total = 0;
  for (size_t p = 0; p < usable.size(); ++p) {
    if (usable[p] && p / window < 40) {
      ++usable_in[p / window];
      ++total;
    }
  }
  for (int64_t s : Starts(r)) {
    if (s / window < 40)
      ++starts_in[static_cast<size_t>(s / window)];
  }
  for (size_t w = 0; w < 40; ++w) {
    const double p = static_cast<double>(usable_in[w]) / static_cast<double>(total);
    const double n = static_cast<double>(o.num_pairs);
    // Starts shy away from the last few hundred bases before a gap (fragments there would run
    // into it), which moves under 0.5% of a window's starts: far inside 5 sigma.
    EXPECT_NEAR(static_cast<double>(starts_in[w]), n * p, 5 * std::sqrt(n * p * (1 - p)) + 1)
        << "window " << w << " (" << w * window << "..)";
  }
  EXPECT_EQ(starts_in[11], 0);     // all N
  EXPECT_GT(starts_in[19], 5000);  // the 26 kb of sequence at the end of the gapped block
}

TEST(GapAwarePlan, PairCountIsExactWithAllNContigsAndNRichBlocks) {
  // The five contigs, one of them 5 kb of N: -N 12345 writes 12345 pairs.
  std::string fasta = RandomFasta({{"c1", 40000}, {"c2", 30000}}, 4) + ">gap\n" +
                      std::string(5000, 'N') + "\n" + AsFasta("gappy", GappyBases()) +
                      RandomFasta({{"c5", 9000}}, 6);
  for (int64_t pairs : {int64_t{12345}, int64_t{1}, int64_t{0}}) {
    Options o = GapOptions(pairs);
    RunResult r = Simulate(o, fasta, ContigsOf(fasta), 4099);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.pairs, pairs);
    EXPECT_EQ(ParseFastq(r.read2).size(), static_cast<size_t>(pairs));
    EXPECT_EQ(r.read1.find("@gap_"), std::string::npos);
    EXPECT_TRUE(r.warnings.empty()) << r.warnings[0];
  }
}

TEST(GapAwarePlan, CoverageIsOverUsableSequence) {
  const std::string bases = GappyBases();
  const std::string fasta = AsFasta("gappy", bases);
  Options o = GapOptions(0);
  o.coverage = 30;
  o.block_size = 4096;
  RunResult with_index = Simulate(o, fasta, ContigsOf(fasta));
  RunResult streamed = Simulate(o, fasta, {}, 777);  // -C needs no index nor N runs
  ASSERT_TRUE(with_index.ok) << with_index.error;
  ASSERT_TRUE(streamed.ok) << streamed.error;
  EXPECT_EQ(streamed.read1, with_index.read1);
  const std::vector<bool> usable = BruteForceUsable(Normalised(bases), UsableRuleOf(o));
  const double u = static_cast<double>(std::count(usable.begin(), usable.end(), true));
  // Each block rounds its expectation up with its own probability: at most 0.5 sd a block.
  const double expected = 30 * u / 200;
  EXPECT_NEAR(static_cast<double>(with_index.pairs), expected, 5 * std::sqrt(32 * 0.25));
}

TEST(GapAwarePlan, ShortSpansGetReadsAndSayHowManyFragmentsWereCut) {
  const std::string fasta = RandomFasta({{"short", 100}, {"long", 20000}}, 9);
  Options o;
  o.seed = 1;
  o.num_pairs = 2000;
  o.read1_length = o.read2_length = 50;  // -d 500 by default: no fragment fits in 100 bases
  RunResult r = Simulate(o, fasta, ContigsOf(fasta));
  ASSERT_TRUE(r.ok) << r.error;
  int64_t on_short = 0;
  for (const auto& rec : ParseFastq(r.read1)) {
    testing::ReadName name;
    ASSERT_TRUE(ParseReadName(rec.name, &name));
    if (name.contig == "short") {
      ++on_short;
      EXPECT_GE(name.left, 1);
      EXPECT_LE(name.right, 100);
    }
  }
  EXPECT_GT(on_short, 0);
  ASSERT_FALSE(r.warnings.empty());
  EXPECT_EQ(r.warnings[0], "short (100 bases): " + std::to_string(on_short) +
                               " fragments were cut to fit before its end or a run of N (-d 500 "
                               "-s 50 asks for longer ones)");
}

TEST(GapAwarePlan, ReadNamesAreUniqueInTheRun) {
  // Two regions on one contig: the hex index counts pairs over the whole run.
  const std::string fasta = RandomFasta({{"c", 20000}}, 3);
  Options o = GapOptions(3000);
  o.regions = {{"c", 0, 5000, {}}, {"c", 8000, 12000, {}}};
  o.block_size = 1024;
  RunResult r = Simulate(o, fasta, ContigsOf(fasta));
  ASSERT_TRUE(r.ok) << r.error;
  std::set<std::string> indexes;
  for (const auto& rec : ParseFastq(r.read1)) {
    testing::ReadName name;
    ASSERT_TRUE(ParseReadName(rec.name, &name));
    indexes.insert(name.index);
  }
  EXPECT_EQ(indexes.size(), 3000u);
  EXPECT_TRUE(indexes.count("0") && indexes.count("bb7"));  // 0 .. 2999, in hex
}

TEST(GapAwarePlan, BlocksAndChunksStayIndependentOnGappedReferences) {
  const std::string fasta = AsFasta("gappy", GappyBases()) + RandomFasta({{"tail", 9000}}, 1);
  Options o = GapOptions(20000);
  o.mutation_rate = 0.01;
  o.error_rate = 0.01;
  o.write_vcf = true;
  const auto contigs = ContigsOf(fasta);
  RunResult full = Simulate(o, fasta, contigs);
  ASSERT_TRUE(full.ok) << full.error;
  for (int64_t split : {1, 6, 9, 16}) {
    Options first = o, second = o;
    first.end_block = split;
    second.first_block = split;
    RunResult a = Simulate(first, fasta, contigs, 1000);
    RunResult b = Simulate(second, fasta, contigs, 777);
    ASSERT_TRUE(a.ok && b.ok) << a.error << b.error;
    EXPECT_EQ(a.read1 + b.read1, full.read1) << "split at block " << split;
    EXPECT_EQ(a.vcf + b.vcf.substr(b.vcf.find("\n", b.vcf.rfind("#CHROM")) + 1), full.vcf);
  }
}

TEST(GapAwarePlan, NRunsThatDoNotMatchTheReferenceAreAnError) {
  const std::string fasta = AsFasta("gappy", GappyBases());
  Options o = GapOptions(1000);
  // No runs at all (as with a .fai alone from standard input): the first block with N says so.
  const GapIndex none;
  EXPECT_EQ(Simulate(o, fasta, ContigsOf(fasta), 0, &none).error,
            "gappy:8193-16384 holds N bases, and -N needs the reference's N runs before the run "
            "starts: give them with --gaps (see `readforge index`), read the reference from a "
            "file, or use -C");
  // Runs of another reference with the same names and lengths (a hard-masked copy, say).
  GapIndex other = GapsOf(AsFasta("gappy", std::string(16 * kBlock, 'A')));
  other.source = "other.gaps.bed";
  EXPECT_EQ(Simulate(o, fasta, ContigsOf(fasta), 0, &other).error,
            "other.gaps.bed: does not match the reference: gappy:8193-16384 has 7284 places for "
            "a fragment to start, its N runs give 8192 (made from another reference, or edited? "
            "make it again with `readforge index`)");
  // Other names or lengths: before anything is simulated, naming the sidecar.
  const std::string shorter = AsFasta("gappy", std::string(100, 'A'));
  const std::string fai = "gappy\t131072\t7\t60\t61\n";
  ReferenceLayout layout;
  EXPECT_EQ(LayoutFromTexts(fai, "ref.fa.fai", GapsOf(shorter).Format(ContigsOf(shorter)),
                            "short.gaps.bed", &layout)
                .message(),
            "short.gaps.bed: does not match the reference (made from another one?): contig 1 is "
            "gappy of 100 bases in it, gappy of 131072 in the reference");
  // Without a .fai, a sidecar is the index.
  ASSERT_TRUE(
      LayoutFromTexts("", "", GapsOf(shorter).Format(ContigsOf(shorter)), "short.gaps.bed", &layout)
          .ok());
  EXPECT_EQ(layout.contigs, ContigsOf(shorter));
  EXPECT_EQ(layout.contigs_from, "short.gaps.bed");
}

}  // namespace
}  // namespace readforge
