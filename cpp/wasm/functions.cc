// The module's free functions: the command line as the native CLI reads it, option and index
// checks with the engine's messages, .gzi slices, tabix ranges, the summary line, usage and
// version.
#include <emscripten/bind.h>

#include <string>
#include <vector>

#include "engine/arguments.h"
#include "engine/run_stats.h"
#include "engine/version.h"
#include "formats/bgzf_writer.h"
#include "formats/fai.h"
#include "formats/gzi.h"
#include "formats/tabix.h"
#include "wasm/js_values.h"

namespace readforge::wasm {
namespace {

// The summary line every host prints (run_stats.h).
std::string Summary(double pairs, double read_bases, double errors, double contigs) {
  return SummaryLine(static_cast<int64_t>(pairs), static_cast<int64_t>(read_bases),
                     static_cast<int64_t>(errors), static_cast<int64_t>(contigs));
}

// The duplicates line every host prints with --duplicates (run_stats.h).
std::string Duplicates(double pcr, double optical, double pairs) {
  return DuplicatesLine(static_cast<int64_t>(pcr), static_cast<int64_t>(optical),
                        static_cast<int64_t>(pairs));
}

// The command line as the native CLI reads it, for the Node runner.
val ParseArgs(val args) {
  CommandLine line;
  Status s = ParseAndCheckCommandLine(AsStrings(args), &line);
  val out = val::object();
  out.set("error", s.ok() ? std::string() : s.message());
  val settings = val::array();
  for (const auto& [name, value] : line.settings) {
    val pair = val::array();
    pair.call<void>("push", name);
    pair.call<void>("push", value);
    settings.call<void>("push", pair);
  }
  auto strings = [](const std::vector<std::string>& v) {
    val a = val::array();
    for (const std::string& s : v)
      a.call<void>("push", s);
    return a;
  };
  out.set("settings", settings);
  out.set("positional", strings(line.positional));
  out.set("bedPaths", strings(line.bed_paths));
  out.set("faiPath", line.fai_path);
  out.set("gziPath", line.gzi_path);
  out.set("gapsPath", line.gaps_path);
  out.set("profilePaths", strings(line.profile_paths));
  out.set("variantsPath", line.variants_path);
  out.set("vcfPath", line.vcf_path);
  out.set("mutationsPath", line.mutations_path);
  out.set("alignmentsPath", line.alignments_path);
  out.set("qualityBinsPath", line.quality_bins_path);
  out.set("fragmentHistPath", line.fragment_hist_path);
  out.set("gcBiasPath", line.gc_bias_path);
  out.set("genomeMapPath", line.genome_map_path);
  out.set("abundancePath", line.abundance_path);
  out.set("genomeTruthPath", line.genome_truth_path);
  out.set("copyNumberTruthPath", line.copy_number_truth_path);
  out.set("ampliconsPath", line.amplicons_path);
  out.set("communityPath", line.community_path);
  out.set("copyNumberPath", line.copy_number_path);
  out.set("somaticCopyNumberPath", line.somatic_copy_number_path);
  out.set("somaticPath", line.somatic_path);
  out.set("alignments", line.options.alignments == Options::Alignments::kBam   ? "bam"
                        : line.options.alignments == Options::Alignments::kSam ? "sam"
                                                                               : "");
  out.set("seedGiven", line.seed_given);
  out.set("quiet", line.quiet);
  out.set("help", line.help);
  out.set("version", line.version);
  out.set("paired", line.options.paired());
  out.set("interleaved", line.options.interleaved);
  out.set("coverage", line.options.coverage);
  out.set("threads", line.threads);
  out.set("duplicates", line.options.duplicates());
  out.set("wholeRun", line.options.first_block == 0 && line.options.end_block < 0);
  return out;
}

// "" when an index (.fai text) describes the contigs a first pass measured (a scanner's
// faiText()), else how it does not.
std::string CheckIndex(std::string fai_text, std::string measured_fai_text) {
  FaiIndex index, measured;
  Status s = ParseFai(fai_text, &index);
  if (s.ok())
    s = ParseFai(measured_fai_text, &measured);
  if (s.ok())
    s = CheckIndexMatches(index.contigs, measured.contigs);
  return s.ok() ? "" : s.message();
}

// "" when the settings are valid on their own (the rules and messages of the command line).
// `files_coming`: settings naming files are taken as given (their texts come with the run);
// otherwise a file's text is missing, as for a host that reads no files.
std::string CheckSettings(val settings, bool files_coming) {
  std::vector<Setting> pairs;
  const unsigned n = settings["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i)
    pairs.emplace_back(AsString(settings[i][0]), AsString(settings[i][1]));
  Options options;
  SettingFiles files;
  files.pending = files_coming;
  Status s = OptionsFromSettings(pairs, files, &options);
  return s.ok() ? "" : s.message();
}

// For a bgzip-compressed remote FASTA: the compressed slice of each span's bytes.
// gzi: the .gzi file; spans: [{byteBegin, byteEnd}]. Returns {error, slices: [{compressedBegin,
// compressedEnd (-1: to the end of the file), skip}]}.
val BgzfSlices(std::string gzi, val spans) {
  val out = val::object();
  std::vector<GziEntry> entries;
  Status s = ParseGzi(gzi, &entries);
  out.set("error", s.ok() ? std::string() : s.message());
  val slices = val::array();
  const unsigned n = spans["length"].as<unsigned>();
  for (unsigned i = 0; s.ok() && i < n; ++i) {
    ByteRange range{static_cast<int64_t>(spans[i]["byteBegin"].as<double>()),
                    static_cast<int64_t>(spans[i]["byteEnd"].as<double>())};
    BgzfSlice slice = BgzfSliceFor(entries, range);
    val v = val::object();
    v.set("compressedBegin", static_cast<double>(slice.compressed_begin));
    v.set("compressedEnd", static_cast<double>(slice.compressed_end));
    v.set("skip", static_cast<double>(slice.skip));
    slices.call<void>("push", v);
  }
  out.set("slices", slices);
  return out;
}

// For a remote bgzip VCF: where its header and the records of some regions lie. index: the
// .tbi or .csi, decompressed; regions: [{contig, begin, end}]. Returns {error, header, ranges},
// each range {compressedBegin, offsetBegin, compressedEnd, offsetEnd, fetchEnd}: virtual
// offsets split in their two parts, and the compressed offset to fetch up to (0: to the end).
val VirtualRangeValue(const TabixIndex& tabix, const VirtualRange& r) {
  const uint64_t last_block = r.end >> 16;
  const uint64_t fetch_end = (r.end & 0xffff) == 0 ? last_block : tabix.BlockEndBound(last_block);
  val range = val::object();
  range.set("compressedBegin", static_cast<double>(r.begin >> 16));
  range.set("offsetBegin", static_cast<double>(r.begin & 0xffff));
  range.set("compressedEnd", static_cast<double>(last_block));
  range.set("offsetEnd", static_cast<double>(r.end & 0xffff));
  range.set("fetchEnd", static_cast<double>(fetch_end));
  return range;
}

val TabixRanges(std::string index, val regions) {
  val out = val::object();
  TabixIndex tabix;
  Status s = TabixIndex::Parse(index, &tabix);
  out.set("error", s.ok() ? std::string() : s.message());
  val list = val::array();
  if (s.ok()) {
    std::vector<TabixIndex::Region> wanted;
    const unsigned n = regions["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i) {
      wanted.push_back(TabixIndex::Region{AsString(regions[i]["contig"]),
                                          static_cast<int64_t>(regions[i]["begin"].as<double>()),
                                          static_cast<int64_t>(regions[i]["end"].as<double>())});
    }
    for (const VirtualRange& r : tabix.RangesFor(wanted))
      list.call<void>("push", VirtualRangeValue(tabix, r));
    out.set("header", VirtualRangeValue(tabix, VirtualRange{0, tabix.FirstRecord()}));
  }
  out.set("ranges", list);
  return out;
}

// BGZF's end-of-file block: hosts merging several simulators append it to compressed streams.
val BgzfEndOfFile() {
  return CopyOut(BgzfWriter::EndOfFile());
}

std::string Usage() {
  return UsageText();
}

std::string Version() {
  return kVersion;
}

}  // namespace
}  // namespace readforge::wasm

EMSCRIPTEN_BINDINGS(readforge_functions) {
  using namespace readforge::wasm;
  emscripten::function("parseArgs", &ParseArgs);
  emscripten::function("checkSettings", &CheckSettings);
  emscripten::function("checkIndex", &CheckIndex);
  emscripten::function("summaryLine", &Summary);
  emscripten::function("duplicatesLine", &Duplicates);
  emscripten::function("bgzfEndOfFile", &BgzfEndOfFile);
  emscripten::function("bgzfSlices", &BgzfSlices);
  emscripten::function("tabixRanges", &TabixRanges);
  emscripten::function("usage", &Usage);
  emscripten::function("version", &Version);
}
