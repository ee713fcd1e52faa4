// Helpers shared by the C++ tests: run the engine on in-memory references and read its output.
#ifndef READFORGE_TESTS_TEST_UTIL_H_
#define READFORGE_TESTS_TEST_UTIL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/options.h"
#include "engine/simulator.h"
#include "formats/contig_list.h"
#include "formats/gap_index.h"

namespace readforge::testing {

struct RunResult {
  bool ok = false;
  std::string error;
  std::string read1, read2, mutations, vcf;
  std::vector<std::string> warnings;
  int64_t pairs = 0;
  int64_t dropped = 0;
  SimulatorStats stats;
};

// Appends what the simulator holds on every stream to `result`, and empties it.
void Collect(Simulator& sim, RunResult* result);

// Feeds `fasta` to a Simulator in chunks of `chunk` bytes (0: all at once). With contigs (an
// index), the N runs come from `gaps`, or from a scan of `fasta` as the command line does.
// With options.plant_variants, `variants` is the VCF's text (fed in chunks of `chunk` too).
RunResult Simulate(const Options& options,
                   const std::string& fasta,
                   const ContigList& contigs,
                   size_t chunk = 0,
                   const GapIndex* gaps = nullptr,
                   const std::string& variants = "");

// The same run in two simulators, as the CLI runs it on two threads: one draws every block's
// variants and truth from the VCF's text (Simulator::ExportVariantBlocks), the other makes the
// reads from those blocks (UseVariantBlocks). `*blocks`: how many blocks went across.
RunResult SimulateInTwoStages(const Options& options,
                              const std::string& fasta,
                              const ContigList& contigs,
                              size_t chunk = 0,
                              const std::string& variants = "",
                              size_t* blocks = nullptr);

// Contig names and lengths of an in-memory FASTA (through the engine's scanner).
ContigList ContigsOf(const std::string& fasta);
// Its N runs (the same scan).
GapIndex GapsOf(const std::string& fasta);

std::string ReadFile(const std::string& path);
std::string TestData(const std::string& name);  // tests/data/NAME, read whole

// A reproducible random DNA sequence as FASTA, with `line` bases per line.
std::string RandomFasta(const std::vector<std::pair<std::string, int64_t>>& contigs,
                        uint64_t seed,
                        int line = 60);
// The bases of `contig` in a FASTA's text (its header's first word), lines joined.
std::string SequenceOf(const std::string& fasta, const std::string& contig);

struct FastqRecord {
  std::string name, bases, qualities;
};
std::vector<FastqRecord> ParseFastq(const std::string& text);

// Fields of a wgsim read name: contig, 1-based outer coordinates, the two (e, s, i) triples.
struct ReadName {
  std::string contig;
  int64_t left = 0, right = 0;
  int errors[2] = {0, 0}, snps[2] = {0, 0}, indels[2] = {0, 0};
  std::string index;
  int mate = 0;
};
bool ParseReadName(const std::string& name, ReadName* out);

std::string ReverseComplement(const std::string& s);

// A SAM or VCF line's tab-separated fields.
std::vector<std::string> TabFields(const std::string& line);

}  // namespace readforge::testing

#endif  // READFORGE_TESTS_TEST_UTIL_H_
