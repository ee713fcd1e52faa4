#include "cli/parallel_run.h"

#include <array>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "cli/bounded_queue.h"
#include "cli/drive.h"
#include "cli/input_reader.h"
#include "cli/variant_draw_ahead.h"
#include "engine/run_merge.h"
#include "formats/bgzf_writer.h"

namespace readforge {
namespace {

constexpr size_t kQueuedChunks = 8;  // per thread: bounds memory whatever the run's size

struct Chunk {
  std::array<std::string, kOutputStreams> streams;
  bool complete = false;  // the last piece of its block
};

struct Worker {
  // Chunks made, in order; and chunks written, handed back so that their strings take the
  // simulator's next output without new memory (fresh strings for every chunk cost more than
  // the simulation on two threads: page faults, and memory going back to the system).
  BoundedQueue<Chunk> made{kQueuedChunks};
  BoundedQueue<Chunk> spare{kQueuedChunks};
  Status status = Status::Ok();
  SimulatorStats stats;
  SpanNotes notes;
  bool holds_last_block = false;
};

Status Produce(Simulator& sim,
               const std::string& path,
               VariantDrawAhead* variants,
               int consumer,
               Worker& me) {
  RF_RETURN_IF_ERROR(sim.Start());
  InputReader reader;
  RF_RETURN_IF_ERROR(reader.Open(path, true));
  if (variants)
    sim.UseVariantBlocks();
  bool input_done = false;
  DriveHooks hooks;
  hooks.input = [&] { return FeedNext(reader, sim, &input_done); };
  hooks.variants = [&] { return variants->Feed(consumer, sim); };
  hooks.output = [&](bool* stop) {
    Chunk chunk;
    me.spare.TryPop(&chunk);
    chunk.complete = sim.block_complete();
    bool any = false;
    for (size_t s = 0; s < chunk.streams.size(); ++s) {
      sim.TakeOutput(static_cast<OutputStream>(s), &chunk.streams[s]);
      any = any || !chunk.streams[s].empty();
    }
    sim.ConsumeOutputs();
    *stop = (any || chunk.complete) && !me.made.Push(std::move(chunk));
    return Status::Ok();
  };
  return Drive(sim, path, hooks);
}

}  // namespace

Status RunParallel(const Options& options,
                   const SharedLayout& layout,
                   const std::string& path,
                   int threads,
                   const OutputSink& sink,
                   RunReport* report) {
  std::vector<Worker> workers(static_cast<size_t>(threads));
  // The variants of --variants (a regular file, as the reference is) are drawn once, on a
  // thread of their own, for all workers.
  VariantDrawAhead variants;
  if (options.plant_variants)
    variants.Start(options, layout, path, options.variants_name, threads);
  auto stop_all = [&] {
    for (Worker& worker : workers)
      worker.made.Close();
  };
  std::vector<std::thread> pool;
  for (int w = 0; w < threads; ++w) {
    pool.emplace_back([&, w] {
      Worker& me = workers[static_cast<size_t>(w)];
      Options mine = options;
      mine.block_stride = threads;
      mine.block_phase = w;
      Simulator sim(mine, layout);
      me.status = Produce(sim, path, options.plant_variants ? &variants : nullptr, w, me);
      if (options.plant_variants)
        variants.Leave(w);
      me.stats = sim.stats();
      me.notes = sim.span_notes();
      me.holds_last_block = sim.holds_last_block();
      if (me.status.ok())
        me.made.Close();  // the writer takes what is left, then moves on
      else
        stop_all();
    });
  }
  // Blocks 0, 1, 2, ... come from workers 0, 1, .., threads-1, 0, 1, ...
  Status written = Status::Ok();
  for (size_t w = 0; written.ok();) {
    Chunk chunk;
    if (!workers[w].made.Pop(&chunk))
      break;  // that worker has no more blocks: the run is complete (or one failed)
    for (size_t s = 0; s < chunk.streams.size() && written.ok(); ++s)
      written = sink(static_cast<OutputStream>(s), chunk.streams[s]);
    const bool complete = chunk.complete;
    workers[w].spare.TryPush(std::move(chunk));
    if (complete)
      w = (w + 1) % workers.size();
  }
  if (!written.ok())
    stop_all();
  for (std::thread& t : pool)
    t.join();
  for (Worker& worker : workers)
    RF_RETURN_IF_ERROR(worker.status);
  RF_RETURN_IF_ERROR(written);
  // Compressed streams end with BGZF's end-of-file block, once, after every worker's blocks.
  for (size_t s = 0; s < kOutputStreams && workers[0].holds_last_block; ++s) {
    if (options.compressed(s))
      RF_RETURN_IF_ERROR(sink(static_cast<OutputStream>(s), BgzfWriter::EndOfFile()));
  }

  RunMerge merge;
  for (const Worker& worker : workers)
    merge.Add(worker.stats, worker.notes);
  *report = RunReport{merge.stats(), merge.Warnings(options)};
  return CheckPairsPlaced(options, report->stats);
}

}  // namespace readforge
