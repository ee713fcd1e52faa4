#include "eval/alneval.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "formats/bam_record.h"

namespace readforge {

void AlnEval::Add(const AlignmentLine& line, const SimulatedName& name) {
  const int bin = line.mapq / 10;
  max_bin_ = std::max(max_bin_, bin);
  if ((line.flag & kFlagUnmapped) || line.contig == "*")
    return;
  // The reference span, and the same with the clipped bases at either end.
  int64_t span = 0;
  for (uint32_t op : line.cigar) {
    const uint32_t kind = CigarOpOf(op);
    if (kind == kCigarMatch || kind == kCigarDeletion || kind == kCigarSkip ||
        kind == kCigarEqual || kind == kCigarDiff)
      span += CigarLengthOf(op);
  }
  int64_t left = line.pos, right = line.pos + span - 1;
  int64_t left0 = left, right0 = right;
  auto clip = [](uint32_t op) {
    const uint32_t kind = CigarOpOf(op);
    return kind == kCigarSoftClip || kind == kCigarHardClip ? int64_t{CigarLengthOf(op)} : 0;
  };
  if (!line.cigar.empty()) {
    left -= clip(line.cigar.front());
    right0 += clip(line.cigar.front());
    right += clip(line.cigar.back());
    left0 -= clip(line.cigar.back());
  }
  bool correct = true;
  if (name.contig != line.contig) {
    correct = false;
  } else if (line.flag & kFlagReverse) {
    correct = !(std::llabs(name.right - right) > gap_ && std::llabs(name.right - right0) > gap_);
  } else {
    correct = !(std::llabs(name.left - left) > gap_ && std::llabs(name.left - left0) > gap_);
  }
  ++mapped_[static_cast<size_t>(bin)];
  wrong_[static_cast<size_t>(bin)] += !correct;
  auto& at = by_mapq_[line.mapq];
  ++at.first;
  at.second += !correct;
}

std::vector<AlnEval::Row> AlnEval::Rows() const {
  std::vector<Row> rows;
  int64_t cumulative = 0, cumulative_wrong = 0;
  for (int bin = max_bin_; bin >= 0; --bin) {
    const size_t b = static_cast<size_t>(bin);
    cumulative += mapped_[b];
    cumulative_wrong += wrong_[b];
    if (cumulative > 0)
      rows.push_back(Row{bin, wrong_[b], mapped_[b], cumulative, cumulative_wrong});
  }
  return rows;
}

std::vector<AlnEval::RocPoint> AlnEval::Roc() const {
  std::vector<RocPoint> points;
  int64_t mapped = 0, wrong = 0;
  for (auto it = by_mapq_.rbegin(); it != by_mapq_.rend(); ++it) {
    if (it->first == 0)
      continue;
    mapped += it->second.first;
    wrong += it->second.second;
    points.push_back(RocPoint{it->first, mapped, wrong});
  }
  return points;
}

std::string AlnEval::Table() const {
  std::string out;
  char line[128];
  for (const Row& r : Rows()) {
    std::snprintf(line, sizeof line, "%.2dx %12lld / %-12lld  %12lld  %.3e\n", r.bin,
                  static_cast<long long>(r.wrong), static_cast<long long>(r.mapped),
                  static_cast<long long>(r.cumulative),
                  static_cast<double>(r.cumulative_wrong) / static_cast<double>(r.cumulative));
    out += line;
  }
  return out;
}

std::string AlnEval::RocTable() const {
  std::string out;
  for (const RocPoint& p : Roc()) {
    out += std::to_string(p.mapq) + "\t" + std::to_string(p.mapped) + "\t" +
           std::to_string(p.wrong) + "\n";
  }
  return out;
}

}  // namespace readforge
