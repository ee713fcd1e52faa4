#include "cli/vcf_parse_ahead.h"

#include <utility>

namespace readforge {

VcfParseAhead::~VcfParseAhead() {
  if (!thread_.joinable())
    return;
  ready_->Stop();
  thread_.join();
}

Status VcfParseAhead::Start(const std::string& path, const std::string& sample) {
  // No read-ahead thread of its own: this one inflates as it parses, and still keeps ahead.
  RF_RETURN_IF_ERROR(input_.Open(path, false));
  ready_ = std::make_unique<SharedQueue<Ready>>(1, kAhead);
  thread_ = std::thread([this, sample] { Produce(sample); });
  return Status::Ok();
}

void VcfParseAhead::Produce(std::string sample) {
  VcfReader reader(std::move(sample));
  VcfRecord scratch;
  for (;;) {
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
    if (!ready_->Push(std::move(ready), last) || last)
      return;
  }
}

Status VcfParseAhead::Feed(Simulator& sim) {
  Ready ready;
  if (!ready_->Take(0, &ready))
    return Status::Error("internal error: the VCF's records were asked for after its end");
  RF_RETURN_IF_ERROR(ready.status);
  sim.TakeVariantBatch(std::move(ready.batch));
  return Status::Ok();
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
  return parsed_ahead_ ? ahead_.Feed(sim) : FeedVariants(text_, sim);
}

}  // namespace readforge
