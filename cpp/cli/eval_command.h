// `readforge eval`: scores an aligner's output of readforge (or wgsim) reads (cpp/eval/).
#ifndef READFORGE_CLI_EVAL_COMMAND_H_
#define READFORGE_CLI_EVAL_COMMAND_H_

#include <string>
#include <vector>

namespace readforge {

// The process's exit status.
int EvalCommand(const std::vector<std::string>& args);

}  // namespace readforge

#endif  // READFORGE_CLI_EVAL_COMMAND_H_
