#include "cli/profile_command.h"

#include <cstdio>

#include "cli/input_reader.h"
#include "cli/output_file.h"
#include "cli/subcommand.h"
#include "engine/profile_learner.h"
#include "eval/fragment_learner.h"

namespace readforge {
namespace {

constexpr const char* kUsage =
    "Usage: readforge profile [-o FILE] [-q] <reads_1.fq[.gz]|-> [<reads_2.fq[.gz]>]\n"
    "       readforge profile --fragments [-o FILE] [-q] <aln.bam|aln.sam|->\n"
    "Learns a quality profile (qualities by cycle, each given the one before, for read 1 and\n"
    "read 2) from real FASTQ in one pass, and writes it to standard output (or FILE), for\n"
    "--profile. Phred+33; Phred+64 is converted. With --fragments, learns the fragment\n"
    "lengths of real pairs from their alignments (the TLEN of proper pairs) instead, for\n"
    "--fragment-hist. The reads never leave this machine.\n";

struct ProfileArgs {
  std::vector<std::string> inputs;
  std::string out = "-";
  bool quiet = false;
};

Status CheckProfileArgs(const SubcommandArgs& parsed, ProfileArgs* args) {
  if (parsed.positional.empty() || parsed.positional.size() > 2)
    return Status::Error("readforge profile takes one or two FASTQ files (R1, R2; see --help)");
  args->inputs = parsed.positional;
  if (!parsed.out.empty())
    args->out = parsed.out;
  args->quiet = parsed.quiet;
  return Status::Ok();
}

Status Learn(const ProfileArgs& args) {
  ProfileLearner learner;
  std::string buffer(1 << 20, '\0');
  for (size_t mate = 0; mate < args.inputs.size(); ++mate) {
    const std::string& path = args.inputs[mate];
    if (path != "-" && !FileExists(path))
      return Status::Error("cannot open " + path + ": No such file or directory");
    InputReader reader;
    RF_RETURN_IF_ERROR(reader.Open(path));
    size_t got = 0;
    do {
      RF_RETURN_IF_ERROR(reader.Read(buffer.data(), buffer.size(), &got));
      Status s = learner.Push(static_cast<int>(mate), buffer.data(), got);
      if (!s.ok())
        return Status::Error(path + ": " + s.message());
    } while (got > 0);
    Status s = learner.FinishEnd(static_cast<int>(mate));
    if (!s.ok())
      return Status::Error(path + ": " + s.message());
  }
  QualityProfile profile;
  std::vector<std::string> notes;
  RF_RETURN_IF_ERROR(learner.Finish(args.inputs, &profile, &notes));
  OutputFile out;
  RF_RETURN_IF_ERROR(out.Open(args.out, OutputFile::Mode::kReplaceWhenClosed));
  RF_RETURN_IF_ERROR(out.Write(profile.Format()));
  RF_RETURN_IF_ERROR(out.Close());
  if (!args.quiet) {
    for (const std::string& note : notes)
      std::fprintf(stderr, "readforge: note: %s\n", note.c_str());
    std::string reads = std::to_string(learner.reads(0)) + " reads";
    if (args.inputs.size() == 2)
      reads += " and " + std::to_string(learner.reads(1)) + " mates";
    std::fprintf(
        stderr,
        "readforge: learned a profile of %lld and %lld cycles, %d quality values, from %s\n",
        static_cast<long long>(profile.ends[0].cycles),
        static_cast<long long>(profile.end(1).cycles), profile.states(), reads.c_str());
  }
  return Status::Ok();
}

Status LearnFragments(const SubcommandArgs& args) {
  if (args.positional.size() != 1)
    return Status::Error("readforge profile --fragments takes one alignment file (see --help)");
  const std::string& path = args.positional[0];
  FragmentLearner learner;
  RF_RETURN_IF_ERROR(ReadRaw(path, [&](const char* data, size_t n) {
    Status s = learner.Push(data, n);
    return s.ok() ? s : Status::Error(path + ": " + s.message());
  }));
  FragmentHistogram histogram;
  Status s = learner.Finish(&histogram);
  if (!s.ok())
    return Status::Error(path + ": " + s.message());
  OutputFile out;
  RF_RETURN_IF_ERROR(
      out.Open(args.out.empty() ? "-" : args.out, OutputFile::Mode::kReplaceWhenClosed));
  RF_RETURN_IF_ERROR(out.Write(histogram.Format()));
  RF_RETURN_IF_ERROR(out.Close());
  if (!args.quiet) {
    std::fprintf(stderr, "readforge: learned the lengths of %lld fragments, %lld to %lld bases\n",
                 static_cast<long long>(learner.pairs()),
                 static_cast<long long>(histogram.shortest()),
                 static_cast<long long>(histogram.longest()));
  }
  return Status::Ok();
}

}  // namespace

int ProfileCommand(const std::vector<std::string>& args) {
  return RunSubcommand("profile", kUsage, args, [](const SubcommandArgs& parsed) {
    if (parsed.fragments)
      return LearnFragments(parsed);
    ProfileArgs profile;
    RF_RETURN_IF_ERROR(CheckProfileArgs(parsed, &profile));
    return Learn(profile);
  });
}

}  // namespace readforge
