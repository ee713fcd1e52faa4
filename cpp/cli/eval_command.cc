#include "cli/eval_command.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>

#include "cli/output_file.h"
#include "eval/eval_arguments.h"
#include "eval/evaluation.h"

namespace readforge {
namespace {

// Feeds a file (or standard input) to `push` as it is (BAM stays compressed: the reader tells
// BAM from SAM by its bytes), then `finish`; errors name the file.
Status Feed(const std::string& path,
            const std::function<Status(const char*, size_t)>& push,
            const std::function<Status()>& finish) {
  FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!file)
    return Status::Error("cannot open " + path + ": " + std::strerror(errno));
  std::string buffer(1 << 20, '\0');
  Status s = Status::Ok();
  while (s.ok()) {
    const size_t got = std::fread(buffer.data(), 1, buffer.size(), file);
    if (got == 0) {
      if (std::ferror(file))
        s = Status::Error(std::string("read error: ") + std::strerror(errno));
      break;
    }
    s = push(buffer.data(), got);
  }
  if (file != stdin)
    std::fclose(file);
  if (s.ok())
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
