#include "eval/fragment_learner.h"

#include "formats/bam_record.h"

namespace readforge {

Status FragmentLearner::Push(const char* data, size_t size) {
  RF_RETURN_IF_ERROR(reader_.Push(data, size));
  return Drain();
}

Status FragmentLearner::Drain() {
  AlignmentReader::Result result;
  while (true) {
    RF_RETURN_IF_ERROR(reader_.Next(&result));
    if (result != AlignmentReader::Result::kRecord)
      return Status::Ok();
    const AlignmentLine& r = reader_.line();
    ++records_;
    const int unwanted = kFlagUnmapped | kFlagMateUnmapped | kFlagSecondary | kFlagSupplementary |
                         kFlagDuplicate | kFlagQcFail;
    if ((r.flag & kFlagPaired) && (r.flag & kFlagProperPair) && !(r.flag & unwanted) &&
        r.tlen > 0 && r.tlen <= FragmentHistogram::kMaxLength) {
      ++counts_[r.tlen];
      ++pairs_;
    }
  }
}

Status FragmentLearner::Finish(FragmentHistogram* histogram) {
  RF_RETURN_IF_ERROR(reader_.Finish());
  RF_RETURN_IF_ERROR(Drain());
  if (pairs_ == 0) {
    return Status::Error("no proper pairs among " + std::to_string(records_) +
                         " records (paired reads aligned as pairs are needed)");
  }
  *histogram = FragmentHistogram::FromCounts(counts_);
  return Status::Ok();
}

}  // namespace readforge
