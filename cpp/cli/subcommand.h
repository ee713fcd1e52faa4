// What `readforge index` and `readforge profile` share: their flags (-o FILE, -q, --help, the
// rest positional) and how they end (usage on --help, one line and status 1 on an error).
#ifndef READFORGE_CLI_SUBCOMMAND_H_
#define READFORGE_CLI_SUBCOMMAND_H_

#include <functional>
#include <string>
#include <vector>

#include "formats/status.h"

namespace readforge {

struct SubcommandArgs {
  std::vector<std::string> positional;
  std::string out;  // -o FILE, empty when not given
  bool quiet = false;
  bool help = false;
  bool fragments = false;  // readforge profile --fragments
};

// `name`: "index" or "profile", for messages.
Status ParseSubcommandArgs(const std::string& name,
                           const std::vector<std::string>& args,
                           SubcommandArgs* parsed);

// Parses `args`, prints `usage` on --help, else runs `run`; the process's exit status.
int RunSubcommand(const std::string& name,
                  const char* usage,
                  const std::vector<std::string>& args,
                  const std::function<Status(const SubcommandArgs&)>& run);

}  // namespace readforge

#endif  // READFORGE_CLI_SUBCOMMAND_H_
