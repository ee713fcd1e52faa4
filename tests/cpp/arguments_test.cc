// The shared argument table: wgsim's flags, long names, and a clear message for every bad value.
#include <gtest/gtest.h>

#include "engine/arguments.h"
#include "formats/region.h"

namespace readforge {
namespace {

Status Parse(const std::vector<std::string>& args, CommandLine* line) {
  Status s = ParseCommandLine(args, line);
  if (!s.ok())
    return s;
  return ValidateOptions(line->options);
}

std::string ErrorOf(const std::vector<std::string>& args) {
  CommandLine line;
  Status s = Parse(args, &line);
  return s.ok() ? "" : s.message();
}

TEST(Arguments, WgsimDefaults) {
  CommandLine line;
  ASSERT_TRUE(Parse({"ref.fa", "a.fq", "b.fq"}, &line).ok());
  const Options& o = line.options;
  EXPECT_EQ(o.error_rate, 0.02);
  EXPECT_EQ(o.outer_distance, 500);
  EXPECT_EQ(o.std_dev, 50);
  EXPECT_EQ(o.num_pairs, 1000000);
  EXPECT_EQ(o.read1_length, 70);
  EXPECT_EQ(o.read2_length, 70);
  EXPECT_EQ(o.mutation_rate, 0.001);
  EXPECT_EQ(o.indel_fraction, 0.15);
  EXPECT_EQ(o.indel_extend, 0.3);
  EXPECT_EQ(o.max_n_fraction, 0.05);
  EXPECT_FALSE(o.haploid);
  EXPECT_EQ(line.positional, (std::vector<std::string>{"ref.fa", "a.fq", "b.fq"}));
}

TEST(Arguments, ShortLongAndInlineForms) {
  CommandLine line;
  ASSERT_TRUE(Parse({"-e",
                     "0.1",
                     "-d600",
                     "--std-dev=20",
                     "-N",
                     "5",
                     "-1",
                     "100",
                     "--read2-length",
                     "90",
                     "-r0",
                     "-R",
                     "0.5",
                     "-X",
                     "0.2",
                     "-S",
                     "18446744073709551615",
                     "-A",
                     "0.1",
                     "-h",
                     "--region",
                     "chr1:1,001-2,000",
                     "--interleaved",
                     "-",
                     "-"},
                    &line)
                  .ok());
  const Options& o = line.options;
  EXPECT_EQ(o.error_rate, 0.1);
  EXPECT_EQ(o.outer_distance, 600);
  EXPECT_EQ(o.std_dev, 20);
  EXPECT_EQ(o.num_pairs, 5);
  EXPECT_EQ(o.read1_length, 100);
  EXPECT_EQ(o.read2_length, 90);
  EXPECT_EQ(o.mutation_rate, 0);
  EXPECT_EQ(o.indel_fraction, 0.5);
  EXPECT_EQ(o.indel_extend, 0.2);
  EXPECT_EQ(o.seed, 18446744073709551615ull);
  EXPECT_EQ(o.max_n_fraction, 0.1);
  EXPECT_TRUE(o.haploid);
  EXPECT_TRUE(o.interleaved);
  ASSERT_EQ(o.regions.size(), 1u);
  EXPECT_EQ(o.regions[0].begin, 1000);
  EXPECT_EQ(o.regions[0].end, 2000);
  EXPECT_EQ(line.positional, (std::vector<std::string>{"-", "-"}));
}

TEST(Arguments, EveryOutOfRangeValueIsNamed) {
  const std::pair<std::vector<std::string>, std::string> cases[] = {
      {{"-e", "2"}, "-e/--error-rate must be in [0, 1], got 2"},
      {{"-e", "nan"}, "-e/--error-rate must be in [0, 1], got nan"},
      {{"-e", "-0.1"}, "-e/--error-rate must be in [0, 1], got -0.1"},
      {{"-d", "0"}, "-d/--distance must be in [1, 10000000], got 0"},
      {{"-s", "-1"}, "-s/--std-dev must be in [0, 10000000], got -1"},
      {{"-d", "9000000", "-s", "200000"},
       "-d + 8 * -s must be at most 10000000 (the longest fragment readforge draws), got 10600000"},
      {{"-N", "-5"}, "-N/--pairs must be in [0, 100000000000], got -5"},
      {{"-N", "1000000000000"}, "-N/--pairs must be in [0, 100000000000], got 1000000000000"},
      {{"-C", "-1"}, "-C/--coverage must be in [0, 100000], got -1"},
      {{"-C", "inf"}, "-C/--coverage must be in [0, 100000], got inf"},
      {{"-N", "5", "-C", "2"}, "give either -N (pairs) or -C (coverage), not both"},
      {{"-1", "0"}, "-1/--read1-length must be in [1, 100000], got 0"},
      {{"-1", "10000000"}, "-1/--read1-length must be in [1, 100000], got 10000000"},
      {{"-2", "-1"}, "-2/--read2-length must be in [0, 100000], got -1"},
      {{"-r", "1.5"}, "-r/--mutation-rate must be in [0, 1], got 1.5"},
      {{"-R", "2"}, "-R/--indel-fraction must be in [0, 1], got 2"},
      {{"-X", "1"}, "-X/--indel-extend must be in [0, 1), got 1"},
      {{"-A", "-1"}, "-A/--max-n-fraction must be in [0, 1], got -1"},
      {{"-S", "18446744073709551616"},
       "-S/--seed expects an integer from 0 to 18446744073709551615, got '18446744073709551616'"},
      {{"-S", "-1"}, "-S/--seed expects an integer from 0 to 18446744073709551615, got '-1'"},
      {{"-N", "1e6"}, "-N/--pairs expects an integer, got '1e6'"},
      {{"-e", "abc"}, "-e/--error-rate expects a number, got 'abc'"},
      {{"-t", "0"}, "-t/--threads must be in [1, 256], got 0"},
      {{"--block-size", "10"}, "--block-size must be in [1024, 67108864], got 10"},
      {{"--region", "chr1:300-200"}, "region chr1:300-200: end before start"},
      {{"--region", "chr1:0-5"}, "region chr1:0-5: positions are 1-based"},
      {{"-2", "0", "--interleaved"}, "--interleaved needs paired reads; -2 is 0 (single-end)"},
      {{"-Z"}, "unknown option '-Z' (see --help)"},
      {{"--frobnicate"}, "unknown option '--frobnicate' (see --help)"},
      {{"-e"}, "option -e/--error-rate needs a value"},
      {{"-hx"}, "option -h/--haploid takes no value (in '-hx')"},
  };
  for (const auto& [args, message] : cases)
    EXPECT_EQ(ErrorOf(args), message);
}

TEST(Arguments, QueryStyleNamesShareTheTable) {
  CommandLine line;
  ASSERT_TRUE(SetOption("N", "12", &line).ok());
  ASSERT_TRUE(SetOption("error-rate", "0.05", &line).ok());
  ASSERT_TRUE(SetOption("interleaved", "1", &line).ok());
  ASSERT_TRUE(SetOption("haploid", "0", &line).ok());
  EXPECT_EQ(line.options.num_pairs, 12);
  EXPECT_EQ(line.options.error_rate, 0.05);
  EXPECT_TRUE(line.options.interleaved);
  EXPECT_FALSE(line.options.haploid);
  EXPECT_EQ(SetOption("bogus", "1", &line).message(), "unknown option 'bogus'");
}

TEST(Regions, SamtoolsSyntax) {
  Region r;
  ASSERT_TRUE(ParseRegion("chr2", &r).ok());
  EXPECT_EQ(r.contig, "chr2");
  EXPECT_EQ(r.begin, 0);
  EXPECT_EQ(r.end, -1);
  ASSERT_TRUE(ParseRegion("chr2:100", &r).ok());
  EXPECT_EQ(r.begin, 99);
  EXPECT_EQ(r.end, -1);
  ASSERT_TRUE(ParseRegion("chr2:100-100", &r).ok());
  EXPECT_EQ(r.begin, 99);
  EXPECT_EQ(r.end, 100);
  ASSERT_TRUE(ParseRegion("HLA-A*01:01x", &r).ok());  // not a range: all of it is the name
  EXPECT_EQ(r.contig, "HLA-A*01:01x");
  EXPECT_EQ(r.end, -1);
}

TEST(Regions, BedFiles) {
  std::vector<Region> regions;
  ASSERT_TRUE(
      ParseBed("track name=x\n# comment\nchr1\t0\t100\textra\r\n\nchr2 5 6\n", &regions).ok());
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_EQ(regions[0].contig, "chr1");
  EXPECT_EQ(regions[0].end, 100);
  EXPECT_EQ(regions[1].begin, 5);
  EXPECT_EQ(ParseBed("chr1\t10\t5\n", &regions).message(),
            "BED line 1: end must be greater than start (BED is 0-based, half-open)");
  EXPECT_EQ(ParseBed("chr1\tx\t5\n", &regions).message(),
            "BED line 1: expected 'chrom start end' with integer start and end");
}

}  // namespace
}  // namespace readforge
