#include "engine/arguments.h"

#include <algorithm>
#include <cstdint>
#include <functional>

#include "engine/copy_number.h"
#include "formats/region.h"
#include "formats/text.h"

namespace readforge {
namespace {

enum class Kind { kReal, kInt, kSeed, kSwitch, kText };

struct Spec {
  char letter;  // 0: long name only
  const char* name;
  Kind kind;
  const char* value_name;
  const char* help;
};

// The order here is the order of the usage text.
constexpr Spec kSpecs[] = {
    {'N', "pairs", Kind::kInt, "INT", "read pairs in total, apportioned by length [1000000]"},
    {'C', "coverage", Kind::kReal, "FLOAT", "fold coverage instead of -N (works from stdin)"},
    {'1', "read1-length", Kind::kInt, "INT", "length of read 1 [70]"},
    {'2', "read2-length", Kind::kInt, "INT", "length of read 2; 0 for single-end [70]"},
    {'d', "distance", Kind::kInt, "INT", "outer distance between the two ends [500]"},
    {'s', "std-dev", Kind::kReal, "FLOAT", "standard deviation of the outer distance [50]"},
    {'e', "error-rate", Kind::kReal, "FLOAT", "base error rate [0.02]"},
    {'r', "mutation-rate", Kind::kReal, "FLOAT", "rate of mutations [0.001]"},
    {'R', "indel-fraction", Kind::kReal, "FLOAT", "fraction of indels among mutations [0.15]"},
    {'X', "indel-extend", Kind::kReal, "FLOAT", "probability an indel is extended [0.3]"},
    {'A', "max-n-fraction", Kind::kReal, "FLOAT", "discard reads with more Ns than this [0.05]"},
    {'h', "haploid", Kind::kSwitch, nullptr, "haploid mode: every mutation homozygous"},
    {0, "ploidy", Kind::kInt, "INT", "haplotypes of the genome, 1 to 8 (1 is -h) [2]"},
    {0, "ploidy-override", Kind::kText, "CONTIG[:BEG-END]=N",
     "another ploidy there (chrX=1 for a male; repeatable)"},
    {0, "copy-number-truth", Kind::kText, "FILE",
     "write the copies simulated, as a BED of every contig: CONTIG BEGIN END COPIES 1|2 PLOIDY"},
    {0, "purity", Kind::kReal, "FLOAT",
     "a tumour sample: its tumour cells' share; the VCF's INFO/SOMATIC records are theirs"},
    {0, "clones", Kind::kText, "CCF[,CCF...]",
     "the tumour's subclones: the cancer cell fractions INFO/CCF may give besides 1"},
    {0, "variants", Kind::kText, "FILE",
     "plant the variants of a VCF (.vcf, .vcf.gz) in the reads"},
    {0, "sample", Kind::kText, "NAME", "the VCF sample whose genotypes are planted [the first]"},
    {0, "somatic", Kind::kText, "FILE",
     "a tumour's somatic variants, a second plain VCF (with --variants and --purity)"},
    {0, "het-fraction", Kind::kReal, "FLOAT",
     "records without genotypes: the fraction planted heterozygous [0]"},
    {0, "skip-mismatches", Kind::kSwitch, nullptr,
     "skip (and count) VCF records whose REF is not the reference's"},
    {0, "profile", Kind::kText, "FILE[,FILE]",
     "qualities and errors from a quality profile (readforge's or ART's; R1,R2) instead of -e"},
    {0, "quality-bins", Kind::kText, "NAME|FILE",
     "bin the qualities written: novaseq (2, 12, 23, 37) or a LOW-HIGH-VALUE table"},
    {0, "fragment-hist", Kind::kText, "FILE",
     "fragment lengths from a LENGTH-COUNT histogram (readforge profile --fragments), or "
     "inline as LEN:COUNT,LEN:COUNT..., instead of -d, -s"},
    {0, "gc-bias", Kind::kText, "NAME|FILE",
     "coverage by fragment GC: pcr, pcr-free, a GC-COVERAGE table, or GC:COV,... inline"},
    {0, "adapters", Kind::kText, "truseq|nextera|SEQ[,SEQ2]",
     "fragments may be shorter than a read, which reads into the adapter, then poly-G"},
    {0, "duplicates", Kind::kReal, "RATE",
     "the fraction of pairs that are PCR duplicates of an earlier molecule [0]"},
    {0, "optical-duplicates", Kind::kReal, "RATE",
     "the fraction of pairs that are optical duplicates (implies --read-names illumina) [0]"},
    {0, "read-names", Kind::kText, "wgsim|illumina",
     "wgsim's names (the truth in them), or Illumina's with tile and x:y [wgsim]"},
    {0, "umi", Kind::kText, "LEN[,LEN2]",
     "a UMI of LEN bases per molecule (LEN1,LEN2: one per mate), as RX:Z: in the FASTQ comment"},
    {0, "umi-inline", Kind::kSwitch, nullptr, "read the UMI as read 1's first LEN cycles instead"},
    {0, "community", Kind::kText, "FILE",
     "the genomes instead of <ref.fa>: GENOME PATH [ABUNDANCE|COVERAGE] lines under a header; "
     "contigs become GENOME|NAME"},
    {0, "genome-map", Kind::kText, "FILE",
     "a community: CONTIG GENOME lines; -N is shared over the genomes, then their contigs"},
    {0, "abundance", Kind::kText, "FILE",
     "each genome's relative abundance (GENOME ABUNDANCE) or, under a 'genome coverage' header, "
     "fold coverage [by length]"},
    {0, "abundance-distribution", Kind::kText, "NAME",
     "draw abundances: lognormal, exponential, halfnormal or zero-inflated-lognormal"},
    {0, "abundance-sigma", Kind::kReal, "FLOAT", "sigma of the (zero-inflated) log-normal [1]"},
    {0, "abundance-zeros", Kind::kReal, "FLOAT",
     "zero-inflated-lognormal: the probability of a 0 [0.2]"},
    {0, "genome-truth", Kind::kText, "FILE",
     "write each genome's contigs, bases, abundance, pairs and coverage (TSV)"},
    {0, "copy-number", Kind::kText, "FILE",
     "coverage follows copy-number segments: CONTIG BEGIN END COPIES [COPIES PER HAPLOTYPE 1|2], "
     "or a VCF's <CNV> records"},
    {0, "somatic-copy-number", Kind::kText, "FILE",
     "the tumour cells' copy-number segments (with --purity), as --copy-number's"},
    {0, "amplicons", Kind::kText, "FILE",
     "every fragment is one of a BED's amplicons (CONTIG BEGIN END [NAME [WEIGHT]])"},
    {0, "amplicon-dropout", Kind::kReal, "RATE",
     "the probability that an amplicon fails and yields no reads [0]"},
    {0, "amplicon-spread", Kind::kReal, "SD",
     "uneven amplification: weights times exp(N(0, SD)) [0]"},
    {'S', "seed", Kind::kSeed, "INT", "random seed, 0 to 2^64-1 [random, printed]"},
    {0, "region", Kind::kText, "REG", "simulate only REG (chr, chr:beg-end; repeatable)"},
    {0, "bed", Kind::kText, "FILE", "simulate only the intervals of a BED file"},
    {0, "interleaved", Kind::kSwitch, nullptr, "write both mates to <out1.fq>"},
    {0, "gzip", Kind::kSwitch, nullptr, "compress every output (BGZF) [when named .gz]"},
    {0, "no-gzip", Kind::kSwitch, nullptr, "compress no output, whatever its name"},
    {0, "vcf", Kind::kText, "FILE", "write the simulated variants as VCF 4.3"},
    {0, "bam", Kind::kText, "FILE",
     "write every read's true alignment, sorted BAM (with its .bai beside it)"},
    {0, "sam", Kind::kText, "FILE", "the same as SAM text"},
    {0, "mutations", Kind::kText, "FILE", "write wgsim's mutation list here [stdout]"},
    {0, "fai", Kind::kText, "FILE", "the reference's index [<ref>.fai when present]"},
    {0, "gzi", Kind::kText, "URL", "a remote bgzip reference's .gzi [<url>.gzi]"},
    {0, "gaps", Kind::kText, "FILE", "its N runs, from readforge index [<ref>.gaps.bed]"},
    {'t', "threads", Kind::kInt, "INT", "threads; output is the same for any number [1]"},
    {0, "block-size", Kind::kInt, "INT", "bases per random-stream block (changes output) [262144]"},
    {0, "first-block", Kind::kInt, "INT", "write only from this block on (shards; 0-based) [0]"},
    {0, "end-block", Kind::kInt, "INT", "write only blocks before this one (shards) [all]"},
    {'q', "quiet", Kind::kSwitch, nullptr, "no progress or notes on stderr"},
    {0, "help", Kind::kSwitch, nullptr, "show this help"},
    {0, "version", Kind::kSwitch, nullptr, "show the version"},
};

const Spec* FindSpec(std::string_view name) {
  for (const Spec& s : kSpecs) {
    if ((name.size() == 1 && s.letter == name[0]) || name == s.name)
      return &s;
  }
  return nullptr;
}

// --ploidy 1 alone is -h, with its bytes; beside overrides it is the run's own ploidy.
void SettlePloidy(Options* o) {
  if (o->ploidy == 1 && o->ploidy_overrides.empty()) {
    o->haploid = true;
    o->ploidy = 2;
  }
}

std::string FlagName(const Spec& s) {
  std::string text;
  if (s.letter)
    text = std::string("-") + s.letter + "/";
  return text + "--" + s.name;
}

Status Apply(const Spec& s, std::string_view value, CommandLine* line) {
  Options& o = line->options;
  std::string_view name = s.name;
  auto bad = [&](const char* what) {
    return Status::Error(FlagName(s) + " expects " + what + ", got '" + std::string(value) + "'");
  };
  if (s.kind == Kind::kSwitch) {
    bool on = !(value == "0" || value == "false");
    if (name == "haploid")
      o.haploid = on;
    else if (name == "interleaved")
      o.interleaved = on;
    else if (name == "skip-mismatches")
      o.skip_mismatches = on;
    else if (name == "umi-inline")
      o.umi_inline = on;
    else if (name == "gzip")
      o.gzip = on ? Options::Gzip::kAlways : Options::Gzip::kByName;
    else if (name == "no-gzip")
      o.gzip = on ? Options::Gzip::kNever : Options::Gzip::kByName;
    else if (name == "quiet")
      line->quiet = on;
    else if (name == "help")
      line->help = on;
    else if (name == "version")
      line->version = on;
    return Status::Ok();
  }
  if (s.kind == Kind::kSeed) {
    if (!ParseUint64(value, &o.seed))
      return bad("an integer from 0 to 18446744073709551615");
    line->seed_given = true;
    return Status::Ok();
  }
  if (s.kind == Kind::kText) {
    if (name == "region") {
      Region region;
      RF_RETURN_IF_ERROR(ParseRegion(value, &region));
      o.regions.push_back(std::move(region));
    } else if (name == "bed")
      line->bed_paths.emplace_back(value);
    else if (name == "vcf")
      line->vcf_path = std::string(value);
    else if (name == "bam" || name == "sam") {
      const auto format = name == "bam" ? Options::Alignments::kBam : Options::Alignments::kSam;
      if (o.alignments != Options::Alignments::kNone && o.alignments != format)
        return Status::Error("--bam and --sam go one at a time");
      o.alignments = value.empty() ? Options::Alignments::kNone : format;
      line->alignments_path = std::string(value);
    } else if (name == "mutations")
      line->mutations_path = std::string(value);
    else if (name == "fai")
      line->fai_path = std::string(value);
    else if (name == "gzi")
      line->gzi_path = std::string(value);
    else if (name == "gaps")
      line->gaps_path = std::string(value);
    else if (name == "variants") {
      line->variants_path = std::string(value);
      o.variants_name = std::string(value);
      o.plant_variants = !value.empty();
    } else if (name == "sample") {
      o.variants_sample = std::string(value);
    } else if (name == "somatic") {
      line->somatic_path = std::string(value);
      o.somatic_vcf.reset();
      o.somatic_name.clear();
    } else if (name == "quality-bins") {
      line->quality_bins_path.clear();
      o.quality_bins.reset();
      if (value == "novaseq")
        o.quality_bins = std::make_shared<const QualityBins>(QualityBins::NovaSeq());
      else
        line->quality_bins_path = std::string(value);
    } else if (name == "fragment-hist") {
      line->fragment_hist_path.clear();
      o.fragment_histogram.reset();
      if (FragmentHistogram::IsInline(value)) {
        FragmentHistogram h;
        Status s = FragmentHistogram::ParseInline(value, &h);
        if (!s.ok())
          return Status::Error("--fragment-hist: " + s.message());
        h.name = std::string(value);
        o.fragment_histogram = std::make_shared<const FragmentHistogram>(std::move(h));
      } else {
        line->fragment_hist_path = std::string(value);
      }
    } else if (name == "gc-bias") {
      line->gc_bias_path.clear();
      o.gc_bias.reset();
      GcBias bias;
      if (GcBias::BuiltIn(value, &bias)) {
        o.gc_bias = std::make_shared<const GcBias>(std::move(bias));
      } else if (GcBias::IsInline(value)) {
        Status s = GcBias::ParseInline(value, &bias);
        if (!s.ok())
          return Status::Error("--gc-bias: " + s.message());
        o.gc_bias = std::make_shared<const GcBias>(std::move(bias));
      } else if (!value.empty()) {
        line->gc_bias_path = std::string(value);
      }
    } else if (name == "community") {
      line->community_path = std::string(value);
    } else if (name == "genome-map") {
      line->genome_map_path = std::string(value);
    } else if (name == "abundance") {
      line->abundance_path = std::string(value);
    } else if (name == "abundance-distribution") {
      o.abundance_distribution = AbundanceDistribution::kNone;
      if (!value.empty() && !ParseAbundanceDistribution(value, &o.abundance_distribution)) {
        return Status::Error(
            "--abundance-distribution must be lognormal, exponential, halfnormal or "
            "zero-inflated-lognormal, got '" +
            std::string(value) + "'");
      }
    } else if (name == "clones") {
      o.clones.clear();
      for (std::string_view rest = value; !rest.empty();) {
        const size_t comma = rest.find(',');
        double ccf = 0;
        if (!ParseDouble(rest.substr(0, comma), &ccf))
          return Status::Error("--clones expects cancer cell fractions as 0.4,0.1, got '" +
                               std::string(value) + "'");
        o.clones.push_back(ccf);
        rest = comma == rest.npos ? std::string_view() : rest.substr(comma + 1);
      }
      std::sort(o.clones.begin(), o.clones.end(), std::greater<double>());
    } else if (name == "ploidy-override") {
      PloidyOverride p;
      RF_RETURN_IF_ERROR(ParsePloidyOverride(value, &p));
      o.ploidy_overrides.push_back(std::move(p));
    } else if (name == "copy-number") {
      line->copy_number_path = std::string(value);
      o.copy_number.reset();
    } else if (name == "somatic-copy-number") {
      line->somatic_copy_number_path = std::string(value);
      o.somatic_copy_number.reset();
    } else if (name == "amplicons") {
      line->amplicons_path = std::string(value);
      o.amplicons.reset();
    } else if (name == "genome-truth") {
      line->genome_truth_path = std::string(value);
    } else if (name == "copy-number-truth") {
      line->copy_number_truth_path = std::string(value);
    } else if (name == "umi") {
      const size_t comma = value.find(',');
      int64_t first = 0, second = 0;
      if (!ParseInt64(value.substr(0, comma), &first) ||
          (comma != std::string_view::npos && !ParseInt64(value.substr(comma + 1), &second)))
        return Status::Error("--umi expects LEN or LEN1,LEN2 (bases), got '" + std::string(value) +
                             "'");
      o.umi_length = first;
      o.umi_length2 = second;
    } else if (name == "read-names") {
      if (value == "wgsim" || value.empty())
        o.read_names = Options::ReadNames::kWgsim;
      else if (value == "illumina")
        o.read_names = Options::ReadNames::kIllumina;
      else
        return Status::Error("--read-names must be wgsim or illumina, got '" + std::string(value) +
                             "'");
    } else if (name == "adapters") {
      o.adapters.reset();
      if (!value.empty()) {
        Adapters a;
        RF_RETURN_IF_ERROR(Adapters::Parse(value, &a));
        o.adapters = std::make_shared<const Adapters>(std::move(a));
      }
    } else if (name == "profile") {
      line->profile_paths.clear();
      for (size_t at = 0; at <= value.size();) {
        size_t comma = value.find(',', at);
        if (comma == std::string_view::npos)
          comma = value.size();
        line->profile_paths.emplace_back(value.substr(at, comma - at));
        at = comma + 1;
      }
      if (line->profile_paths.size() > 2 ||
          std::find(line->profile_paths.begin(), line->profile_paths.end(), "") !=
              line->profile_paths.end())
        return Status::Error("--profile expects FILE or R1FILE,R2FILE, got '" + std::string(value) +
                             "'");
    }
    return Status::Ok();
  }
  if (s.kind == Kind::kInt) {
    int64_t v = 0;
    if (!ParseInt64(value, &v))
      return bad("an integer");
    if (name == "pairs")
      o.num_pairs = v, line->pairs_given = true;
    else if (name == "read1-length")
      o.read1_length = v;
    else if (name == "read2-length")
      o.read2_length = v;
    else if (name == "distance")
      o.outer_distance = v;
    else if (name == "block-size")
      o.block_size = v;
    else if (name == "ploidy")
      o.ploidy = static_cast<int>(std::clamp<int64_t>(v, 0, kMaxPloidy + 1));
    else if (name == "first-block")
      o.first_block = v;
    else if (name == "end-block")
      o.end_block = v;
    else if (name == "threads") {
      if (v < 1 || v > 256)
        return Status::Error("-t/--threads must be in [1, 256], got " + std::string(value));
      line->threads = static_cast<int>(v);
    }
    return Status::Ok();
  }
  double v = 0;
  if (!ParseDouble(value, &v))
    return bad("a number");
  if (name == "coverage")
    o.coverage = v;
  else if (name == "amplicon-dropout")
    o.amplicon_dropout = v;
  else if (name == "amplicon-spread")
    o.amplicon_spread = v;
  else if (name == "abundance-sigma")
    o.abundance_sigma = v;
  else if (name == "abundance-zeros")
    o.abundance_zeros = v;
  else if (name == "het-fraction")
    o.het_fraction = v;
  else if (name == "purity")
    o.purity = v;
  else if (name == "duplicates")
    o.duplicate_rate = v;
  else if (name == "optical-duplicates")
    o.optical_duplicate_rate = v;
  else if (name == "std-dev")
    o.std_dev = v;
  else if (name == "error-rate")
    o.error_rate = v;
  else if (name == "mutation-rate")
    o.mutation_rate = v;
  else if (name == "indel-fraction")
    o.indel_fraction = v;
  else if (name == "indel-extend")
    o.indel_extend = v;
  else if (name == "max-n-fraction")
    o.max_n_fraction = v;
  return Status::Ok();
}

// Options that need another: checked once every setting is in (files are read later).
Status CheckCompanions(const CommandLine& line) {
  if (line.pairs_given && line.options.coverage > 0)
    return Status::Error("give either -N (pairs) or -C (coverage), not both");
  const Options& o = line.options;
  if (line.amplicons_path.empty() && (o.amplicon_dropout > 0 || o.amplicon_spread > 0))
    return Status::Error("--amplicon-dropout and --amplicon-spread go with --amplicons");
  if (!line.community_path.empty() && !line.community_joined &&
      (!line.genome_map_path.empty() || !line.abundance_path.empty())) {
    return Status::Error(
        "--community names each genome and its amount: drop --genome-map and --abundance");
  }
  if (line.genome_map_path.empty() && line.community_path.empty()) {
    if (!line.abundance_path.empty())
      return Status::Error("--abundance gives each genome's amount: it needs --genome-map");
    if (!line.genome_truth_path.empty())
      return Status::Error("--genome-truth reports each genome: it needs --genome-map");
    if (o.abundance_distribution != AbundanceDistribution::kNone)
      return Status::Error(
          "--abundance-distribution draws each genome's abundance: it needs "
          "--genome-map to say which contigs form a genome");
  }
  return Status::Ok();
}

}  // namespace

Status SetOption(std::string_view name, std::string_view value, CommandLine* line) {
  const Spec* spec = FindSpec(name);
  if (!spec)
    return Status::Error("unknown option '" + std::string(name) + "'");
  return Apply(*spec, value, line);
}

Status ParseCommandLine(const std::vector<std::string>& args, CommandLine* line) {
  *line = CommandLine();
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_done || arg == "-" || arg.size() < 2 || arg[0] != '-') {
      line->positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    std::string_view name;
    std::string_view inline_value;
    bool has_inline = false;
    if (arg[1] == '-') {  // --name or --name=value
      name = std::string_view(arg).substr(2);
      size_t eq = name.find('=');
      if (eq != std::string_view::npos) {
        inline_value = name.substr(eq + 1);
        name = name.substr(0, eq);
        has_inline = true;
      }
    } else {  // -x or -xVALUE
      name = std::string_view(arg).substr(1, 1);
      if (arg.size() > 2) {
        inline_value = std::string_view(arg).substr(2);
        has_inline = true;
      }
    }
    const Spec* spec = FindSpec(name);
    if (!spec || (arg[1] != '-' && spec->letter == 0))
      return Status::Error("unknown option '" + arg + "' (see --help)");
    if (spec->kind == Kind::kSwitch) {
      if (has_inline && arg[1] != '-')
        return Status::Error("option " + FlagName(*spec) + " takes no value (in '" + arg + "')");
      if (!has_inline)
        inline_value = "1";
    } else if (!has_inline) {
      if (i + 1 >= args.size())
        return Status::Error("option " + FlagName(*spec) + " needs a value");
      inline_value = args[++i];
    }
    RF_RETURN_IF_ERROR(Apply(*spec, inline_value, line));
    line->settings.emplace_back(spec->name, std::string(inline_value));
  }
  return CheckCompanions(*line);
}

