#include "engine/profile_learner.h"

#include <algorithm>

namespace readforge {
namespace {

// Counts are laid out with room for this many quality characters, doubled as more appear (a
// handful of re-layouts at most, never one per new character).
constexpr int kFirstCapacity = 8;

}  // namespace

int ProfileLearner::Code(unsigned char quality_char) {
  if (code_of_[quality_char] == 0) {
    chars_.push_back(quality_char);
    code_of_[quality_char] = static_cast<int>(chars_.size());
  }
  return code_of_[quality_char] - 1;
}

void ProfileLearner::Grow(End& end, int64_t cycles, int capacity) {
  // Re-lays out [cycle][code] and [cycle][previous][code] for more cycles or more codes.
  const int64_t old_cycles = end.cycles;
  const int old_capacity =
      old_cycles == 0 ? capacity
                      : static_cast<int>(end.counts.size() / static_cast<size_t>(old_cycles));
  std::vector<uint64_t> counts(static_cast<size_t>(cycles * capacity), 0);
  std::vector<uint64_t> trans(static_cast<size_t>(cycles * capacity * capacity), 0);
  for (int64_t c = 0; c < old_cycles; ++c) {
    for (int a = 0; a < old_capacity; ++a) {
      counts[static_cast<size_t>(c * capacity + a)] =
          end.counts[static_cast<size_t>(c * old_capacity + a)];
      for (int b = 0; b < old_capacity; ++b) {
        trans[static_cast<size_t>((c * capacity + a) * capacity + b)] =
            end.trans[static_cast<size_t>((c * old_capacity + a) * old_capacity + b)];
      }
    }
  }
  end.counts.swap(counts);
  end.trans.swap(trans);
  end.cycles = cycles;
}

Status ProfileLearner::Add(End& end, std::string_view bases, std::string_view qualities) {
  const int64_t length = static_cast<int64_t>(qualities.size());
  if (length > kMaxProfileCycles) {
    return Status::Error("read " + std::to_string(end.reads + 1) + " has " +
                         std::to_string(length) +
                         " bases: quality profiles are for reads of up to 1000 cycles");
  }
  int capacity = end.cycles == 0
                     ? kFirstCapacity
                     : static_cast<int>(end.counts.size() / static_cast<size_t>(end.cycles));
  for (unsigned char c : qualities)
    Code(c);
  int needed = capacity;
  while (needed < static_cast<int>(chars_.size()))
    needed *= 2;
  if (length > end.cycles || needed != capacity || end.cycles == 0) {
    Grow(end, std::max(length, end.cycles), needed);
    capacity = needed;
  }
  uint64_t* counts = end.counts.data();
  uint64_t* trans = end.trans.data();
  int previous = -1;
  for (int64_t i = 0; i < length; ++i) {
    const unsigned char q = static_cast<unsigned char>(qualities[static_cast<size_t>(i)]);
    const int code = code_of_[q] - 1;
    ++counts[i * capacity + code];
    if (previous >= 0)
      ++trans[(i * capacity + previous) * capacity + code];
    previous = code;
    const char base = bases[static_cast<size_t>(i)];
    if (base == 'N' || base == 'n')
      ++end.n_calls[q];
  }
  ++end.reads;
  return Status::Ok();
}

template <typename NextEvent>
Status ProfileLearner::AddRecords(End& end, NextEvent next) {
  end.used = true;
  while (true) {
    switch (next()) {
      case FastqParser::Event::kError:
        return Status::Error(end.parser.error());
      case FastqParser::Event::kRecord:
        RF_RETURN_IF_ERROR(Add(end, end.parser.bases(), end.parser.qualities()));
        break;
      case FastqParser::Event::kNeedInput:
        return Status::Ok();
    }
  }
}

Status ProfileLearner::Push(int mate, const char* data, size_t size) {
  End& end = ends_[static_cast<size_t>(mate)];
  const char* p = data;
  const char* stop = data + size;
  return AddRecords(end, [&] { return end.parser.Next(&p, stop); });
}

Status ProfileLearner::FinishEnd(int mate) {
  End& end = ends_[static_cast<size_t>(mate)];
  RF_RETURN_IF_ERROR(AddRecords(end, [&] { return end.parser.Finish(); }));
  if (end.reads == 0)
    return Status::Error("no reads (an empty file?)");
  return Status::Ok();
}

Status ProfileLearner::Finish(const std::vector<std::string>& sources,
                              QualityProfile* profile,
                              std::vector<std::string>* notes) {
  *profile = QualityProfile();
  if (chars_.empty())
    return Status::Error("no reads to learn from");
  const unsigned char lowest = *std::min_element(chars_.begin(), chars_.end());
  const unsigned char highest = *std::max_element(chars_.begin(), chars_.end());
  // Phred+33 data reaches below ';' (Q26) in any real run. Solexa scores go from ';' (-5) up,
  // Phred+64 from '@' (0) and beyond 'K' (Q11 in +64, Q42 in +33).
  int offset = 33;
  if (lowest >= ';' && lowest < '@') {
    return Status::Error("the qualities start at '" + std::string(1, static_cast<char>(lowest)) +
                         "': Solexa scores (old Illumina) are not supported; convert them to "
                         "Phred+33 first");
  }
  if (lowest >= '@' && highest > 'K') {
    offset = 64;
    notes->push_back("Phred+64 qualities (old Illumina): converted to Phred+33");
  } else if (lowest >= ';') {
    notes->push_back(std::string("the qualities are all from '") + static_cast<char>(lowest) +
                     "' to '" + static_cast<char>(highest) +
                     "': read as Phred+33 (if they are Phred+64, the profile is 31 too high)");
  }
  std::vector<unsigned char> order = chars_;
  std::sort(order.begin(), order.end());
  std::array<int, 128> state_of{};
  for (size_t s = 0; s < order.size(); ++s) {
    profile->alphabet.push_back(order[s] - offset);
    state_of[order[s]] = static_cast<int>(s);
  }
  if (profile->states() > kMaxQualityStates)
    return Status::Error("more than 64 different quality values");
  const int k = profile->states();
  for (const End& in : ends_) {
    if (in.reads == 0)
      continue;
    const int capacity = static_cast<int>(in.counts.size() / static_cast<size_t>(in.cycles));
    // Codes added after this end's last read (by the other end) never occurred in it.
    const size_t codes = std::min(chars_.size(), static_cast<size_t>(capacity));
    ReadEndProfile end;
    end.cycles = in.cycles;
    end.counts.assign(static_cast<size_t>(end.cycles * k), 0);
    end.trans.assign(static_cast<size_t>(end.cycles * k * k), 0);
    for (int64_t c = 0; c < in.cycles; ++c) {
      for (size_t a = 0; a < codes; ++a) {
        const int sa = state_of[chars_[a]];
        end.counts[static_cast<size_t>(c * k + sa)] =
            in.counts[static_cast<size_t>(c * capacity) + a];
        for (size_t b = 0; c > 0 && b < codes; ++b) {
          end.At(c, sa, state_of[chars_[b]], k) =
              in.trans[static_cast<size_t>((c * capacity + static_cast<int64_t>(a)) * capacity) +
                       b];
        }
      }
    }
    end.n_quality = profile->alphabet.front();
    uint64_t most = 0;
    for (int q = 0; q < 128; ++q) {
      if (in.n_calls[static_cast<size_t>(q)] > most) {
        most = in.n_calls[static_cast<size_t>(q)];
        end.n_quality = q - offset;
      }
    }
    profile->ends.push_back(std::move(end));
  }
  profile->meta.emplace_back("kind", "learned");
  std::string source;
  for (const std::string& s : sources)
    source += (source.empty() ? "" : "\t") + s;
  profile->meta.emplace_back("source", source);
  profile->meta.emplace_back("reads",
                             std::to_string(ends_[0].reads) +
                                 (ends_[1].reads ? "\t" + std::to_string(ends_[1].reads) : ""));
  profile->meta.emplace_back("phred-offset", std::to_string(offset));
  return Status::Ok();
}

}  // namespace readforge
