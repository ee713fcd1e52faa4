#include "engine/run_merge.h"

#include <sstream>

namespace readforge {

void RunMerge::Add(const SimulatorStats& stats, const SpanNotes& notes) {
  AddStats(stats, &stats_);
  if (first_) {
    notes_ = notes;
    first_ = false;
    return;
  }
  notes_.Merge(notes);
}

std::string RunMerge::Encode(const SimulatorStats& s, const SpanNotes& notes) {
  std::ostringstream out;
  out << "stats " << s.reference_bases << ' ' << s.contigs << ' ' << s.pairs << ' ' << s.read_bases
      << ' ' << s.errors << ' ' << s.dropped_pairs << ' ' << s.cut_fragments << ' ' << s.snps << ' '
      << s.insertions << ' ' << s.deletions << ' ' << s.fragment_length_sum << '\n';
  out << "histogram " << s.fragment_lengths.start << ' ' << s.fragment_lengths.width;
  for (int64_t count : s.fragment_lengths.counts)
    out << ' ' << count;
  out << '\n';
  for (const std::vector<int64_t>& sums : s.cycle_quality_sums) {
    out << "cycles " << sums.size();
    for (int64_t sum : sums)
      out << ' ' << sum;
    out << '\n';
  }
  out << "duplicates " << s.pcr_duplicates << ' ' << s.optical_duplicates << '\n';
  out << "planted " << s.planted.planted << ' ' << s.planted.mismatches << ' '
      << s.planted.overlapping << ' ' << s.planted.outside << '\n';
  for (const SpanCoverage& c : s.coverage) {
    out << "coverage " << c.begin << ' ' << c.length << ' ' << c.width << ' ' << c.fragments.size();
    for (int64_t count : c.fragments)
      out << ' ' << count;
    for (int64_t count : c.n_bases)
      out << ' ' << count;
    out << ' ' << c.contig << '\n';
  }
  out << "too-short " << notes.too_short() << '\n';
  for (const SpanNote& n : notes.shown()) {
    out << "note " << n.index << ' ' << n.length << ' ' << n.too_short << ' ' << n.dropped_pairs
        << ' ' << n.dropped_short << ' ' << n.cut_fragments << ' ' << n.span << '\n';
  }
  return out.str();
}

Status RunMerge::AddEncoded(std::string_view text) {
  SimulatorStats s;
  SpanNotes notes;
  std::istringstream in{std::string(text)};
  size_t mate = 0;
  for (std::string key; in >> key;) {
    if (key == "stats") {
      in >> s.reference_bases >> s.contigs >> s.pairs >> s.read_bases >> s.errors >>
          s.dropped_pairs >> s.cut_fragments >> s.snps >> s.insertions >> s.deletions >>
          s.fragment_length_sum;
    } else if (key == "histogram") {
      in >> s.fragment_lengths.start >> s.fragment_lengths.width;
      for (int64_t& count : s.fragment_lengths.counts)
        in >> count;
    } else if (key == "cycles" && mate < 2) {
      size_t n = 0;
      in >> n;
      if (n > 100000)
        return Status::Error("a damaged run report");
      s.cycle_quality_sums[mate].resize(n);
      for (int64_t& sum : s.cycle_quality_sums[mate++])
        in >> sum;
    } else if (key == "duplicates") {
      in >> s.pcr_duplicates >> s.optical_duplicates;
    } else if (key == "planted") {
      in >> s.planted.planted >> s.planted.mismatches >> s.planted.overlapping >> s.planted.outside;
    } else if (key == "coverage") {
      SpanCoverage c;
      size_t bins = 0;
      in >> c.begin >> c.length >> c.width >> bins;
      if (bins > SpanCoverage::kMaxBins || c.width < SpanCoverage::kMinWidth)
        return Status::Error("a damaged run report");
      c.fragments.resize(bins);
      c.n_bases.resize(bins);
      for (int64_t& count : c.fragments)
        in >> count;
      for (int64_t& count : c.n_bases)
        in >> count;
      in >> c.contig;
      s.coverage.push_back(std::move(c));
    } else if (key == "too-short") {
      int64_t count = 0;
      in >> count;
      notes.set_too_short(count);
    } else if (key == "note") {
      SpanNote note;
      in >> note.index >> note.length >> note.too_short >> note.dropped_pairs >>
          note.dropped_short >> note.cut_fragments;
      in.get();  // the space before the span's name, which may hold spaces itself
      std::getline(in, note.span);
      if (!in || notes.shown().size() >= SpanNotes::kShown ||
          (!notes.shown().empty() && notes.shown().back().index >= note.index))
        return Status::Error("a damaged run report");
      notes.AddShown(std::move(note));
      continue;
    } else {
      return Status::Error("a damaged run report");
    }
    if (!in)
      return Status::Error("a damaged run report");
  }
  Add(s, notes);
  return Status::Ok();
}

}  // namespace readforge
