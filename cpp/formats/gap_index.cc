#include "formats/gap_index.h"

#include <algorithm>

#include "formats/text.h"

namespace readforge {
namespace {

constexpr std::string_view kMagic = "#readforge-gaps";
constexpr int64_t kVersion = 1;

struct Declared {
  int64_t n_bases = 0;
  int64_t runs = 0;
};

}  // namespace

Status GapIndex::Parse(std::string_view text,
                       ContigList* contigs,
                       GapIndex* index,
                       std::string* md5) {
  *contigs = ContigList();
  *index = GapIndex();
  std::string digests;
  bool every_digest = true;
  index->known_ = true;
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
      std::string_view name = NextTabField(&line);
      int64_t length = 0;
      Declared d;
      if (name.empty() || !ParseInt64(NextTabField(&line), &length) ||
          !ParseInt64(NextTabField(&line), &d.n_bases) ||
          !ParseInt64(NextTabField(&line), &d.runs) || length < 0 || d.n_bases < 0 || d.runs < 0 ||
          d.n_bases > length) {
        return fail("expected '#contig<TAB>NAME<TAB>LENGTH<TAB>N_BASES<TAB>RUNS'");
      }
      if (!contigs->AddUnique(name, length))
        return fail("contig '" + std::string(name) + "' is listed twice");
      declared.push_back(d);
      const std::string_view digest = NextTabField(&line);
      if (digest.empty()) {
        every_digest = false;
      } else if (!AppendHexBytes(digest, 16, &digests)) {
        return fail("'" + std::string(digest) + "' is not an MD5 (32 hexadecimal digits)");
      }
      continue;
    }
    if (!first.empty() && first[0] == '#')
      continue;  // a comment
    runs_started = true;
    // Runs come in contig order: most lines name the contig of the line before.
    int64_t i = current < contigs->size() && contigs->name(current) == first
                    ? static_cast<int64_t>(current)
                    : contigs->IndexOf(first);
    if (i < 0)
      return fail("a run on '" + std::string(first) + "', which no '#contig' line declares");
    NRun run;
    if (!ParseInt64(NextTabField(&line), &run.begin) ||
        !ParseInt64(NextTabField(&line), &run.end)) {
      return fail("expected 'CONTIG<TAB>BEGIN<TAB>END' (a BED line)");
    }
    if (static_cast<size_t>(i) < current)
      return fail("runs on '" + std::string(first) + "' must come before those of later contigs");
    current = static_cast<size_t>(i);
    const int64_t length = contigs->length(current);
    if (run.begin < 0 || run.end <= run.begin || run.end > length) {
      return fail("run " + std::to_string(run.begin) + "-" + std::to_string(run.end) +
                  " is not inside " + std::string(first) + " (length " + std::to_string(length) +
                  ")");
    }
    std::vector<ContigRun>& runs = index->runs_;
    if (!runs.empty() && runs.back().contig == current && run.begin <= runs.back().run.end)
      return fail("runs on " + std::string(first) + " are out of order, overlap or touch");
    runs.push_back(ContigRun{current, run});
  }
  if (line_number == 0)
    return Status::Error("empty (expected '#readforge-gaps<TAB>1' on the first line)");
  size_t r = 0;
  for (size_t i = 0; i < contigs->size(); ++i) {
    int64_t n_bases = 0;
    int64_t count = 0;
    for (; r < index->runs_.size() && index->runs_[r].contig == i; ++r, ++count)
      n_bases += index->runs_[r].run.end - index->runs_[r].run.begin;
    if (count != declared[i].runs || n_bases != declared[i].n_bases) {
      return Status::Error("truncated or edited: " + std::string(contigs->name(i)) + " has " +
                           std::to_string(count) + " runs of " + std::to_string(n_bases) +
                           " N bases, its header says " + std::to_string(declared[i].runs) +
                           " runs of " + std::to_string(declared[i].n_bases) +
                           " (make it again with `readforge index`)");
    }
  }
  if (contigs->empty())
    return Status::Error("no '#contig' lines (is this a sidecar written by `readforge index`?)");
  if (md5)
    *md5 = every_digest ? std::move(digests) : std::string();
  return Status::Ok();
}

std::string GapIndex::Format(const ContigList& contigs, std::string_view md5) const {
  std::string out = std::string(kMagic) + "\t" + std::to_string(kVersion) + "\n";
  size_t r = 0;
  for (size_t i = 0; i < contigs.size(); ++i) {
    int64_t n_bases = 0;
    size_t count = 0;
    for (; r < runs_.size() && runs_[r].contig == i; ++r, ++count)
      n_bases += runs_[r].run.end - runs_[r].run.begin;
    out += "#contig\t";
    out += contigs.name(i);
    out += "\t" + std::to_string(contigs.length(i)) + "\t" + std::to_string(n_bases) + "\t" +
           std::to_string(count);
    if (md5.size() == 16 * contigs.size())
      out += "\t" + HexOf(md5.substr(16 * i, 16));
    out += "\n";
  }
  for (const ContigRun& r : runs_) {
    out += contigs.name(r.contig);
    out += "\t" + std::to_string(r.run.begin) + "\t" + std::to_string(r.run.end) + "\n";
  }
  return out;
}

void GapIndex::AddRuns(size_t contig, const std::vector<NRun>& runs) {
  for (const NRun& run : runs)
    runs_.push_back(ContigRun{contig, run});
}

int64_t GapIndex::n_bases() const {
  int64_t n = 0;
  for (const ContigRun& r : runs_)
    n += r.run.end - r.run.begin;
  return n;
}

std::vector<NRun> GapIndex::RunsIn(size_t contig, int64_t begin, int64_t end) const {
  std::vector<NRun> runs;
  auto it = std::lower_bound(runs_.begin(), runs_.end(), std::make_pair(contig, begin),
                             [](const ContigRun& r, const std::pair<size_t, int64_t>& at) {
                               return r.contig < at.first ||
                                      (r.contig == at.first && r.run.end <= at.second);
                             });
  for (; it != runs_.end() && it->contig == contig && it->run.begin < end; ++it)
    runs.push_back(
        NRun{std::max(it->run.begin, begin) - begin, std::min(it->run.end, end) - begin});
  return runs;
}

Status CheckSidecarContigs(const ContigList& sidecar, const ContigList& reference) {
  const std::string what = "does not match the reference (made from another one?): ";
  if (sidecar.size() != reference.size()) {
    return Status::Error(what + "it lists " + std::to_string(sidecar.size()) +
                         " contigs, the reference has " + std::to_string(reference.size()));
  }
  for (size_t i = 0; i < reference.size(); ++i) {
    if (reference.name(i) != sidecar.name(i) || reference.length(i) != sidecar.length(i)) {
      return Status::Error(what + "contig " + std::to_string(i + 1) + " is " +
                           std::string(sidecar.name(i)) + " of " +
                           std::to_string(sidecar.length(i)) + " bases in it, " +
                           std::string(reference.name(i)) + " of " +
                           std::to_string(reference.length(i)) + " in the reference");
    }
  }
  return Status::Ok();
}

}  // namespace readforge
