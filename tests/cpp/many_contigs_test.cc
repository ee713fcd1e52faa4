// References of many sequences (draft assemblies, transcriptomes, metagenomes): the contig list,
// and a whole run whose time must grow with the contig count, not its square. The time check is
// a ratio of two sizes measured in one process (4 when linear, 16 when quadratic), in CPU time
// (the runs are single-threaded, and other processes on the machine do not count), not a
// wall-clock bound.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <random>
#include <string>

#include "engine/run_merge.h"
#include "formats/contig_list.h"
#include "test_util.h"

namespace readforge {
namespace {

using testing::RunResult;
using testing::Simulate;

TEST(ContigList, FindsEveryNameAndTheFirstOfADuplicate) {
  ContigList list;
  for (int i = 0; i < 5000; ++i)
    list.Add("contig_" + std::to_string(i), i);
  for (int i = 0; i < 5000; ++i)
    ASSERT_EQ(list.IndexOf("contig_" + std::to_string(i)), i);
  EXPECT_EQ(list.IndexOf("contig_5000"), -1);
  EXPECT_EQ(list.IndexOf(""), -1);
  EXPECT_EQ(list.name(4321), "contig_4321");
  EXPECT_EQ(list.length(4321), 4321);
  EXPECT_FALSE(list.AddUnique("contig_7", 1));
  EXPECT_EQ(list.size(), 5000u);
  list.Add("contig_7", 99);  // a duplicate kept in order; lookups find the first
  EXPECT_EQ(list.IndexOf("contig_7"), 7);
  EXPECT_EQ(list.length(5000), 99);
  EXPECT_EQ(ContigList({{"a", 1}, {"b", 2}}).FirstNames(), "a, b");
  EXPECT_EQ(list.FirstNames().substr(list.FirstNames().size() - 19), ", ... (5001 in all)");
}

TEST(ContigList, CostsItsNamesAndAboutTwentyFourBytesAContig) {
  ContigList list;
  size_t name_bytes = 0;
  for (int i = 0; i < 200000; ++i) {
    const std::string name = "NODE_" + std::to_string(i);
    name_bytes += name.size();
    list.Add(name, 300);
  }
  // Vectors grow by doubling: at worst twice what they hold, and the table twice again.
  const double per_contig = static_cast<double>(list.MemoryBytes() - name_bytes) / 200000.0;
  EXPECT_LT(per_contig, 48.0 + static_cast<double>(name_bytes) / 200000.0);
  RecordProperty("bytes_per_contig", std::to_string(per_contig));
}

// A draft assembly: `contigs` contigs of 300 bases, and a VCF with a SNP on every tenth.
struct Assembly {
  std::string fasta;
  std::string vcf;
};

Assembly MakeAssembly(int contigs) {
  std::mt19937_64 rng(static_cast<uint64_t>(contigs));
  Assembly a;
  a.vcf = "##fileformat=VCFv4.3\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
  const char* bases = "ACGT";
  for (int i = 0; i < contigs; ++i) {
    std::string seq(300, 'A');
    for (char& c : seq)
      c = bases[rng() % 4];
    const std::string name = "NODE_" + std::to_string(i) + "_length_300";
    a.fasta += ">" + name + "\n" + seq.substr(0, 150) + "\n" + seq.substr(150) + "\n";
    if (i % 10 == 0) {
      const char alt = seq[99] == 'A' ? 'C' : 'A';
      a.vcf += name + "\t100\t.\t" + seq[99] + "\t" + alt + "\t.\t.\t.\n";
    }
  }
  return a;
}

Options AssemblyRun(int contigs) {
  Options o;
  o.seed = 3;
  o.num_pairs = contigs;
  o.read1_length = 100;
  o.read2_length = 100;
  o.outer_distance = 200;
  o.std_dev = 20;
  o.write_vcf = true;
  o.plant_variants = true;
  return o;
}

// CPU seconds of `run`, the best of three.
template <typename Run>
double BestOfThree(const Run& run) {
  double best = 1e9;
  for (int rep = 0; rep < 3; ++rep) {
    const std::clock_t start = std::clock();
    run();
    best = std::min(best, static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
  }
  return best;
}

// The whole run: first pass, plan, reads, truth, planted VCF.
double TimeRun(const Assembly& a, const Options& o, RunResult* result) {
  return BestOfThree([&] {
    *result = Simulate(o, a.fasta, testing::ContigsOf(a.fasta), 1 << 20, nullptr, a.vcf);
  });
}

TEST(ManyContigs, TimeGrowsLinearlyWithTheContigCount) {
  const Assembly small = MakeAssembly(25000);
  const Assembly large = MakeAssembly(100000);
  RunResult r_small, r_large;
  const double t_small = TimeRun(small, AssemblyRun(25000), &r_small);
  const double t_large = TimeRun(large, AssemblyRun(100000), &r_large);
  ASSERT_TRUE(r_small.ok) << r_small.error;
  ASSERT_TRUE(r_large.ok) << r_large.error;
  EXPECT_EQ(r_large.pairs, 100000);
  EXPECT_EQ(r_large.stats.contigs, 100000);
  EXPECT_EQ(r_large.stats.planted.planted, 10000);
  EXPECT_EQ(
      std::count(r_large.vcf.begin(), r_large.vcf.end(), '\n') -
          std::count(r_large.vcf.begin(), r_large.vcf.begin() + r_large.vcf.find("#CHROM"), '\n') -
          1,
      std::count(r_large.mutations.begin(), r_large.mutations.end(), '\n'));
  // Four times the contigs: four times the time when linear, sixteen when quadratic.
  EXPECT_LT(t_large / t_small, 6.0)
      << t_small << " s for 25,000 contigs, " << t_large << " s for 100,000";
  RecordProperty("seconds_25k", std::to_string(t_small));
  RecordProperty("seconds_100k", std::to_string(t_large));
}

TEST(ManyContigs, RegionsWithoutAnIndexAreCheckedInLinearTime) {
  // -C streams the reference without an index: regions on contigs are found as they come, and
  // those never seen are named at the end.
  const Assembly small = MakeAssembly(25000);
  const Assembly large = MakeAssembly(100000);
  auto run = [](const Assembly& a, int contigs, RunResult* r) {
    Options o;
    o.seed = 4;
    o.coverage = 1;
    o.read1_length = o.read2_length = 50;
    o.outer_distance = 150;
    for (int i = 0; i < contigs; i += 3)
      o.regions.push_back({"NODE_" + std::to_string(i) + "_length_300", 10, 290, {}});
    return BestOfThree([&] { *r = Simulate(o, a.fasta, ContigList()); });
  };
  RunResult r_small, r_large;
  const double t_small = run(small, 25000, &r_small);
  const double t_large = run(large, 100000, &r_large);
  ASSERT_TRUE(r_small.ok) << r_small.error;
  ASSERT_TRUE(r_large.ok) << r_large.error;
  EXPECT_LT(t_large / t_small, 6.0) << t_small << " s, then " << t_large << " s";
  // A region on a contig the reference lacks is named, with the contigs it has.
  Options o;
  o.coverage = 1;
  o.regions = {{"NODE_9_length_300", 0, 100, {}}, {"missing", 0, 100, {}}};
  EXPECT_EQ(Simulate(o, small.fasta, ContigList()).error,
            "region missing:1-100: unknown contig 'missing' (known: NODE_0_length_300, "
            "NODE_1_length_300, NODE_2_length_300, NODE_3_length_300, NODE_4_length_300, "
            "NODE_5_length_300, NODE_6_length_300, NODE_7_length_300, NODE_8_length_300, "
            "NODE_9_length_300, ... (25000 in all))");
}

TEST(ManyContigs, WarningsNameTheFirstSpansAndCountTheRest) {
  // 2,000 contigs too short for the reads and one that is long enough.
  std::string fasta;
  for (int i = 0; i < 2000; ++i)
    fasta += ">short" + std::to_string(i) + "\nACGTACGTAC\n";
  fasta += testing::RandomFasta({{"long", 20000}}, 5);
  Options o;
  o.seed = 9;
  o.num_pairs = 500;
  o.read1_length = o.read2_length = 50;
  o.block_size = 4096;
  RunResult whole = Simulate(o, fasta, testing::ContigsOf(fasta));
  ASSERT_TRUE(whole.ok) << whole.error;
  ASSERT_EQ(whole.warnings.size(), SpanNotes::kShown + 1);
  EXPECT_EQ(whole.warnings[0], "short0 (10 bases) is shorter than the longest read (50): skipped");
  EXPECT_EQ(whole.warnings.back(),
            "1990 more contigs or regions (not listed) are shorter than the longest read (50): "
            "skipped");
  // Two simulators each writing every other block (threads, Workers) merge to the same words.
  RunMerge merge;
  for (int64_t phase : {0, 1}) {
    Options part = o;
    part.block_stride = 2;
    part.block_phase = phase;
    Simulator sim(part, testing::ContigsOf(fasta), testing::GapsOf(fasta));
    RunResult r;
    ASSERT_TRUE(sim.Start().ok());
    size_t fed = 0;
    while (true) {
      Simulator::State state = sim.Run();
      testing::Collect(sim, &r);
      ASSERT_NE(state, Simulator::State::kError) << sim.error();
      if (state == Simulator::State::kDone)
        break;
      if (state == Simulator::State::kNeedInput) {
        const size_t n = std::min<size_t>(65536, fasta.size() - fed);
        fasta.copy(sim.InputBuffer(n), n, fed);
        sim.CommitInput(n);
        fed += n;
        if (n == 0)
          sim.Finish();
      }
    }
    ASSERT_TRUE(merge.AddEncoded(RunMerge::Encode(sim.stats(), sim.span_notes())).ok());
  }
  EXPECT_EQ(merge.Warnings(o), whole.warnings);
  EXPECT_EQ(merge.stats().pairs, 500);
}

}  // namespace
}  // namespace readforge
