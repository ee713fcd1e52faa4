// Everything else a user types or points at: region strings, BED files, .fai indexes, quality
// bin tables, fragment-length histograms, adapters, GC curves, genome maps with abundance tables,
// amplicon panels, copy-number segments and command lines. Parsers either
// refuse with a message or return values inside their ranges.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "engine/adapters.h"
#include "engine/amplicons.h"
#include "engine/arguments.h"
#include "engine/community.h"
#include "engine/copy_number.h"
#include "engine/gc_bias.h"
#include "engine/ploidy.h"
#include "engine/quality_bins.h"
#include "engine/quality_profile.h"
#include "engine/simulator.h"
#include "formats/community_joiner.h"
#include "formats/community_tables.h"
#include "formats/fai.h"
#include "formats/fragment_histogram.h"
#include "formats/region.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace readforge;
  fuzz::Bytes bytes(data, size);
  const int which = bytes.Byte() % 12;
  const std::string text(bytes.Rest());
  if (which == 0) {
    Region r;
    Status s = ParseRegion(text, &r);
    FUZZ_CHECK(s.ok() || !s.message().empty(), "a silent failure");
    if (s.ok())
      FUZZ_CHECK(r.begin >= 0 && (r.end < 0 || r.end >= r.begin + 1),
                 "an empty or negative region");
  } else if (which == 1) {
    std::vector<Region> regions;
    Status s = ParseBed(text, &regions);
    FUZZ_CHECK(s.ok() || s.message().rfind("BED line ", 0) == 0, "a BED error without a line");
    for (const Region& r : regions)
      FUZZ_CHECK(r.begin >= 0 && r.end > r.begin && !r.contig.empty(), "a bad BED interval");
  } else if (which == 2) {
    FaiIndex fai;
    Status s = ParseFai(text, &fai);
    FUZZ_CHECK(s.ok() || !s.message().empty(), "a silent failure");
    FUZZ_CHECK(fai.contigs.size() == fai.layouts.size(), "contigs without layouts");
    for (size_t i = 0; i < fai.contigs.size(); ++i) {
      FUZZ_CHECK(fai.contigs.length(i) >= 0 && !fai.contigs.name(i).empty(), "bad entry");
      FUZZ_CHECK(fai.layouts[i].line_width >= fai.layouts[i].line_bases, "bad layout");
      FUZZ_CHECK(fai.contigs.IndexOf(fai.contigs.name(i)) == static_cast<int64_t>(i),
                 "a name not found, or listed twice");
    }
  } else if (which == 3) {
    QualityBins bins = QualityBins::NovaSeq();
    Status s = QualityBins::Parse(text, &bins);
    FUZZ_CHECK(s.ok() || !s.message().empty(), "a silent failure");
    for (int c = 0; c < 256 && s.ok(); ++c) {
      const int q = static_cast<unsigned char>(bins.Map(static_cast<char>(c)));
      FUZZ_CHECK(c < 33 || c > 33 + kMaxPhred || (q >= 33 && q <= 33 + kMaxPhred),
                 "a quality binned outside Phred+33");
    }
  } else if (which == 4 || which == 5) {
    // The TSV, or the inline LEN:COUNT,... form; each formats back to what parses to itself.
    FragmentHistogram h;
    const bool as_inline = which == 5;
    Status s =
        as_inline ? FragmentHistogram::ParseInline(text, &h) : FragmentHistogram::Parse(text, &h);
    FUZZ_CHECK(s.ok() || !s.message().empty(), "a silent failure");
    if (s.ok()) {
      FUZZ_CHECK(!h.empty() && h.shortest() >= 1 && h.longest() <= FragmentHistogram::kMaxLength,
                 "an empty histogram or a length out of range");
      FUZZ_CHECK(h.LengthAt(0) == h.shortest() && h.LengthAt(h.total() - 1) == h.longest(),
                 "draws outside the histogram");
      FragmentHistogram again;
      FUZZ_CHECK(FragmentHistogram::Parse(h.Format(), &again).ok() &&
                     again.Format() == h.Format() && again.total() == h.total(),
                 "Format() does not parse back to the same histogram");
      FUZZ_CHECK(FragmentHistogram::IsInline(h.FormatInline()) &&
                     FragmentHistogram::ParseInline(h.FormatInline(), &again).ok() &&
                     again.Format() == h.Format(),
                 "FormatInline() does not parse back to the same histogram");
    }
  } else if (which == 6) {
    Adapters a;
    Status s = Adapters::Parse(text, &a);
    FUZZ_CHECK(s.ok() || s.message().rfind("--adapters: ", 0) == 0, "an unnamed adapter error");
    for (int mate = 0; mate < 2 && s.ok(); ++mate) {
      const std::string& adapter = a.sequence(mate);
      FUZZ_CHECK(!adapter.empty() && adapter.size() <= Adapters::kMaxLength &&
                     adapter.find_first_not_of("ACGT") == std::string::npos,
                 "an adapter of other than 1 to kMaxLength of A, C, G, T");
      std::string read(adapter.size() + 7, '\0');
      a.ReadThrough(mate, &read[0], static_cast<int64_t>(read.size()));
      FUZZ_CHECK(read == adapter + "GGGGGGG", "read-through is not the adapter, then poly-G");
    }
  } else if (which == 7) {
    // A GC curve, as a TSV or inline: coverage in (0, 1] everywhere.
    GcBias bias;
    Status s =
        GcBias::IsInline(text) ? GcBias::ParseInline(text, &bias) : GcBias::Parse(text, &bias);
    FUZZ_CHECK(s.ok() || !s.message().empty(), "a silent failure");
    // (Its highest point is 1, but it may lie between the thousandths sampled here.)
    for (int step = 0; step <= GcBias::kSteps && s.ok(); ++step) {
      const double c = bias.Coverage(static_cast<double>(step) / GcBias::kSteps);
      FUZZ_CHECK(c > 0 && c <= 1, "a coverage outside (0, 1]");
    }
    FUZZ_CHECK(!s.ok() || bias.Keep(1, 2, ~uint64_t{0} - 1) == (bias.Coverage(0.5) >= 1),
               "Keep disagrees with Coverage");
  } else if (which == 9) {
    // A genome map, then (after the first NUL) an abundance table.
    const size_t cut = text.find('\0');
    const bool table = cut != std::string::npos;
    Community c;
    Status s = Community::Make("map.tsv", text.substr(0, cut), table ? "ab.tsv" : "",
                               table ? text.substr(cut + 1) : "", &c);
    FUZZ_CHECK(
        s.ok() || s.message().rfind("map.tsv: ", 0) == 0 || s.message().rfind("ab.tsv: ", 0) == 0,
        "an error that names neither table");
    if (s.ok()) {
      FUZZ_CHECK(!c.genomes().empty() && c.map_size() == c.map_contigs().size(),
                 "a map without genomes, or with contigs twice");
      for (const std::string& contig : c.map_contigs()) {
        const int64_t g = c.GenomeOf(contig);
        FUZZ_CHECK(g >= 0 && g < static_cast<int64_t>(c.genomes().size()), "a contig lost");
      }
      double sum = 0;
      for (double a : c.amounts()) {
        FUZZ_CHECK(a >= 0 && std::isfinite(a), "a negative or infinite amount");
        sum += a;
      }
      FUZZ_CHECK(c.amounts().size() == (table ? c.genomes().size() : 0), "amounts not per genome");
      FUZZ_CHECK(c.measure() != Community::Measure::kAbundance || std::fabs(sum - 1) < 1e-9,
                 "abundances not normalised");
    }
    // The same bytes as a --community table, and as two genomes' FASTA joined: the joined bytes
    // and map do not depend on how the input is cut.
    CommunityTable genomes;
    Status t = ParseCommunityTable(text, &genomes);
    FUZZ_CHECK(t.ok() || t.message().rfind("community table", 0) == 0, "an unnamed table error");
    for (const CommunityMember& m : genomes.members)
      FUZZ_CHECK(!m.genome.empty() && m.genome.find('|') == std::string::npos, "a bad genome");
    auto join = [&](size_t piece) {
      CommunityJoiner joiner;
      std::string out;
      const std::string halves[] = {text.substr(0, text.size() / 2), text.substr(text.size() / 2)};
      for (int g = 0; g < 2; ++g) {
        joiner.StartGenome(g == 0 ? "A" : "B");
        for (size_t at = 0; at < halves[g].size(); at += piece)
          joiner.Push(halves[g].data() + at, std::min(piece, halves[g].size() - at), &out);
        joiner.EndGenome(&out);
      }
      return out + '\0' + joiner.map_text();
    };
    FUZZ_CHECK(join(1) == join(1 << 20) && join(3) == join(1), "the join depends on the pieces");
  } else if (which == 10) {
    // The same bytes as copy-number segments, and as a VCF's <CNV> records: sound ones, or one
    // error naming the file.
    for (const std::string& given :
         {std::string(text), "##fileformat=VCFv4.3\n" + std::string(text)}) {
      CopyNumbers copies;
      Status c = CopyNumbers::Make("cn.bed", given, &copies);
      FUZZ_CHECK(c.ok() || c.message().rfind("cn.bed: ", 0) == 0, "an unnamed segment error");
      if (c.ok()) {
        const ContigList known({{"chr1", 5000}, {"chr2", 300}});
        // Diploid, haploid (-h), and triploid with a haploid stretch: the segments split over
        // the ploidy's stretches, sorted and disjoint, each haplotype's copies within range.
        for (int kind = 0; kind < 3; ++kind) {
          Options o;
          o.copy_number = std::make_shared<const CopyNumbers>(copies);
          o.haploid = kind == 1;
          if (kind == 2) {
            o.ploidy = 3;
            PloidyOverride p;
            FUZZ_CHECK(ParsePloidyOverride("chr1:1001-3000=1", &p).ok(), "a known override");
            o.ploidy_overrides.push_back(p);
          }
          if (!copies.Check(known, o).ok())
            continue;
          int64_t last_end = 0;
          for (const CopySpan& s : CopiesIn(o, "chr1", 0, 5000)) {
            const int ploidy = kind == 1                                       ? 1
                               : kind == 2 && s.begin >= 1000 && s.end <= 3000 ? 1
                               : kind == 2                                     ? 3
                                                                               : 2;
            bool beyond = false;  // copies on a haplotype the place does not have
            for (int h = ploidy; h < kMaxPloidy; ++h)
              beyond |= s.copies[static_cast<size_t>(h)] != 0;
            FUZZ_CHECK(s.begin >= last_end && s.end > s.begin && s.end <= 5000 && s.total() >= 0 &&
                           s.total() <= kMaxCopies && !beyond,
                       "a bad segment");
            last_end = s.end;
          }
        }
      }
    }
    // An amplicon panel: intervals on known contigs within them, or one error naming the line.
    AmpliconPanel panel;
    Status s = AmpliconPanel::Make("panel.bed", text, &panel);
    FUZZ_CHECK(s.ok() || s.message().rfind("panel.bed: ", 0) == 0, "an unnamed panel error");
    if (s.ok()) {
      for (const AmpliconRecord& a : panel.amplicons()) {
        FUZZ_CHECK(a.begin >= 0 && a.end > a.begin && a.end - a.begin <= panel.longest() &&
                       a.weight >= 0 && !a.name.empty() && a.line > 0,
                   "a bad amplicon");
      }
      const ContigList contigs({{"chr1", 5000}, {"chr2", 300}});
      Status checked = panel.Check(contigs, 50, false);
      FUZZ_CHECK(checked.ok() || checked.message().rfind("panel.bed line ", 0) == 0,
                 "a check error without its line");
      std::vector<int64_t> counts;
      if (checked.ok() && DrawAmpliconPairs(panel, 1, 0.5, 1, 1000, &counts).ok()) {
        int64_t total = 0;
        for (size_t i = 0; i < counts.size(); ++i) {
          FUZZ_CHECK(counts[i] >= 0, "negative pairs");
          total += counts[i];
        }
        FUZZ_CHECK(total == 1000, "amplicon pairs do not add up to -N");
      }
    }
  } else if (which == 11) {
    PloidyOverride p;
    Status s = ParsePloidyOverride(text, &p);
    FUZZ_CHECK(s.ok() || s.message().rfind("--ploidy-override", 0) == 0,
               "an override error that does not name the flag");
    if (s.ok()) {
      FUZZ_CHECK(p.ploidy >= 1 && p.ploidy <= kMaxPloidy && !p.region.contig.empty(),
                 "an override out of range");
      const ContigList contigs{{p.region.contig, 5000}};
      if (CheckPloidyOverrides({p}, contigs).ok()) {
        const std::vector<PloidySpan> spans = PloidyIn({p}, 2, p.region.contig, 100, 4000);
        for (const PloidySpan& span : spans) {
          FUZZ_CHECK(span.begin >= 0 && span.begin < span.end && span.end <= 3900 &&
                         span.ploidy == p.ploidy,
                     "a ploidy stretch outside its span");
        }
      }
    }
  } else {
    // A command line: NUL-separated words. Whatever it says, planning a run must not crash.
    std::vector<std::string> args;
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '\0') {
        args.push_back(text.substr(start, i - start));
        start = i + 1;
      }
    }
    CommandLine line;
    if (ParseAndCheckCommandLine(args, &line).ok() && !line.help && !line.version) {
      FUZZ_CHECK(ValidateOptions(line.options).ok(), "accepted options that do not validate");
      Options o = line.options;
      o.num_pairs = o.num_pairs % 1000;
      Simulator sim(o, {{"chr1", 5000}, {"chr2", 300}});
      Status s = sim.Start();
      FUZZ_CHECK(s.ok() || !s.message().empty(), "a silent failure");
    }
  }
  return 0;
}
