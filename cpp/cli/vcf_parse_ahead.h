// Reads and parses the VCF of --variants on a thread of its own, a few batches of records ahead
// of the simulator, which takes them packed (engine/vcf_record_batch.h) instead of parsing the
// text itself: inflating and parsing a million records then run beside the simulation, as the
// reference's reading does (read_ahead.h). The records come in the file's order, the parser's
// error, if any, after the records before it: the run is the one that parses its own text. One
// simulator takes them: with -t N, the one that draws the variants for all (variant_draw_ahead.h).
// For a regular file only: a pipe may never end, and the thread could not be stopped in a read.
#ifndef READFORGE_CLI_VCF_PARSE_AHEAD_H_
#define READFORGE_CLI_VCF_PARSE_AHEAD_H_

#include <cstddef>
#include <memory>
#include <string>
#include <thread>

#include "cli/input_reader.h"
#include "cli/shared_queue.h"
#include "engine/simulator.h"
#include "formats/status.h"
#include "formats/vcf_record_batch.h"

namespace readforge {

class VcfParseAhead {
 public:
  VcfParseAhead() = default;
  VcfParseAhead(const VcfParseAhead&) = delete;
  VcfParseAhead& operator=(const VcfParseAhead&) = delete;
  ~VcfParseAhead();  // stops the thread (after the batch it may be filling)

  // Opens `path` (an error if it cannot) and starts parsing it for `sample` (empty: the first).
  Status Start(const std::string& path, const std::string& sample);

  // Hands the next batch to `sim` (when its Run() says kNeedVariantInput), waiting for it. An
  // error reading the file (a damaged or cut gzip) comes after the batches before it.
  Status Feed(Simulator& sim);

 private:
  static constexpr size_t kBatchRecords = 8192;
  // Bytes a packed record mostly takes (its fixed part, a short contig name and alleles): room
  // made once per batch, not doubled record by record.
  static constexpr size_t kPackedRecordGuess = 64;
  static constexpr size_t kAhead = 4;
  static constexpr size_t kReadChunk = size_t{1} << 20;

  struct Ready {
    std::shared_ptr<const VcfRecordBatch> batch;
    Status status = Status::Ok();
  };

  void Produce(std::string sample);

  InputReader input_;
  std::unique_ptr<SharedQueue<Ready>> ready_;  // parsed, not yet taken
  std::thread thread_;
};

// The VCF of --variants as a host's loop feeds it to a simulator: parsed ahead from a regular
// file, or as text pushed as it is read from a pipe.
class VariantsFeed {
 public:
  // Before the simulator's first Run().
  Status Open(const std::string& path, const std::string& sample, Simulator& sim);
  // When Run() says kNeedVariantInput.
  Status Feed(Simulator& sim);

 private:
  bool parsed_ahead_ = false;
  VcfParseAhead ahead_;
  InputReader text_;
};

}  // namespace readforge

#endif  // READFORGE_CLI_VCF_PARSE_AHEAD_H_
