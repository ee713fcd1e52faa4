// readforge: the native command line. wgsim's interface on top of the streaming engine.
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "cli/community_input.h"
#include "cli/drive.h"
#include "cli/eval_command.h"
#include "cli/index_command.h"
#include "cli/input_reader.h"
#include "cli/interrupt.h"
#include "cli/output_file.h"
#include "cli/parallel_run.h"
#include "cli/profile_command.h"
#include "cli/reference_index.h"
#include "cli/variant_draw_ahead.h"
#include "engine/arguments.h"
#include "engine/simulator.h"
#include "engine/version.h"
#include "formats/bam_index_stream.h"
#include "formats/region.h"

namespace readforge {
namespace {

struct Outputs {
  OutputFile read1, read2, mutations, vcf, alignments;
  OutputFile genome_truth;       // --genome-truth: the plan's table, written once the run is done
  OutputFile copy_number_truth;  // --copy-number-truth: likewise
  // --bam to a file: its index, made as it is written (bam_index_stream.h), written beside it.
  std::unique_ptr<BamIndexAssembler> index_entries;
  OutputFile index;

  void DiscardAll() {
    for (OutputFile* f :
         {&read1, &read2, &mutations, &vcf, &alignments, &genome_truth, &copy_number_truth, &index})
      f->Discard();
  }
};

// Progress on a terminal, at most once a second.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO)) {}
  void Update(const Simulator& sim) {
    if (!enabled_)
      return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::seconds(1))
      return;
    last_ = now;
    const SimulatorStats& s = sim.stats();
    std::string where = std::to_string(s.reference_bases) + " reference bases";
    if (sim.total_reference_bases() > 0) {
      where = std::to_string(100 * s.reference_bases / sim.total_reference_bases()) +
              "% of the reference";
    }
    std::fprintf(stderr, "\rreadforge: %s, %lld pairs   ", where.c_str(),
                 static_cast<long long>(s.pairs));
    shown_ = true;
  }
  ~Progress() {
    if (shown_)
      std::fputc('\n', stderr);
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

Status RunSingle(const CommandLine& line,
                 const SharedLayout& layout,
                 const OutputSink& sink,
                 RunReport* report) {
  Simulator sim(line.options, layout);
  RF_RETURN_IF_ERROR(sim.Start());
  InputReader reader;
  RF_RETURN_IF_ERROR(reader.Open(line.positional[0], true));
  // From files, the variants are drawn on a thread of their own; from a pipe, here.
  VariantDrawAhead drawn;
  InputReader vcf;
  const bool draw_ahead = line.options.plant_variants && IsRegularFile(line.positional[0]) &&
                          IsRegularFile(line.variants_path);
  if (draw_ahead) {
    drawn.Start(line.options, layout, line.positional[0], line.variants_path);
    sim.UseVariantBlocks();
  } else if (line.options.plant_variants) {
    RF_RETURN_IF_ERROR(vcf.Open(line.variants_path));
  }
  Progress progress(!line.quiet);
  bool input_done = false;
  DriveHooks hooks;
  hooks.input = [&] { return FeedNext(reader, sim, &input_done); };
  hooks.variants = [&] { return draw_ahead ? drawn.Feed(0, sim) : FeedVariants(vcf, sim); };
  hooks.output = [&](bool*) {
    for (size_t s = 0; s < kOutputStreams; ++s)
      RF_RETURN_IF_ERROR(
          sink(static_cast<OutputStream>(s), sim.Output(static_cast<OutputStream>(s))));
    sim.ConsumeOutputs();
    return Status::Ok();
  };
  hooks.step = [&] { progress.Update(sim); };
  RF_RETURN_IF_ERROR(Drive(sim, line.positional[0], hooks));
  report->stats = sim.stats();
  report->warnings = sim.warnings();
  return Status::Ok();
}

Status Simulate(const CommandLine& line, const SharedLayout& layout, Outputs& out) {
  OutputFile* files[] = {&out.read1, &out.read2, &out.mutations, &out.vcf, &out.alignments};
  OutputSink sink = [&](OutputStream stream, std::string_view bytes) {
    if (bytes.empty())
      return Status::Ok();
    if (stream == OutputStream::kAlignmentIndex) {
      Status s = out.index_entries->Push(bytes.data(), bytes.size());
      return s.ok() ? s : Status::Error("internal error: indexing the BAM: " + s.message());
    }
    OutputFile* file = files[static_cast<int>(stream)];
    return file->is_open() ? file->Write(bytes) : Status::Ok();
  };
  // Plan first (cheap), so that a bad region is reported before any note about the seed.
  Simulator planner(line.options, layout);
  RF_RETURN_IF_ERROR(planner.Start());
  const std::string genome_truth = planner.GenomeTruth();
  const std::string copy_number_truth = planner.CopyNumberTruth();
  if (!line.seed_given && !line.quiet) {
    std::fprintf(stderr, "readforge: seed %llu (repeat this run with -S %llu)\n",
                 static_cast<unsigned long long>(line.options.seed),
                 static_cast<unsigned long long>(line.options.seed));
  }
  RunReport report;
  // Threads each read the reference, so they need a file; from a pipe, one thread does it all.
  if (line.threads > 1 && IsRegularFile(line.positional[0]) &&
      (!line.options.plant_variants || IsRegularFile(line.variants_path))) {
    RF_RETURN_IF_ERROR(
        RunParallel(line.options, layout, line.positional[0], line.threads, sink, &report));
  } else {
    RF_RETURN_IF_ERROR(RunSingle(line, layout, sink, &report));
  }
  if (!line.quiet) {
    for (const std::string& w : report.warnings)
      std::fprintf(stderr, "readforge: warning: %s\n", w.c_str());
    const SimulatorStats& s = report.stats;
    std::fprintf(stderr, "readforge: %s\n",
                 SummaryLine(s.pairs, s.read_bases, s.errors, s.contigs).c_str());
    if (line.options.plant_variants)
      std::fprintf(stderr, "readforge: planted %lld VCF records\n",
                   static_cast<long long>(s.planted.planted));
    if (line.options.duplicates())
      std::fprintf(stderr, "readforge: %s\n",
                   DuplicatesLine(s.pcr_duplicates, s.optical_duplicates, s.pairs).c_str());
  }
  if (out.genome_truth.is_open())
    RF_RETURN_IF_ERROR(out.genome_truth.Write(genome_truth));
  if (out.copy_number_truth.is_open())
    RF_RETURN_IF_ERROR(out.copy_number_truth.Write(copy_number_truth));
  for (OutputFile* file : files)
    RF_RETURN_IF_ERROR(file->Close());
  if (out.genome_truth.is_open())
    RF_RETURN_IF_ERROR(out.genome_truth.Close());
  if (out.copy_number_truth.is_open())
    RF_RETURN_IF_ERROR(out.copy_number_truth.Close());
  if (out.index_entries) {
    std::string index;
    Status s = out.index_entries->Finish(&index);
    if (!s.ok())
      return Status::Error("internal error: indexing the BAM: " + s.message());
    RF_RETURN_IF_ERROR(out.index.Open(line.alignments_path + out.index_entries->extension(),
                                      OutputFile::Mode::kReplaceWhenClosed));
    RF_RETURN_IF_ERROR(out.index.Write(index));
    RF_RETURN_IF_ERROR(out.index.Close());
  }
  return Status::Ok();
}

// The texts of the files the settings name (a joined community's map and abundances are given).
Status ReadSettingFiles(const CommandLine& line, SettingFiles* files) {
  files->bed.resize(line.bed_paths.size());
  for (size_t i = 0; i < line.bed_paths.size(); ++i)
    RF_RETURN_IF_ERROR(ReadWholeFile(line.bed_paths[i], &files->bed[i]));
  for (const FileSetting& setting : kFileSettings) {
    const std::string& path = line.*setting.path;
    std::string& text = files->*setting.text;
    if (!path.empty() && text.empty())  // a joined community's map and abundances are given
      RF_RETURN_IF_ERROR(ReadWholeFile(path, &text));
  }
  return Status::Ok();
}

Status Run(CommandLine& line, Outputs& out) {
  // --community: its genomes joined into one reference, with their map and amounts.
  JoinedCommunity community;
  SettingFiles files;
  if (!line.community_path.empty()) {
    RF_RETURN_IF_ERROR(community.Join(line.community_path));
    line.positional.insert(line.positional.begin(), community.path());
    line.community_joined = true;
    files.genome_map = community.map_text();
    files.abundance = community.abundance_text();
  }
  const std::vector<std::string>& pos = line.positional;
  Options& o = line.options;
  const bool two_files = o.paired() && !o.interleaved;
  // The files the settings name, read here and applied as every host applies them.
  RF_RETURN_IF_ERROR(ReadSettingFiles(line, &files));
  RF_RETURN_IF_ERROR(ApplySettingFiles(files, &line));
  if (!line.profile_paths.empty()) {
    std::vector<std::string> texts(line.profile_paths.size());
    for (size_t i = 0; i < texts.size(); ++i)
      RF_RETURN_IF_ERROR(ReadWholeFile(line.profile_paths[i], &texts[i]));
    RF_RETURN_IF_ERROR(ProfileFromTexts(line.profile_paths, texts, &o.quality_profile));
  }
  if (!line.seed_given) {
    std::random_device device;
    o.seed = (static_cast<uint64_t>(device()) << 32) ^ device();
  }
  RF_RETURN_IF_ERROR(ValidateOptions(o));
  if (pos[0] != "-" && !FileExists(pos[0]))
    return Status::Error("cannot open " + pos[0] + ": " + std::strerror(ENOENT));
  if (o.plant_variants && line.variants_path != "-" && !FileExists(line.variants_path))
    return Status::Error("cannot open " + line.variants_path + ": " + std::strerror(ENOENT));
  auto layout = std::make_shared<ReferenceLayout>();
  const bool pairs_mode = o.coverage <= 0;  // -N places pairs by usable positions: N runs
  const bool alignments = o.alignments != Options::Alignments::kNone;
  RF_RETURN_IF_ERROR(LoadReferenceIndex(pos[0], line.fai_path, line.gaps_path,
                                        pairs_mode || !line.vcf_path.empty() || o.plant_variants ||
                                            alignments || o.copy_number || o.somatic_copy_number,
                                        pairs_mode || !line.gaps_path.empty(), layout.get(),
                                        alignments));

  o.write_vcf = !line.vcf_path.empty();
  const bool stdout_taken =
      pos[1] == "-" || (pos.size() == 3 && pos[2] == "-") || line.alignments_path == "-";
  o.write_mutations = !line.mutations_path.empty() || !stdout_taken;
  const std::string mutations_name =
      o.write_mutations ? (line.mutations_path.empty() ? "-" : line.mutations_path) : "";
  RF_RETURN_IF_ERROR(ResolveCompression(
      {pos[1], two_files ? pos[2] : "", mutations_name, line.vcf_path, line.alignments_path}, &o));
  RF_RETURN_IF_ERROR(out.read1.Open(pos[1]));
  if (two_files)
    RF_RETURN_IF_ERROR(out.read2.Open(pos[2]));
  if (o.write_mutations)
    RF_RETURN_IF_ERROR(out.mutations.Open(line.mutations_path.empty() ? "-" : line.mutations_path));
  if (o.write_vcf)
    RF_RETURN_IF_ERROR(out.vcf.Open(line.vcf_path));
  if (!line.genome_truth_path.empty())
    RF_RETURN_IF_ERROR(out.genome_truth.Open(line.genome_truth_path));
  if (!line.copy_number_truth_path.empty())
    RF_RETURN_IF_ERROR(out.copy_number_truth.Open(line.copy_number_truth_path));
  if (alignments) {
    RF_RETURN_IF_ERROR(out.alignments.Open(line.alignments_path));
    // The index is of a whole run's BAM: a shard's piece (--first-block, --end-block) has none.
    const bool whole_run = o.first_block == 0 && o.end_block < 0;
    o.alignment_index =
        o.alignments == Options::Alignments::kBam && line.alignments_path != "-" && whole_run;
    if (o.alignment_index)
      out.index_entries = std::make_unique<BamIndexAssembler>(layout->contigs);
  }
  return Simulate(line, layout, out);
}

}  // namespace
}  // namespace readforge

int main(int argc, char** argv) {
  using namespace readforge;
  interrupt::Install();
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] == "index")
    return IndexCommand(std::vector<std::string>(args.begin() + 1, args.end()));
  if (!args.empty() && args[0] == "profile")
    return ProfileCommand(std::vector<std::string>(args.begin() + 1, args.end()));
  if (!args.empty() && args[0] == "eval")
    return EvalCommand(std::vector<std::string>(args.begin() + 1, args.end()));
  CommandLine line;
  Status s = ParseAndCheckCommandLine(args, &line);
  if (s.ok() && line.help) {
    std::fputs(UsageText().c_str(), stdout);
    return 0;
  }
  if (s.ok() && line.version) {
    std::printf("readforge %s\n", kVersion);
    return 0;
  }
  Outputs out;
  if (s.ok())
    s = Run(line, out);
  if (!s.ok()) {
    out.DiscardAll();
    std::fprintf(stderr, "readforge: error: %s\n", s.message().c_str());
    return 1;
  }
  return 0;
}