Status CheckFileArguments(const CommandLine& line) {
  // --community names the genomes: the file arguments are the outputs alone (a host joining the
  // genomes puts the joined reference first).
  const bool community = !line.community_path.empty() && !line.community_joined;
  const size_t n = line.positional.size() + (community ? 1 : 0);
  if (community && (n < 2 || n > 3)) {
    return Status::Error(
        "expected <out1.fq> [<out2.fq>] with --community (it names the "
        "genomes), got " +
        std::to_string(n - 1) + " file arguments (see --help)");
  }
  if (n < 2 || n > 3) {
    return Status::Error("expected <ref.fa> <out1.fq> [<out2.fq>], got " + std::to_string(n) +
                         " file arguments (see --help)");
  }
  const bool two_files = line.options.paired() && !line.options.interleaved;
  if (two_files && n != 3) {
    return Status::Error(
        "paired reads need <out1.fq> and <out2.fq> (or --interleaved, or -2 0 for single-end)");
  }
  if (!two_files && n == 3)
    return Status::Error("single-end and interleaved output go to one file: drop <out2.fq>");
  // Standard output carries one output (the mutation list goes there only when nothing else
  // does, or when --mutations - asks for it).
  int on_stdout = 0;
  for (size_t i = community ? 0 : 1; i < line.positional.size(); ++i)
    on_stdout += line.positional[i] == "-";
  for (const std::string* path : {&line.vcf_path, &line.alignments_path, &line.mutations_path,
                                  &line.genome_truth_path, &line.copy_number_truth_path})
    on_stdout += *path == "-";
  if (on_stdout > 1) {
    return Status::Error(
        "more than one output is '-': standard output carries one (name files for the others)");
  }
  // Two outputs into one file would interleave (or truncate) each other's bytes; an output
  // over the reference would destroy it.
  std::vector<const std::string*> files;
  for (size_t i = community ? 0 : 1; i < line.positional.size(); ++i)
    files.push_back(&line.positional[i]);
  for (const std::string* path : {&line.vcf_path, &line.alignments_path, &line.mutations_path,
                                  &line.genome_truth_path, &line.copy_number_truth_path})
    files.push_back(path);
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string& a = *files[i];
    if (a.empty() || a == "-" || a == "/dev/null")
      continue;
    if (!community && a == line.positional[0])
      return Status::Error("'" + a + "' is the reference and an output: name another file");
    for (size_t j = 0; j < i; ++j) {
      if (*files[j] == a)
        return Status::Error("'" + a + "' is named for two outputs: name another file");
    }
  }
  return Status::Ok();
}

