#include "cli/parallel_run.h"

#include <array>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "cli/input_reader.h"
#include "cli/reference_index.h"
#include "cli/variant_draw_ahead.h"
#include "formats/bgzf_writer.h"
#include "engine/run_merge.h"

namespace readforge {
namespace {

constexpr size_t kQueuedChunks = 8;  // per thread: bounds memory whatever the run's size

struct Chunk {
  std::array<std::string, 4> streams;
  bool complete = false;  // the last piece of its block
};

// A bounded queue from one worker to the writer.
class ChunkQueue {
 public:
  bool Push(Chunk chunk, const std::atomic<bool>& cancelled) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return queue_.size() < kQueuedChunks || cancelled; });
    if (cancelled)
      return false;
    queue_.push_back(std::move(chunk));
    changed_.notify_all();
    return true;
  }
  std::optional<Chunk> Pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return !queue_.empty() || closed_; });
    if (queue_.empty())
      return std::nullopt;
    Chunk chunk = std::move(queue_.front());
    queue_.pop_front();
    changed_.notify_all();
    return chunk;
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }
  void Wake() {
    std::lock_guard<std::mutex> lock(mutex_);
    changed_.notify_all();
  }
  // Written chunks come back, their strings to be swapped with the simulator's outputs: fresh
  // strings for every chunk, filled with a copy, cost more than the simulation on two threads
  // (page faults on new memory, and the allocator handing it back to the system).
  Chunk Spare() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (spare_.empty())
      return Chunk();
    Chunk chunk = std::move(spare_.back());
    spare_.pop_back();
    chunk.complete = false;
    return chunk;
  }
  void Return(Chunk chunk) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (spare_.size() < kQueuedChunks)
      spare_.push_back(std::move(chunk));
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Chunk> queue_;
  std::vector<Chunk> spare_;
  bool closed_ = false;
};

struct Worker {
  ChunkQueue queue;
  Status status = Status::Ok();
  SimulatorStats stats;
  SpanNotes notes;
  bool holds_last_block = false;
};

Status Produce(Simulator& sim,
               const std::string& path,
               VariantDrawAhead* variants,
               int consumer,
               ChunkQueue& queue,
               const std::atomic<bool>& cancelled) {
  RF_RETURN_IF_ERROR(sim.Start());
  InputReader reader;
  RF_RETURN_IF_ERROR(reader.Open(path, true));
  if (variants)
    sim.UseVariantBlocks();
  bool input_done = false;
  while (!cancelled) {
    Simulator::State state = sim.Run();
    if (state == Simulator::State::kError)
      return Status::Error(sim.error_in_variants() ? sim.error() : path + ": " + sim.error());
    if (state == Simulator::State::kOutputReady || state == Simulator::State::kDone) {
      Chunk chunk = queue.Spare();
      bool any = false;
      for (int s = 0; s < 4; ++s) {
        sim.TakeOutput(static_cast<OutputStream>(s), &chunk.streams[s]);
        any = any || !chunk.streams[s].empty();
      }
      chunk.complete = sim.block_complete();
      sim.ConsumeOutputs();
      if ((any || chunk.complete) && !queue.Push(std::move(chunk), cancelled))
        break;
    }
    if (state == Simulator::State::kDone)
      break;
    if (state == Simulator::State::kNeedInput)
      RF_RETURN_IF_ERROR(FeedNext(reader, sim, &input_done));
    if (state == Simulator::State::kNeedVariantInput)
      RF_RETURN_IF_ERROR(variants->Feed(consumer, sim));
  }
  return Status::Ok();
}

}  // namespace

Status RunParallel(const Options& options,
                   const SharedLayout& layout,
                   const std::string& path,
                   int threads,
                   const OutputSink& sink,
                   RunReport* report) {
  std::vector<Worker> workers(static_cast<size_t>(threads));
  std::atomic<bool> cancelled{false};
  // The variants of --variants (a regular file, as the reference is) are drawn once, on a
  // thread of their own, for all workers.
  VariantDrawAhead variants;
  if (options.plant_variants)
    variants.Start(options, layout, path, options.variants_name, threads);
  std::vector<std::thread> pool;
  for (int w = 0; w < threads; ++w) {
    pool.emplace_back([&, w] {
      Worker& me = workers[static_cast<size_t>(w)];
      Options mine = options;
      mine.block_stride = threads;
      mine.block_phase = w;
      Simulator sim(mine, layout);
      me.status =
          Produce(sim, path, options.plant_variants ? &variants : nullptr, w, me.queue, cancelled);
      if (options.plant_variants)
        variants.Leave(w);
      if (!me.status.ok())
        cancelled = true;
      me.stats = sim.stats();
      me.notes = sim.span_notes();
      me.holds_last_block = sim.holds_last_block();
      me.queue.Close();
    });
  }
  // Blocks 0, 1, 2, ... come from workers 0, 1, .., threads-1, 0, 1, ...
  Status written = Status::Ok();
  for (size_t w = 0; written.ok() && !cancelled;) {
    std::optional<Chunk> chunk = workers[w].queue.Pop();
    if (!chunk)
      break;  // that worker has no more blocks: the run is complete
    for (int s = 0; s < 4 && written.ok(); ++s)
      written = sink(static_cast<OutputStream>(s), chunk->streams[s]);
    const bool complete = chunk->complete;
    workers[w].queue.Return(std::move(*chunk));
    if (complete)
      w = (w + 1) % workers.size();
  }
  if (!written.ok())
    cancelled = true;
  for (Worker& worker : workers)
    worker.queue.Wake();
  for (std::thread& t : pool)
    t.join();
  for (Worker& worker : workers)
    RF_RETURN_IF_ERROR(worker.status);
  RF_RETURN_IF_ERROR(written);
  // Compressed streams end with BGZF's end-of-file block, once, after every worker's blocks.
  for (int s = 0; s < 4 && workers[0].holds_last_block; ++s) {
    if (options.compress[static_cast<size_t>(s)])
      RF_RETURN_IF_ERROR(sink(static_cast<OutputStream>(s), BgzfWriter::EndOfFile()));
  }

  RunMerge merge;
  for (const Worker& worker : workers)
    merge.Add(worker.stats, worker.notes);
  *report = RunReport{merge.stats(), merge.Warnings(options)};
  return CheckPairsPlaced(options, report->stats);
}

}  // namespace readforge
