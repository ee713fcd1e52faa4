#include "cli/vcf_parse_ahead.h"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace readforge {

VcfParseAhead::~VcfParseAhead() {
  if (!thread_.joinable())
    return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

Status VcfParseAhead::Start(const std::string& path, const std::string& sample, int consumers) {
  // No read-ahead thread of its own: this one inflates as it parses, and still keeps ahead.
  RF_RETURN_IF_ERROR(input_.Open(path, false));
  next_.assign(static_cast<size_t>(consumers), 0);
  thread_ = std::thread([this, sample] { Produce(sample); });
  return Status::Ok();
}

void VcfParseAhead::Produce(std::string sample) {
  VcfReader reader(std::move(sample));
  VcfRecord scratch;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return stop_ || ready_.size() < kAhead; });
      if (stop_)
        return;
    }
    auto batch = std::make_shared<VcfRecordBatch>();
    batch->bytes.reserve(kBatchRecords * kPackedRecordGuess);
    Ready ready;
    size_t count = 0;
    VcfReader::Event event;
    while ((event = FillBatch(reader, kBatchRecords, &scratch, batch.get(), &count)) ==
           VcfReader::Event::kNeedInput) {
      size_t got = 0;
      ready.status = input_.Read(reader.Buffer(kReadChunk), kReadChunk, &got);
      if (!ready.status.ok())
        break;
      reader.Commit(got);
      if (got == 0)
        reader.Finish();
    }
    const bool last = !ready.status.ok() || event != VcfReader::Event::kRecord;
    ready.batch = std::move(batch);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ready_.push_back(std::move(ready));
      finished_ = last;
    }
    changed_.notify_all();
    if (last)
      return;
  }
}

Status VcfParseAhead::Take(int consumer, std::shared_ptr<const VcfRecordBatch>* batch) {
  std::unique_lock<std::mutex> lock(mutex_);
  size_t& next = next_[static_cast<size_t>(consumer)];
  changed_.wait(lock, [&] { return next < first_ + ready_.size() || finished_; });
  if (next >= first_ + ready_.size())
    return Status::Error("internal error: the VCF's records were asked for after its end");
  const Ready& ready = ready_[next - first_];
  *batch = ready.batch;
  const Status status = ready.status;
  ++next;
  DropTakenLocked();
  lock.unlock();
  changed_.notify_all();
  return status;
}

Status VcfParseAhead::Feed(int consumer, Simulator& sim) {
  std::shared_ptr<const VcfRecordBatch> batch;
  RF_RETURN_IF_ERROR(Take(consumer, &batch));
  sim.TakeVariantBatch(std::move(batch));
  return Status::Ok();
}

void VcfParseAhead::Leave(int consumer) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    next_[static_cast<size_t>(consumer)] = SIZE_MAX;
    DropTakenLocked();
  }
  changed_.notify_all();
}

void VcfParseAhead::DropTakenLocked() {
  const size_t slowest = *std::min_element(next_.begin(), next_.end());
  while (!ready_.empty() && first_ < slowest) {
    ready_.pop_front();
    ++first_;
  }
}

Status VariantsFeed::Open(const std::string& path, const std::string& sample, Simulator& sim) {
  parsed_ahead_ = IsRegularFile(path);
  if (!parsed_ahead_)
    return text_.Open(path);
  RF_RETURN_IF_ERROR(ahead_.Start(path, sample));
  sim.UseVariantBatches();
  return Status::Ok();
}

Status VariantsFeed::Feed(Simulator& sim) {
  return parsed_ahead_ ? ahead_.Feed(0, sim) : FeedVariants(text_, sim);
}

}  // namespace readforge