Status ParseAndCheckCommandLine(const std::vector<std::string>& args, CommandLine* line) {
  RF_RETURN_IF_ERROR(ParseCommandLine(args, line));
  if (line->help || line->version)
    return Status::Ok();
  RF_RETURN_IF_ERROR(CheckFileArguments(*line));
  SettlePloidy(&line->options);
  return ValidateOptions(line->options);
}

Status QualityBinsFrom(const std::string& value, const std::string& text, Options* options) {
  if (value == "novaseq") {
    options->quality_bins = std::make_shared<const QualityBins>(QualityBins::NovaSeq());
    return Status::Ok();
  }
  QualityBins bins = QualityBins::NovaSeq();
  Status s = QualityBins::Parse(text, &bins);
  if (!s.ok())
    return Status::Error(value + ": " + s.message());
  bins.name = std::string(BaseName(value));
  options->quality_bins = std::make_shared<const QualityBins>(std::move(bins));
  return Status::Ok();
}

Status FragmentHistogramFrom(const std::string& name, const std::string& text, Options* options) {
  FragmentHistogram histogram;
  Status s = FragmentHistogram::Parse(text, &histogram);
  if (!s.ok())
    return Status::Error(name + ": " + s.message());
  histogram.name = std::string(BaseName(name));
  options->fragment_histogram = std::make_shared<const FragmentHistogram>(std::move(histogram));
  return Status::Ok();
}

