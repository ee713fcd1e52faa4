#include "engine/span_notes.h"

#include <algorithm>

#include "formats/text.h"

namespace readforge {

void SpanNotes::Add(const SpanNote& note) {
  if (note.too_short)
    ++too_short_;
  if (note.says_something() && shown_.size() < kShown)
    shown_.push_back(note);
}

void SpanNotes::Merge(const SpanNotes& part) {
  std::vector<SpanNote> merged;
  size_t a = 0;
  size_t b = 0;
  while (merged.size() < kShown && (a < shown_.size() || b < part.shown_.size())) {
    if (b == part.shown_.size() || (a < shown_.size() && shown_[a].index < part.shown_[b].index)) {
      merged.push_back(shown_[a++]);
    } else if (a == shown_.size() || part.shown_[b].index < shown_[a].index) {
      merged.push_back(part.shown_[b++]);
    } else {  // the same span
      SpanNote note = shown_[a++];
      const SpanNote& other = part.shown_[b++];
      note.dropped_pairs += other.dropped_pairs;
      note.dropped_short += other.dropped_short;
      note.cut_fragments += other.cut_fragments;
      merged.push_back(std::move(note));
    }
  }
  shown_ = std::move(merged);
  too_short_ = std::max(too_short_, part.too_short_);
}

std::vector<std::string> FormatWarnings(const SpanNotes& notes,
                                        const SimulatorStats& stats,
                                        const Options& options) {
  std::vector<std::string> warnings;
  int64_t shown_too_short = 0;
  int64_t shown_cut = 0;
  int64_t shown_dropped = 0;
  for (const SpanNote& n : notes.shown()) {
    shown_too_short += n.too_short;
    shown_cut += n.cut_fragments;
    shown_dropped += n.dropped_pairs;
    if (n.too_short) {
      warnings.push_back(n.span + " (" + std::to_string(n.length) +
                         " bases) is shorter than the longest read (" +
                         std::to_string(options.longest_read()) + "): skipped");
    }
    if (n.cut_fragments > 0) {
      warnings.push_back(n.span + " (" + std::to_string(n.length) +
                         " bases): " + std::to_string(n.cut_fragments) +
                         " fragments were cut to fit before its end or a run of N (-d " +
                         std::to_string(options.outer_distance) + " -s " +
                         FormatNumber(options.std_dev) + " asks for longer ones)");
    }
    if (n.dropped_short > 0) {
      warnings.push_back(n.span + " (" + std::to_string(n.length) +
                         " bases): " + std::to_string(n.dropped_short) +
                         " read pairs could not be placed: deletions leave its haplotypes "
                         "shorter than the reads (" +
                         std::to_string(options.longest_read()) + ") wherever tried");
    }
    if (n.dropped_pairs > n.dropped_short) {
      warnings.push_back(n.span + ": " + std::to_string(n.dropped_pairs - n.dropped_short) +
                         (options.amplicons
                              ? " read pairs could not be placed: their amplicons' reads hold "
                                "more N than -A allows"
                              : " read pairs could not be placed: variants put too many Ns in "
                                "the reads wherever tried"));
    }
  }
  // What the spans not named add up to.
  if (notes.too_short() > shown_too_short) {
    warnings.push_back(std::to_string(notes.too_short() - shown_too_short) +
                       " more contigs or regions (not listed) are shorter than the longest read (" +
                       std::to_string(options.longest_read()) + "): skipped");
  }
  if (stats.cut_fragments > shown_cut) {
    warnings.push_back(std::to_string(stats.cut_fragments - shown_cut) +
                       " more fragments were cut to fit in contigs or regions not listed");
  }
  if (stats.dropped_pairs > shown_dropped) {
    warnings.push_back(std::to_string(stats.dropped_pairs - shown_dropped) +
                       " more read pairs could not be placed in contigs or regions not listed");
  }
  const SimulatorStats::Planted& p = stats.planted;
  if (p.overlapping > 0) {
    warnings.push_back("--variants: " + std::to_string(p.overlapping) +
                       " records overlap an earlier one and were not planted (the first wins)");
  }
  if (p.mismatches > 0) {
    warnings.push_back("--variants: " + std::to_string(p.mismatches) +
                       " records have a REF that is not the reference's: skipped");
  }
  if (p.outside > 0) {
    warnings.push_back("--variants: " + std::to_string(p.outside) +
                       " records lie outside what was simulated (other contigs or regions, or "
                       "across a region's end)");
  }
  if (options.amplicons && !options.fragment_histogram) {
    // Amplicons a library of this fragment-length model would rarely hold.
    const double most = static_cast<double>(options.outer_distance) + 4 * options.std_dev;
    int64_t longer = 0;
    const AmpliconRecord* longest = nullptr;
    for (const AmpliconRecord& a : options.amplicons->amplicons()) {
      if (static_cast<double>(a.end - a.begin) <= most)
        continue;
      ++longer;
      if (!longest || a.end - a.begin > longest->end - longest->begin)
        longest = &a;
    }
    if (longer > 0) {
      warnings.push_back("--amplicons: " + std::to_string(longer) +
                         " amplicons are longer than the fragment-length model allows (-d " +
                         std::to_string(options.outer_distance) + " + 4 x -s " +
                         FormatNumber(options.std_dev) + " = " + FormatNumber(most) +
                         " bases; the longest, " + longest->name + ", has " +
                         std::to_string(longest->end - longest->begin) + "): simulated as given");
    }
  }
  return warnings;
}

}  // namespace readforge
