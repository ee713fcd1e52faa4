#include "cli/index_command.h"

#include <cstdio>

#include "cli/input_reader.h"
#include "cli/output_file.h"
#include "cli/reference_index.h"
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

Status ParseIndexArgs(const std::vector<std::string>& args, IndexArgs* parsed, bool* help) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help") {
      *help = true;
    } else if (a == "-q" || a == "--quiet") {
      parsed->quiet = true;
    } else if (a == "-o" || a == "--output") {
      if (i + 1 == args.size())
        return Status::Error("option -o/--output needs a value");
      parsed->out = args[++i];
    } else if (a.size() > 1 && a[0] == '-') {
      return Status::Error("unknown option '" + a + "' for readforge index (see --help)");
    } else if (parsed->ref.empty()) {
      parsed->ref = a;
    } else {
      return Status::Error("readforge index takes one reference, got '" + parsed->ref + "' and '" +
                           a + "'");
    }
  }
  if (!*help && parsed->ref.empty())
    return Status::Error("readforge index needs a reference file (see --help)");
  if (parsed->ref == "-" && parsed->out.empty())
    return Status::Error(
        "readforge index - (standard input) needs -o FILE: there is no file to "
        "put the sidecar beside");
  return Status::Ok();
}

Status Index(const IndexArgs& args) {
  if (args.ref != "-" && !FileExists(args.ref))
    return Status::Error("cannot open " + args.ref + ": No such file or directory");
  ContigScanner scanner;
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
  const std::string text = scanner.gaps().Format(scanner.contigs());
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
  IndexArgs parsed;
  bool help = false;
  Status s = ParseIndexArgs(args, &parsed, &help);
  if (s.ok() && help) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (s.ok())
    s = Index(parsed);
  if (!s.ok()) {
    std::fprintf(stderr, "readforge: error: %s\n", s.message().c_str());
    return 1;
  }
  return 0;
}

}  // namespace readforge