Status GcBiasFrom(const std::string& name, const std::string& text, Options* options) {
  GcBias bias;
  Status s = GcBias::Parse(text, &bias);
  if (!s.ok())
    return Status::Error(name + ": " + s.message());
  bias.name = std::string(BaseName(name));
  options->gc_bias = std::make_shared<const GcBias>(std::move(bias));
  return Status::Ok();
}

Status SomaticFrom(const std::string& name, const std::string& text, Options* options) {
  if (IsGzip(text))
    return Status::Error(name + ": compressed: give --somatic the plain VCF (bgzip -dc it first)");
  options->somatic_vcf = std::make_shared<const std::string>(text);
  options->somatic_name = name;
  return Status::Ok();
}

Status CopyNumberFrom(const std::string& name,
                      const std::string& text,
                      Options* options,
                      bool somatic) {
  auto copies = std::make_shared<CopyNumbers>();
  RF_RETURN_IF_ERROR(CopyNumbers::Make(name, text, copies.get()));
  (somatic ? options->somatic_copy_number : options->copy_number) = std::move(copies);
  return Status::Ok();
}

Status AmpliconsFrom(const std::string& name, const std::string& text, Options* options) {
  auto panel = std::make_shared<AmpliconPanel>();
  RF_RETURN_IF_ERROR(AmpliconPanel::Make(name, text, panel.get()));
  options->amplicons = std::move(panel);
  return Status::Ok();
}

