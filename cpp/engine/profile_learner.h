// Learns a quality profile from real reads in one pass with flat memory: per read end, the
// count of each quality at each cycle, and of each quality given the one before. Counting is by
// raw quality character over the characters seen (binned data stays binned); the Phred offset
// is settled at the end from the range seen: Phred+64 (old Illumina) is converted, Solexa
// refused. FASTQ alone cannot tell which calls were wrong, so the profile's substitutions stay
// uniform.
#ifndef READFORGE_ENGINE_PROFILE_LEARNER_H_
#define READFORGE_ENGINE_PROFILE_LEARNER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/quality_profile.h"
#include "formats/fastq_parser.h"
#include "formats/status.h"

namespace readforge {

class ProfileLearner {
 public:
  // FASTQ bytes of read end `mate` (0: R1, 1: R2), in chunks of any size.
  Status Push(int mate, const char* data, size_t size);
  // The end of read end `mate`'s input.
  Status FinishEnd(int mate);
  // The profile of what was pushed. `sources` name the inputs, for its meta lines; `notes`
  // receives what a person should know (a converted offset).
  Status Finish(const std::vector<std::string>& sources,
                QualityProfile* profile,
                std::vector<std::string>* notes);

  int64_t reads(int mate) const { return ends_[static_cast<size_t>(mate)].reads; }

 private:
  struct End {
    FastqParser parser;
    int64_t reads = 0;
    int64_t cycles = 0;
    std::vector<uint64_t> counts;         // [cycle][code]
    std::vector<uint64_t> trans;          // [cycle][previous code][code]
    std::array<uint64_t, 128> n_calls{};  // N bases by quality character
    bool used = false;
  };

  // Adds the records `next` (the parser's Next or Finish) yields, until it needs input.
  template <typename NextEvent>
  Status AddRecords(End& end, NextEvent next);
  Status Add(End& end, std::string_view bases, std::string_view qualities);
  int Code(unsigned char quality_char);
  void Grow(End& end, int64_t cycles, int codes);

  std::array<End, 2> ends_;
  std::array<int, 128> code_of_{};    // quality character -> code + 1 (0: not seen)
  std::vector<unsigned char> chars_;  // code -> quality character
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_PROFILE_LEARNER_H_
