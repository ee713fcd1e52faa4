#include "cli/subcommand.h"

#include <cstdio>

namespace readforge {

Status ParseSubcommandArgs(const std::string& name,
                           const std::vector<std::string>& args,
                           SubcommandArgs* parsed) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help") {
      parsed->help = true;
    } else if (a == "-q" || a == "--quiet") {
      parsed->quiet = true;
    } else if (a == "--fragments" && name == "profile") {
      parsed->fragments = true;
    } else if (a == "-o" || a == "--output") {
      if (i + 1 == args.size())
        return Status::Error("option -o/--output needs a value");
      parsed->out = args[++i];
    } else if (a.size() > 1 && a[0] == '-') {
      return Status::Error("unknown option '" + a + "' for readforge " + name + " (see --help)");
    } else {
      parsed->positional.push_back(a);
    }
  }
  return Status::Ok();
}

int RunSubcommand(const std::string& name,
                  const char* usage,
                  const std::vector<std::string>& args,
                  const std::function<Status(const SubcommandArgs&)>& run) {
  SubcommandArgs parsed;
  Status s = ParseSubcommandArgs(name, args, &parsed);
  if (s.ok() && parsed.help) {
    std::fputs(usage, stdout);
    return 0;
  }
  if (s.ok())
    s = run(parsed);
  if (!s.ok()) {
    std::fprintf(stderr, "readforge: error: %s\n", s.message().c_str());
    return 1;
  }
  return 0;
}

}  // namespace readforge