Status CommunityFrom(const CommandLine& line,
                     const std::string& map_text,
                     const std::string& abundance_text,
                     Options* options) {
  // --community: the map and amounts its host made while joining the genomes (named by it).
  const bool joined = !line.community_path.empty();
  const std::string& map_name = joined ? line.community_path : line.genome_map_path;
  const std::string table_name =
      joined ? (abundance_text.empty() ? "" : line.community_path) : line.abundance_path;
  if (map_name.empty())
    return Status::Ok();  // (the flags that need a map are checked with the others)
  auto community = std::make_shared<Community>();
  RF_RETURN_IF_ERROR(
      Community::Make(map_name, map_text, table_name, abundance_text, community.get()));
  if (community->measure() == Community::Measure::kCoverage && line.pairs_given) {
    return Status::Error(table_name +
                         " gives each genome's fold coverage, which sets the pairs: leave out -N");
  }
  options->community = std::move(community);
  options->community_table = joined ? std::string(BaseName(line.community_path)) : "";
  return Status::Ok();
}

Status ApplySettingFiles(const SettingFiles& files, CommandLine* line) {
  Options* o = &line->options;
  for (size_t i = 0; i < files.bed.size(); ++i) {
    Status s = ParseBed(files.bed[i], &o->regions);
    if (!s.ok() && i < line->bed_paths.size())
      return Status::Error(line->bed_paths[i] + ": " + s.message());
    RF_RETURN_IF_ERROR(s);
  }
  if (!line->quality_bins_path.empty())
    RF_RETURN_IF_ERROR(QualityBinsFrom(line->quality_bins_path, files.quality_bins, o));
  if (!line->fragment_hist_path.empty())
    RF_RETURN_IF_ERROR(FragmentHistogramFrom(line->fragment_hist_path, files.fragment_hist, o));
  if (!line->gc_bias_path.empty())
    RF_RETURN_IF_ERROR(GcBiasFrom(line->gc_bias_path, files.gc_bias, o));
  RF_RETURN_IF_ERROR(CommunityFrom(*line, files.genome_map, files.abundance, o));
  if (!line->copy_number_path.empty())
    RF_RETURN_IF_ERROR(CopyNumberFrom(line->copy_number_path, files.copy_number, o));
  if (!line->somatic_path.empty())
    RF_RETURN_IF_ERROR(SomaticFrom(line->somatic_path, files.somatic, o));
  if (!line->somatic_copy_number_path.empty()) {
    RF_RETURN_IF_ERROR(CopyNumberFrom(line->somatic_copy_number_path, files.somatic_copy_number, o,
                                      /*somatic=*/true));
  }
  if (!line->amplicons_path.empty())
    RF_RETURN_IF_ERROR(AmpliconsFrom(line->amplicons_path, files.amplicons, o));
  return Status::Ok();
}

