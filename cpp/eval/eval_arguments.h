// `readforge eval`'s command line, shared by the native CLI and readforge-wasm so that both
// accept the same flags and say the same things.
#ifndef READFORGE_EVAL_EVAL_ARGUMENTS_H_
#define READFORGE_EVAL_EVAL_ARGUMENTS_H_

#include <string>
#include <vector>

#include "eval/evaluation.h"
#include "formats/status.h"

namespace readforge {

struct EvalArguments {
  std::string input;  // the aligner's output; "-": standard input
  std::string truth;  // --truth golden.bam, or empty
  std::string out = "-";
  EvalOptions options;
  bool quiet = false;
  bool help = false;
};

Status ParseEvalArguments(const std::vector<std::string>& args, EvalArguments* parsed);

extern const char kEvalUsage[];

}  // namespace readforge

#endif  // READFORGE_EVAL_EVAL_ARGUMENTS_H_
