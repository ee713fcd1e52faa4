#include "cli/eval_command.h"

#include <cstdio>
#include <functional>

#include "cli/input_reader.h"
#include "cli/output_file.h"
#include "eval/eval_arguments.h"
#include "eval/evaluation.h"

namespace readforge {
namespace {

// Feeds a file (or standard input) to `push` as it is, then `finish`; errors name the file.
Status Feed(const std::string& path,
            const std::function<Status(const char*, size_t)>& push,
            const std::function<Status()>& finish) {
  Status s = ReadRaw(path, [&](const char* data, size_t n) {
    Status pushed = push(data, n);
    return pushed.ok() ? pushed : Status::Error(path + ": " + pushed.message());
  });
  if (!s.ok())
    return s;
  s = finish();
  return s.ok() ? s : Status::Error(path + ": " + s.message());
}

Status Evaluate(const EvalArguments& args) {
  Evaluation evaluation(args.options);
  if (!args.truth.empty()) {
    RF_RETURN_IF_ERROR(Feed(
        args.truth, [&](const char* d, size_t n) { return evaluation.PushTruth(d, n); },
        [&] { return evaluation.FinishTruth(); }));
  }
  RF_RETURN_IF_ERROR(Feed(
      args.input, [&](const char* d, size_t n) { return evaluation.Push(d, n); },
      [&] { return evaluation.Finish(); }));
  OutputFile out;
  RF_RETURN_IF_ERROR(out.Open(args.out, OutputFile::Mode::kReplaceWhenClosed));
  RF_RETURN_IF_ERROR(out.Write(evaluation.Report()));
  RF_RETURN_IF_ERROR(out.Close());
  if (!args.quiet) {
    std::fprintf(stderr, "readforge: evaluated %lld alignment records\n",
                 static_cast<long long>(evaluation.records()));
  }
  return Status::Ok();
}

}  // namespace

int EvalCommand(const std::vector<std::string>& args) {
  EvalArguments parsed;
  Status s = ParseEvalArguments(args, &parsed);
  if (s.ok() && parsed.help) {
    std::fputs(kEvalUsage, stdout);
    return 0;
  }
  if (s.ok())
    s = Evaluate(parsed);
  if (!s.ok()) {
    std::fprintf(stderr, "readforge: error: %s\n", s.message().c_str());
    return 1;
  }
  return 0;
}

}  // namespace readforge
