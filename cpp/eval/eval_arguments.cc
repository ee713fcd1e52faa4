#include "eval/eval_arguments.h"

#include "formats/text.h"

namespace readforge {

const char kEvalUsage[] =
    "Usage: readforge eval [options] <aln.sam|aln.bam|->\n"
    "Scores an aligner's output of simulated reads (SAM, BAM or bgzipped SAM; the reads'\n"
    "names say where they came from). Prints what wgsim_eval.pl alneval prints: by mapping\n"
    "quality (MAPQ / 10), wrong / mapped lines, mapped lines cumulated and the cumulated wrong\n"
    "fraction; secondary and supplementary lines count, as alneval counts them.\n"
    "Options:\n"
    "  -g INT          right within INT bases of the true position [5]\n"
    "  -a              the ROC table instead: MAPQ, mapped and wrong lines at or above it\n"
    "  --truth FILE    the run's golden BAM (readforge --bam): primary alignments against the\n"
    "                  true ones (position, CIGAR, soft clips aside, unmapped, missing)\n"
    "  --json          JSON, for scripts\n"
    "  -o FILE         write the report to FILE [standard output]\n"
    "  -q              no notes on standard error\n";

Status ParseEvalArguments(const std::vector<std::string>& args, EvalArguments* parsed) {
  std::vector<std::string> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 == args.size())
        return Status::Error("option " + a + " needs a value");
      *out = args[++i];
      return Status::Ok();
    };
    if (a == "--help") {
      parsed->help = true;
    } else if (a == "-q" || a == "--quiet") {
      parsed->quiet = true;
    } else if (a == "-a") {
      parsed->options.roc = true;
    } else if (a == "--json") {
      parsed->options.json = true;
    } else if (a == "-o" || a == "--output") {
      RF_RETURN_IF_ERROR(value(&parsed->out));
    } else if (a == "--truth") {
      RF_RETURN_IF_ERROR(value(&parsed->truth));
    } else if (a == "-g") {
      std::string text;
      RF_RETURN_IF_ERROR(value(&text));
      if (!ParseInt64(text, &parsed->options.gap) || parsed->options.gap < 0 ||
          parsed->options.gap > 1000000000) {
        return Status::Error("-g expects a number of bases from 0 to 1000000000, got '" + text +
                             "'");
      }
    } else if (a.size() > 1 && a[0] == '-') {
      return Status::Error("unknown option '" + a + "' for readforge eval (see --help)");
    } else {
      positional.push_back(a);
    }
  }
  if (parsed->help)
    return Status::Ok();
  if (positional.size() != 1) {
    return Status::Error(
        "readforge eval takes one alignment file (SAM or BAM; - for standard "
        "input), got " +
        std::to_string(positional.size()) + " (see --help)");
  }
  parsed->input = positional[0];
  if (parsed->input == "-" && parsed->truth == "-")
    return Status::Error("the alignments and --truth cannot both come from standard input");
  return Status::Ok();
}

}  // namespace readforge
