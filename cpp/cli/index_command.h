// `readforge index <ref.fa|ref.fa.gz>`: measures the reference's N runs once and writes them
// beside it as <ref>.gaps.bed (gap_index.h), so that -N runs skip the first pass.
#ifndef READFORGE_CLI_INDEX_COMMAND_H_
#define READFORGE_CLI_INDEX_COMMAND_H_

#include <string>
#include <vector>

namespace readforge {

// Returns the exit status. `args` follow "index".
int IndexCommand(const std::vector<std::string>& args);

}  // namespace readforge

#endif  // READFORGE_CLI_INDEX_COMMAND_H_