namespace {

// A host without files must hand over the text of every file a setting names.
Status CheckFilesGiven(const CommandLine& line, const SettingFiles& files) {
  if (!line.quality_bins_path.empty() && files.quality_bins.empty()) {
    return Status::Error("--quality-bins: '" + line.quality_bins_path +
                         "' is not a built-in binning (novaseq); a table comes as a file");
  }
  if (!line.fragment_hist_path.empty() && files.fragment_hist.empty()) {
    return Status::Error("--fragment-hist: '" + line.fragment_hist_path +
                         "' is not inline LENGTH:COUNT,... and a file's text was not given");
  }
  if (!line.gc_bias_path.empty() && files.gc_bias.empty()) {
    return Status::Error("--gc-bias: '" + line.gc_bias_path +
                         "' is not pcr, pcr-free or inline GC:COVERAGE,... and a file's text "
                         "was not given");
  }
  if (!line.community_path.empty() && files.genome_map.empty()) {
    return Status::Error("--community: the map of the joined genomes of '" + line.community_path +
                         "' was not given");
  }
  for (const FileSetting& setting : kFileSettings) {
    const std::string& path = line.*setting.path;
    if (!path.empty() && (files.*setting.text).empty())
      return Status::Error(std::string(setting.flag) + ": the text of '" + path +
                           "' was not given");
  }
  return Status::Ok();
}

}  // namespace

