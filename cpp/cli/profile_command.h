// `readforge profile reads_1.fq[.gz] [reads_2.fq[.gz]]`: learns a quality profile from real
// FASTQ in one streaming pass (profile_learner.h) and writes it (standard output, or -o FILE).
#ifndef READFORGE_CLI_PROFILE_COMMAND_H_
#define READFORGE_CLI_PROFILE_COMMAND_H_

#include <string>
#include <vector>

namespace readforge {

// Returns the exit status. `args` follow "profile".
int ProfileCommand(const std::vector<std::string>& args);

}  // namespace readforge

#endif  // READFORGE_CLI_PROFILE_COMMAND_H_
