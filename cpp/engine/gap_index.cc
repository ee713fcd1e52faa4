#include "engine/gap_index.h"

#include <algorithm>

#include "engine/text.h"

namespace readforge {
namespace {

constexpr std::string_view kMagic = "#readforge-gaps";
constexpr int64_t kVersion = 1;

struct Declared {
  int64_t n_bases = 0;
  int64_t runs = 0;
};

}  // namespace

Status GapIndex::Parse(std::string_view text, GapIndex* index) {
  index->contigs_.clear();
  index->by_name_.clear();
  std::unordered_map<std::string, size_t>& by_name = index->by_name_;
  std::vector<Declared> declared;
  int64_t line_number = 0;
  std::string_view line;
  size_t current = 0;  // runs must come contig by contig, in the declared order
  bool runs_started = false;
  while (NextLine(&text, &line)) {
    ++line_number;
    auto fail = [&](const std::string& what) {
      return Status::Error("line " + std::to_string(line_number) + ": " + what);
    };
    if (line_number == 1) {
      std::string_view magic = NextTabField(&line);
      int64_t version = 0;
      if (magic != kMagic || !ParseInt64(NextTabField(&line), &version)) {
        return fail(
            "expected '#readforge-gaps<TAB>1' (is this a sidecar written by `readforge "
            "index`?)");
      }
      if (version != kVersion) {
        return fail("format version " + std::to_string(version) +
                    " is not one this readforge reads (1): make it again with `readforge index`");
      }
      continue;
    }
    if (line.empty())
      continue;
    std::string_view first = NextTabField(&line);
    if (first == "#contig") {
      if (runs_started)
        return fail("'#contig' line after the first run (the header comes first)");
      ContigGaps contig;
      contig.name = std::string(NextTabField(&line));
      Declared d;
      if (contig.name.empty() || !ParseInt64(NextTabField(&line), &contig.length) ||
          !ParseInt64(NextTabField(&line), &d.n_bases) ||
          !ParseInt64(NextTabField(&line), &d.runs) || contig.length < 0 || d.n_bases < 0 ||
          d.runs < 0 || d.n_bases > contig.length) {
        return fail("expected '#contig<TAB>NAME<TAB>LENGTH<TAB>N_BASES<TAB>RUNS'");
      }
      if (!by_name.emplace(contig.name, index->contigs_.size()).second)
        return fail("contig '" + contig.name + "' is listed twice");
      index->contigs_.push_back(std::move(contig));
      declared.push_back(d);
      continue;
    }
    if (!first.empty() && first[0] == '#')
      continue;  // a comment
    runs_started = true;
    auto it = by_name.find(std::string(first));
    if (it == by_name.end())
      return fail("a run on '" + std::string(first) + "', which no '#contig' line declares");
    NRun run;
    if (!ParseInt64(NextTabField(&line), &run.begin) ||
        !ParseInt64(NextTabField(&line), &run.end)) {
      return fail("expected 'CONTIG<TAB>BEGIN<TAB>END' (a BED line)");
    }
    if (it->second < current)
      return fail("runs on '" + std::string(first) + "' must come before those of later contigs");
    current = it->second;
    ContigGaps& contig = index->contigs_[current];
    if (run.begin < 0 || run.end <= run.begin || run.end > contig.length) {
      return fail("run " + std::to_string(run.begin) + "-" + std::to_string(run.end) +
                  " is not inside " + contig.name + " (length " + std::to_string(contig.length) +
                  ")");
    }
    if (!contig.runs.empty() && run.begin <= contig.runs.back().end)
      return fail("runs on " + contig.name + " are out of order, overlap or touch");
    contig.runs.push_back(run);
  }
  if (line_number == 0)
    return Status::Error("empty (expected '#readforge-gaps<TAB>1' on the first line)");
  for (size_t i = 0; i < index->contigs_.size(); ++i) {
    const ContigGaps& c = index->contigs_[i];
    int64_t n_bases = 0;
    for (const NRun& r : c.runs)
      n_bases += r.end - r.begin;
    if (static_cast<int64_t>(c.runs.size()) != declared[i].runs || n_bases != declared[i].n_bases) {
      return Status::Error("truncated or edited: " + c.name + " has " +
                           std::to_string(c.runs.size()) + " runs of " + std::to_string(n_bases) +
                           " N bases, its header says " + std::to_string(declared[i].runs) +
                           " runs of " + std::to_string(declared[i].n_bases) +
                           " (make it again with `readforge index`)");
    }
  }
  if (index->contigs_.empty())
    return Status::Error("no '#contig' lines (is this a sidecar written by `readforge index`?)");
  return Status::Ok();
}

std::string GapIndex::Format() const {
  std::string out = std::string(kMagic) + "\t" + std::to_string(kVersion) + "\n";
  for (const ContigGaps& c : contigs_) {
    int64_t n_bases = 0;
    for (const NRun& r : c.runs)
      n_bases += r.end - r.begin;
    out += "#contig\t" + c.name + "\t" + std::to_string(c.length) + "\t" + std::to_string(n_bases) +
           "\t" + std::to_string(c.runs.size()) + "\n";
  }
  for (const ContigGaps& c : contigs_) {
    for (const NRun& r : c.runs)
      out += c.name + "\t" + std::to_string(r.begin) + "\t" + std::to_string(r.end) + "\n";
  }
  return out;
}

Status GapIndex::CheckContigs(const std::vector<ContigInfo>& contigs) const {
  const std::string what = "does not match the reference (made from another one?): ";
  if (contigs.size() != contigs_.size()) {
    return Status::Error(what + "it lists " + std::to_string(contigs_.size()) +
                         " contigs, the reference has " + std::to_string(contigs.size()));
  }
  for (size_t i = 0; i < contigs.size(); ++i) {
    if (contigs[i].name != contigs_[i].name || contigs[i].length != contigs_[i].length) {
      return Status::Error(what + "contig " + std::to_string(i + 1) + " is " + contigs_[i].name +
                           " of " + std::to_string(contigs_[i].length) + " bases in it, " +
                           contigs[i].name + " of " + std::to_string(contigs[i].length) +
                           " in the reference");
    }
  }
  return Status::Ok();
}

std::vector<ContigInfo> GapIndex::Contigs() const {
  std::vector<ContigInfo> contigs;
  contigs.reserve(contigs_.size());
  for (const ContigGaps& c : contigs_)
    contigs.push_back(ContigInfo{c.name, c.length});
  return contigs;
}

const ContigGaps* GapIndex::Find(const std::string& name) const {
  int64_t i = IndexOf(name);
  return i < 0 ? nullptr : &contigs_[static_cast<size_t>(i)];
}

int64_t GapIndex::IndexOf(const std::string& name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? -1 : static_cast<int64_t>(it->second);
}

size_t GapIndex::AddContig(std::string name, int64_t length) {
  by_name_.emplace(name, contigs_.size());
  contigs_.push_back(ContigGaps{std::move(name), length, {}});
  return contigs_.size() - 1;
}

std::vector<NRun> GapIndex::RunsIn(const ContigGaps& contig, int64_t begin, int64_t end) const {
  std::vector<NRun> runs;
  auto it = std::lower_bound(contig.runs.begin(), contig.runs.end(), begin,
                             [](const NRun& r, int64_t pos) { return r.end <= pos; });
  for (; it != contig.runs.end() && it->begin < end; ++it)
    runs.push_back(NRun{std::max(it->begin, begin) - begin, std::min(it->end, end) - begin});
  return runs;
}

}  // namespace readforge
