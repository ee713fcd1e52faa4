// readforge's command-line arguments, as one table shared by every host: the native CLI, the
// Node runner (through the wasm module) and the edge API's query parameters all accept the same
// names (wgsim's letters and long names) with the same rules.
#ifndef READFORGE_ENGINE_ARGUMENTS_H_
#define READFORGE_ENGINE_ARGUMENTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/options.h"
#include "formats/status.h"

namespace readforge {

struct CommandLine {
  Options options;
  std::vector<std::string> positional;     // <ref> <out1> [<out2>]
  std::string fai_path;                    // --fai
  std::string gzi_path;                    // --gzi (remote bgzip references; a file is read whole)
  std::string gaps_path;                   // --gaps
  std::vector<std::string> profile_paths;  // --profile FILE or R1FILE,R2FILE
  std::string quality_bins_path;           // --quality-bins FILE (a built-in name is resolved)
  std::string fragment_hist_path;          // --fragment-hist FILE
  std::string gc_bias_path;                // --gc-bias FILE (built-in names and inline resolved)
  std::string variants_path;               // --variants
  std::vector<std::string> bed_paths;      // --bed (read by the host, parsed with ParseBed)
  std::string vcf_path;                    // --vcf
  std::string alignments_path;             // --bam or --sam
  std::string mutations_path;              // --mutations (default: standard output)
  std::string community_path;              // --community
  bool community_joined = false;           // its genomes joined: positional[0] is the reference
  std::string genome_map_path;             // --genome-map
  std::string abundance_path;              // --abundance
  std::string genome_truth_path;           // --genome-truth
  std::string copy_number_truth_path;      // --copy-number-truth
  std::string amplicons_path;              // --amplicons
  std::string copy_number_path;            // --copy-number
  std::string somatic_copy_number_path;    // --somatic-copy-number
  std::string somatic_path;                // --somatic
  std::vector<std::pair<std::string, std::string>> settings;  // every option applied, in order
  int threads = 1;                                            // -t
  bool seed_given = false;
  bool pairs_given = false;
  bool quiet = false;
  bool help = false;
  bool version = false;
};

// Parses argv (without the program name).
Status ParseCommandLine(const std::vector<std::string>& args, CommandLine* line);

// Checks the file arguments against the options: <ref> <out1> [<out2>], two outputs exactly
// when the reads are paired and not interleaved.
Status CheckFileArguments(const CommandLine& line);

// What every command-line host does first: parse, then (unless --help or --version) check the
// file arguments and the option values, so all hosts report problems in the same order.
Status ParseAndCheckCommandLine(const std::vector<std::string>& args, CommandLine* line);

using Setting = std::pair<std::string, std::string>;

// The texts of the files some settings name, as a host without files hands them over.
struct SettingFiles {
  std::vector<std::string> bed;     // --bed
  std::string quality_bins;         // --quality-bins, when not a built-in name
  std::string fragment_hist;        // --fragment-hist
  std::string gc_bias;              // --gc-bias FILE
  std::string genome_map;           // --genome-map
  std::string abundance;            // --abundance
  std::string amplicons;            // --amplicons
  std::string copy_number;          // --copy-number
  std::string somatic_copy_number;  // --somatic-copy-number
  std::string somatic;              // --somatic
  // Checking settings before the files are read: settings naming files are taken as given.
  bool pending = false;
};

// Each setting that names one file (--bed, which may name several, aside): its flag, the path
// it names (empty: not given) and where its text goes.
struct FileSetting {
  const char* flag;
  std::string CommandLine::*path;
  std::string SettingFiles::*text;
};
inline constexpr FileSetting kFileSettings[] = {
    {"--quality-bins", &CommandLine::quality_bins_path, &SettingFiles::quality_bins},
    {"--fragment-hist", &CommandLine::fragment_hist_path, &SettingFiles::fragment_hist},
    {"--gc-bias", &CommandLine::gc_bias_path, &SettingFiles::gc_bias},
    {"--genome-map", &CommandLine::genome_map_path, &SettingFiles::genome_map},
    {"--abundance", &CommandLine::abundance_path, &SettingFiles::abundance},
    {"--copy-number", &CommandLine::copy_number_path, &SettingFiles::copy_number},
    {"--somatic", &CommandLine::somatic_path, &SettingFiles::somatic},
    {"--somatic-copy-number", &CommandLine::somatic_copy_number_path,
     &SettingFiles::somatic_copy_number},
    {"--amplicons", &CommandLine::amplicons_path, &SettingFiles::amplicons},
};

// Options from (name, value) settings, as the wasm hosts pass them (a form, a query string, or
// the `settings` a parsed command line recorded), plus the texts of files they name. Validated.
Status OptionsFromSettings(const std::vector<Setting>& settings,
                           const SettingFiles& files,
                           Options* options);

// The texts of the files a parsed command line's settings name, applied to its options: what
// every host does once it has the texts (the command line reads the files, the wasm hosts are
// handed them). Errors name the files.
Status ApplySettingFiles(const SettingFiles& files, CommandLine* line);

// --quality-bins VALUE: a built-in name ("novaseq"), else the table's `text` (from the file
// `value` names; errors name it).
Status QualityBinsFrom(const std::string& value, const std::string& text, Options* options);
// --fragment-hist FILE: the histogram's `text` (errors name `name`).
Status FragmentHistogramFrom(const std::string& name, const std::string& text, Options* options);
// --gc-bias FILE: the curve's `text` (errors name `name`).
Status GcBiasFrom(const std::string& name, const std::string& text, Options* options);

// --genome-map and --abundance (their texts; the abundance's empty without one): the community
// (a no-op without --genome-map). Errors name the files.
Status CommunityFrom(const CommandLine& line,
                     const std::string& map_text,
                     const std::string& abundance_text,
                     Options* options);

// --amplicons FILE: the panel from the BED's `text` (errors name `name`).
Status AmpliconsFrom(const std::string& name, const std::string& text, Options* options);

// --somatic FILE: the tumour's somatic VCF from its `text` (errors name `name`).
Status SomaticFrom(const std::string& name, const std::string& text, Options* options);

// --copy-number FILE (or --somatic-copy-number, the tumour cells'): the segments from the BED's
// `text` (errors name `name`).
Status CopyNumberFrom(const std::string& name,
                      const std::string& text,
                      Options* options,
                      bool somatic = false);

// Sets one option by its letter ("e") or long name ("error-rate"); `value` is ignored for
// switches unless it is "0"/"false" (for query strings: "interleaved=1").
Status SetOption(std::string_view name, std::string_view value, CommandLine* line);

// The options that decide a run's bytes as a command line, for the @PG line of truth
// alignments: the same in every host whatever its threads, shards or paths (files by their base
// names).
std::string CanonicalSettings(const Options& options);

std::string UsageText();

}  // namespace readforge

#endif  // READFORGE_ENGINE_ARGUMENTS_H_
