#include "cli/index_command.h"

#include <cstdio>

#include "cli/input_reader.h"
#include "cli/output_file.h"
#include "cli/reference_index.h"
#include "cli/subcommand.h"
#include "formats/contig_scanner.h"
#include "formats/fai.h"

namespace readforge {
namespace {

constexpr const char* kUsage =
    "Usage: readforge index [-o FILE] [-q] <ref.fa|ref.fa.gz|->\n"
    "Measures the reference's N runs (assembly gaps, any base not A/C/G/T) and writes them as\n"
    "<ref>.gaps.bed (or FILE; - for standard output), a BED file with a small header. Runs\n"
    "with -N then place pairs without a first pass over the reference. A reference read from\n"
    "standard input (-) needs -o.\n";

struct IndexArgs {
  std::string ref;
  std::string out;
  bool quiet = false;
};

Status CheckIndexArgs(const SubcommandArgs& parsed, IndexArgs* args) {
  if (parsed.positional.empty())
    return Status::Error("readforge index needs a reference file (see --help)");
  if (parsed.positional.size() > 1) {
    return Status::Error("readforge index takes one reference, got '" + parsed.positional[0] +
                         "' and '" + parsed.positional[1] + "'");
  }
  args->ref = parsed.positional[0];
  args->out = parsed.out;
  args->quiet = parsed.quiet;
  if (args->ref == "-" && args->out.empty())
    return Status::Error(
        "readforge index - (standard input) needs -o FILE: there is no file to "
        "put the sidecar beside");
  return Status::Ok();
}

Status Index(const IndexArgs& args) {
  if (args.ref != "-" && !FileExists(args.ref))
    return Status::Error("cannot open " + args.ref + ": No such file or directory");
  ContigScanner scanner(/*digests=*/true);
  RF_RETURN_IF_ERROR(ScanReference(args.ref, &scanner));
  // A .fai beside it must describe the same contigs, or runs would reject the pair of them.
  if (args.ref != "-" && FileExists(args.ref + ".fai")) {
    ReferenceLayout fai;
    RF_RETURN_IF_ERROR(LoadReferenceIndex(args.ref, args.ref + ".fai", "", false, false, &fai));
    Status s = CheckIndexMatches(fai.contigs, scanner.contigs());
    if (!s.ok())
      return Status::Error(args.ref + ".fai: " + s.message() +
                           " (make it again with samtools faidx)");
  }
  const std::string path = args.out.empty() ? args.ref + ".gaps.bed" : args.out;
  const std::string text = scanner.gaps().Format(scanner.contigs(), scanner.contig_md5());
  OutputFile out;
  RF_RETURN_IF_ERROR(out.Open(path, OutputFile::Mode::kReplaceWhenClosed));
  RF_RETURN_IF_ERROR(out.Write(text));
  RF_RETURN_IF_ERROR(out.Close());
  if (!args.quiet) {
    const int64_t n_bases = scanner.gaps().n_bases();
    const size_t runs = scanner.gaps().run_count();
    std::fprintf(stderr,
                 "readforge: wrote %s: %zu contigs, %lld bases, %lld N in %zu runs (%zu bytes)\n",
                 path == "-" ? "the N runs" : path.c_str(), scanner.contigs().size(),
                 static_cast<long long>(scanner.bases()), static_cast<long long>(n_bases), runs,
                 text.size());
  }
  return Status::Ok();
}

}  // namespace

int IndexCommand(const std::vector<std::string>& args) {
  return RunSubcommand("index", kUsage, args, [](const SubcommandArgs& parsed) {
    IndexArgs index;
    RF_RETURN_IF_ERROR(CheckIndexArgs(parsed, &index));
    return Index(index);
  });
}

}  // namespace readforge