Status OptionsFromSettings(const std::vector<Setting>& settings,
                           const SettingFiles& files,
                           Options* options) {
  CommandLine line;
  for (const auto& [name, value] : settings)
    RF_RETURN_IF_ERROR(SetOption(name, value, &line));
  RF_RETURN_IF_ERROR(CheckCompanions(line));
  if (files.pending) {  // the files' texts come with the run
    SettlePloidy(&line.options);
    RF_RETURN_IF_ERROR(ValidateOptions(line.options));
    *options = line.options;
    return Status::Ok();
  }
  RF_RETURN_IF_ERROR(CheckFilesGiven(line, files));
  RF_RETURN_IF_ERROR(ApplySettingFiles(files, &line));
  SettlePloidy(&line.options);
  RF_RETURN_IF_ERROR(ValidateOptions(line.options));
  *options = line.options;
  options->write_vcf = !line.vcf_path.empty();
  return Status::Ok();
}

std::string CanonicalSettings(const Options& o) {
  std::string out = "readforge";
  auto add = [&](const char* flag, const std::string& value) {
    out += ' ';
    out += flag;
    if (!value.empty())
      out += ' ' + value;
  };
  if (o.coverage > 0)
    add("-C", FormatNumber(o.coverage));
  else
    add("-N", std::to_string(o.num_pairs));
  add("-1", std::to_string(o.read1_length));
  add("-2", std::to_string(o.read2_length));
  add("-d", std::to_string(o.outer_distance));
  add("-s", FormatNumber(o.std_dev));
  if (o.quality_profile)
    add("--profile", o.quality_profile->name);
  else
    add("-e", FormatNumber(o.error_rate));
  add("-r", FormatNumber(o.mutation_rate));
  add("-R", FormatNumber(o.indel_fraction));
  add("-X", FormatNumber(o.indel_extend));
  add("-A", FormatNumber(o.max_n_fraction));
  if (o.haploid)
    add("-h", "");
  if (o.ploidy != 2)
    add("--ploidy", std::to_string(o.ploidy));
  for (const PloidyOverride& p : o.ploidy_overrides)
    add("--ploidy-override", FormatPloidyOverride(p));
  if (o.tumour()) {
    add("--purity", FormatNumber(o.purity));
    std::string clones;
    for (double c : o.clones)
      clones += (clones.empty() ? "" : ",") + FormatNumber(c);
    if (!clones.empty())
      add("--clones", clones);
  }
  add("-S", std::to_string(o.seed));
  if (o.block_size != kDefaultBlockSize)
    add("--block-size", std::to_string(o.block_size));
  if (o.plant_variants) {
    add("--variants", std::string(BaseName(o.variants_name)));
    if (!o.variants_sample.empty())
      add("--sample", o.variants_sample);
    if (o.somatic_vcf)
      add("--somatic", std::string(BaseName(o.somatic_name)));
    if (o.het_fraction > 0)
      add("--het-fraction", FormatNumber(o.het_fraction));
    if (o.skip_mismatches)
      add("--skip-mismatches", "");
  }
  if (o.quality_bins)
    add("--quality-bins", o.quality_bins->name);
  if (o.fragment_histogram)
    add("--fragment-hist", o.fragment_histogram->name);
  if (o.adapters)
    add("--adapters", o.adapters->name());
  if (o.gc_bias)
    add("--gc-bias", o.gc_bias->name);
  if (o.duplicate_rate > 0)
    add("--duplicates", FormatNumber(o.duplicate_rate));
  if (o.optical_duplicate_rate > 0)
    add("--optical-duplicates", FormatNumber(o.optical_duplicate_rate));
  if (o.umi_length + o.umi_length2 > 0) {
    add("--umi", std::to_string(o.umi_length) +
                     (o.umi_length2 > 0 ? "," + std::to_string(o.umi_length2) : ""));
  }
  if (o.umi_inline)
    add("--umi-inline", "");
  if (o.read_names == Options::ReadNames::kIllumina)
    add("--read-names", "illumina");
  if (o.community && !o.community_table.empty()) {
    add("--community", o.community_table);
  } else if (o.community) {
    add("--genome-map", o.community->map_name());
    if (!o.community->table_name().empty())
      add("--abundance", o.community->table_name());
  }
  if (o.abundance_distribution != AbundanceDistribution::kNone) {
    add("--abundance-distribution", AbundanceDistributionName(o.abundance_distribution));
    if (o.abundance_distribution != AbundanceDistribution::kExponential &&
        o.abundance_distribution != AbundanceDistribution::kHalfNormal)
      add("--abundance-sigma", FormatNumber(o.abundance_sigma));
    if (o.abundance_distribution == AbundanceDistribution::kZeroInflatedLogNormal)
      add("--abundance-zeros", FormatNumber(o.abundance_zeros));
  }
  if (o.copy_number)
    add("--copy-number", o.copy_number->name());
  if (o.somatic_copy_number)
    add("--somatic-copy-number", o.somatic_copy_number->name());
  if (o.amplicons) {
    add("--amplicons", o.amplicons->name());
    if (o.amplicon_dropout > 0)
      add("--amplicon-dropout", FormatNumber(o.amplicon_dropout));
    if (o.amplicon_spread > 0)
      add("--amplicon-spread", FormatNumber(o.amplicon_spread));
  }
  for (const Region& r : o.regions)
    add("--region", FormatRegion(r));
  return out;
}

std::string UsageText() {
  std::string text =
      "Usage: readforge [options] <ref.fa|ref.fa.gz|-> <out1.fq|-> [<out2.fq>]\n"
      "       readforge [options] --community genomes.tsv <out1.fq|-> [<out2.fq>]\n"
      "       readforge index <ref.fa|ref.fa.gz>   (writes <ref>.gaps.bed: its N runs)\n"
      "       readforge profile reads_1.fq[.gz] [reads_2.fq[.gz]] > my.profile\n"
      "Simulates sequencing reads from a reference, like wgsim (same flags and read names).\n"
      "The mutation list goes to standard output unless it carries reads or --mutations is "
      "given.\n\nOptions:\n";
  for (const Spec& s : kSpecs) {
    std::string flag = "  ";
    flag += s.letter ? std::string("-") + s.letter + ", " : "    ";
    flag += std::string("--") + s.name;
    if (s.value_name)
      flag += std::string(" ") + s.value_name;
    if (flag.size() < 28)
      flag.resize(28, ' ');
    else
      flag += ' ';
    text += flag + s.help + "\n";
  }
  return text;
}

}  // namespace readforge
