#include "eval/evaluation.h"

#include <cstdio>

#include "formats/bam_record.h"

namespace readforge {

Status Evaluation::PushTruth(const char* data, size_t size) {
  if (!truth_table_)
    truth_table_ = std::make_unique<TruthTable>();
  return truth_table_->Push(data, size);
}

Status Evaluation::FinishTruth() {
  if (!truth_table_)
    truth_table_ = std::make_unique<TruthTable>();
  RF_RETURN_IF_ERROR(truth_table_->Finish());
  truth_.reads = truth_table_->reads();
  return Status::Ok();
}

Status Evaluation::Push(const char* data, size_t size) {
  RF_RETURN_IF_ERROR(reader_.Push(data, size));
  return Drain();
}

Status Evaluation::Finish() {
  RF_RETURN_IF_ERROR(reader_.Finish());
  RF_RETURN_IF_ERROR(Drain());
  if (records_ == 0)
    return Status::Error("no alignment records");
  if (truth_table_) {
    truth_.missing = truth_.reads;
    for (bool seen : seen_)
      truth_.missing -= seen;
  }
  return Status::Ok();
}

Status Evaluation::CheckReference() {
  // The aligner's reference must be the truth's: contigs of the same name have the same length,
  // and the same MD5 where both headers give one.
  reference_checked_ = true;
  const std::vector<HeaderContig>& mine = reader_.contigs();
  const std::vector<HeaderContig>& truth = truth_table_->contigs();
  contig_map_.assign(mine.size(), -1);
  size_t shared = 0;
  for (size_t i = 0; i < mine.size(); ++i) {
    for (size_t j = 0; j < truth.size(); ++j) {
      if (mine[i].name != truth[j].name)
        continue;
      if (mine[i].length != truth[j].length ||
          (!mine[i].md5.empty() && !truth[j].md5.empty() && mine[i].md5 != truth[j].md5)) {
        return Status::Error("aligned to another reference than the truth's: " + mine[i].name +
                             " is " + std::to_string(mine[i].length) + " bases" +
                             (mine[i].md5.empty() ? "" : " (M5 " + mine[i].md5 + ")") + " here, " +
                             std::to_string(truth[j].length) + " bases" +
                             (truth[j].md5.empty() ? "" : " (M5 " + truth[j].md5 + ")") +
                             " in the truth");
      }
      contig_map_[i] = static_cast<int32_t>(j);
      ++shared;
    }
  }
  if (shared == 0 && !mine.empty() && !truth.empty()) {
    return Status::Error(
        "aligned to another reference than the truth's: no contig of its header (" +
        mine.front().name + ", ...) is one of the truth's");
  }
  return Status::Ok();
}

Status Evaluation::Compare(const AlignmentLine& line, const SimulatedName& name) {
  if (name.index < 0) {
    return Status::Error("read '" + std::string(line.name) +
                         "' has no pair number (a wgsim name?): --truth needs readforge's reads");
  }
  const int mate = (line.flag & kFlagRead2) ? 1 : 0;
  const TruthRead* t = truth_table_->Find(name.index, mate);
  if (!t || t->name_digest != NameDigest(line.name)) {
    return Status::Error("read '" + std::string(line.name) +
                         "' is not in the truth: were these reads made by the run whose --bam "
                         "it is?");
  }
  if (line.flag & (kFlagSecondary | kFlagSupplementary))
    return Status::Ok();
  const size_t key = static_cast<size_t>(2 * name.index + mate);
  if (key >= seen_.size())
    seen_.resize(std::max(key + 1, seen_.size() * 3 / 2));
  seen_[key] = true;
  ++truth_.primary;
  if ((line.flag & kFlagUnmapped) || line.contig == "*") {
    ++truth_.unmapped;
    return Status::Ok();
  }
  // The aligner's contig as the truth numbers it (SAM text: by name).
  int32_t contig = -1;
  if (line.tid >= 0 && static_cast<size_t>(line.tid) < contig_map_.size()) {
    contig = contig_map_[static_cast<size_t>(line.tid)];
  } else {
    const std::vector<HeaderContig>& truth = truth_table_->contigs();
    for (size_t j = 0; j < truth.size() && contig < 0; ++j) {
      if (truth[j].name == line.contig)
        contig = static_cast<int32_t>(j);
    }
  }
  if (contig != t->contig) {
    ++truth_.wrong;
    return Status::Ok();
  }
  const bool position = line.pos == t->pos;
  truth_.exact_position += position;
  truth_.exact_cigar += position && CigarDigest(line.cigar) == t->cigar_digest;
  const bool within = UnclippedStart(line.pos, line.cigar) == t->unclipped;
  truth_.within_clips += within;
  truth_.wrong += !position && !within;
  return Status::Ok();
}

Status Evaluation::Drain() {
  return ForEachSimulated(&reader_, &records_,
                          [this](const AlignmentLine& line, const SimulatedName& name) {
                            alneval_.Add(line, name);
                            if (!truth_table_)
                              return Status::Ok();
                            if (!reference_checked_)
                              RF_RETURN_IF_ERROR(CheckReference());
                            return Compare(line, name);
                          });
}

std::string Evaluation::Report() const {
  if (!options_.json) {
    std::string out = options_.roc ? alneval_.RocTable() : alneval_.Table();
    if (truth_table_) {
      const TruthCounts& t = truth_;
      auto row = [&](const char* what, int64_t n) {
        char line[160];
        std::snprintf(
            line, sizeof line, "# %-40s %12lld  %7.3f%%\n", what, static_cast<long long>(n),
            t.reads ? 100.0 * static_cast<double>(n) / static_cast<double>(t.reads) : 0.0);
        out += line;
      };
      out += "# against the truth: reads, and their primary alignments\n";
      row("reads in the truth", t.reads);
      row("at the true position", t.exact_position);
      row("  with the true CIGAR", t.exact_cigar);
      row("at the true position, soft clips aside", t.within_clips);
      row("elsewhere", t.wrong);
      row("unmapped", t.unmapped);
      row("missing (no primary record)", t.missing);
    }
    return out;
  }
  std::string out = "{\"records\":" + std::to_string(records_) +
                    ",\"gap\":" + std::to_string(options_.gap) + ",\"alneval\":[";
  bool first = true;
  for (const AlnEval::Row& r : alneval_.Rows()) {
    out += std::string(first ? "" : ",") + "{\"bin\":" + std::to_string(r.bin) +
           ",\"wrong\":" + std::to_string(r.wrong) + ",\"mapped\":" + std::to_string(r.mapped) +
           ",\"cumulative\":" + std::to_string(r.cumulative) +
           ",\"cumulativeWrong\":" + std::to_string(r.cumulative_wrong) + "}";
    first = false;
  }
  out += "],\"roc\":[";
  first = true;
  for (const AlnEval::RocPoint& p : alneval_.Roc()) {
    out += std::string(first ? "" : ",") + "{\"mapq\":" + std::to_string(p.mapq) +
           ",\"mapped\":" + std::to_string(p.mapped) + ",\"wrong\":" + std::to_string(p.wrong) +
           "}";
    first = false;
  }
  out += "]";
  if (truth_table_) {
    const TruthCounts& t = truth_;
    out += ",\"truth\":{\"reads\":" + std::to_string(t.reads) +
           ",\"primary\":" + std::to_string(t.primary) +
           ",\"exactPosition\":" + std::to_string(t.exact_position) +
           ",\"exactCigar\":" + std::to_string(t.exact_cigar) +
           ",\"withinSoftClips\":" + std::to_string(t.within_clips) +
           ",\"wrong\":" + std::to_string(t.wrong) + ",\"unmapped\":" + std::to_string(t.unmapped) +
           ",\"missing\":" + std::to_string(t.missing) + "}";
  }
  return out + "}\n";
}

}  // namespace readforge
