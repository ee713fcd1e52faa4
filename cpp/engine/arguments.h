// readforge's command-line arguments, as one table shared by every host: the native CLI, the
// Node runner (through the wasm module) and the edge API's query parameters all accept the same
// names (wgsim's letters and long names) with the same rules.
#ifndef READFORGE_ENGINE_ARGUMENTS_H_
#define READFORGE_ENGINE_ARGUMENTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/options.h"
#include "engine/status.h"

namespace readforge {

struct CommandLine {
  Options options;
  std::vector<std::string> positional;  // <ref> <out1> [<out2>]
  std::string fai_path;                 // --fai
  std::vector<std::string> bed_paths;   // --bed (read by the host, parsed with ParseBed)
  std::string vcf_path;                 // --vcf
  std::string mutations_path;           // --mutations (default: standard output)
  int threads = 1;                      // -t
  bool seed_given = false;
  bool pairs_given = false;
  bool quiet = false;
  bool help = false;
  bool version = false;
};

// Parses argv (without the program name).
Status ParseCommandLine(const std::vector<std::string>& args, CommandLine* line);

// Sets one option by its letter ("e") or long name ("error-rate"); `value` is ignored for
// switches unless it is "0"/"false" (for query strings: "interleaved=1").
Status SetOption(std::string_view name, std::string_view value, CommandLine* line);

std::string UsageText();

}  // namespace readforge

#endif  // READFORGE_ENGINE_ARGUMENTS_H_
