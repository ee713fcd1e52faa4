#include "engine/library_copies.h"

#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include "engine/variants.h"

namespace readforge {

LibraryCopies::LibraryCopies(const Options& options)
    : seed_(options.seed),
      rate_(options.duplicate_rate),
      optical_rate_(options.optical_duplicate_rate),
      clusters_wanted_(options.illumina_names()),
      umi_length_(options.umi_length + options.umi_length2),
      umi_length1_(options.umi_length),
      umi_split_(options.umi_length2 > 0),
      umi_inline_(options.inline_umi()),
      umi_error_rate_(options.error_rate),
      umi_error_gap_(options.error_rate > 0 && options.error_rate < 1 ? options.error_rate : 0.5) {}

void LibraryCopies::StartBlock(uint64_t span_key, int64_t block) {
  rng_ = MakeRng(seed_, span_key, block, StreamPurpose::kDuplicates);
  umi_rng_ = MakeRng(seed_, span_key, block, StreamPurpose::kUmis);
  families_.clear();
  molecules_.clear();
  pair_molecules_.clear();
  umis_.clear();
  copy_ = nullptr;
}

const Molecule* LibraryCopies::NextPair() {
  copy_ = nullptr;
  optical_ = false;
  umi_pending_ = false;
  if (pair_molecules_.empty())
    return nullptr;
  if (optical_rate_ > 0) {
    const double u = boost::random::uniform_01<double>()(rng_);
    if (u >= optical_rate_ + rate_)
      return nullptr;
    optical_ = u < optical_rate_;
  } else if (!(rate_ > 0 && boost::random::bernoulli_distribution<double>(rate_)(rng_))) {
    return nullptr;
  }
  const size_t earlier =
      boost::random::uniform_int_distribution<size_t>(0, pair_molecules_.size() - 1)(rng_);
  copy_index_ = pair_molecules_[earlier];
  copy_ = &molecules_[copy_index_];
  return copy_;
}

std::string_view LibraryCopies::UmiForNextPair() {
  const size_t length = static_cast<size_t>(umi_length_);
  if (copy_)
    return std::string_view(umis_).substr(static_cast<size_t>(copy_index_) * length, length);
  if (!umi_pending_) {
    pending_umi_.clear();
    for (int64_t k = 0; k < umi_length_; ++k)
      pending_umi_.push_back("ACGT"[UniformUpTo<3>(umi_rng_)]);
    umi_pending_ = true;
  }
  return pending_umi_;
}

void LibraryCopies::Placed(const Molecule* molecule, uint64_t index) {
  if (molecule) {
    copy_ = nullptr;
    copy_index_ = static_cast<uint32_t>(molecules_.size());
    molecules_.push_back(*molecule);
    if (umi_pending_)
      umis_ += pending_umi_;
    else
      for (int64_t k = 0; k < umi_length_; ++k)
        umis_.push_back("ACGT"[UniformUpTo<3>(umi_rng_)]);
  }
  pair_molecules_.push_back(copy_index_);
  placed_optical_ = false;
  if (clusters_wanted_) {
    placed_optical_ = copy_ && optical_ && families_[copy_index_].optical_copies < kOpticalSpots;
    if (!copy_)
      families_.push_back(Family{ClusterOf(seed_, index), index, 0});
    Family& family = families_[copy_index_];
    if (!copy_)
      cluster_ = family.first;
    else if (placed_optical_)
      cluster_ =
          OpticalCopyOf(family.first, Mix64(seed_ ^ family.first_pair), family.optical_copies++);
    else
      cluster_ = ClusterOf(seed_, index);  // a PCR copy's cluster is a new one
  }
  if (umi_length_ == 0)
    return;
  // Read once for the pair, with errors as any sequenced base.
  sequenced_umi_.assign(umis_, static_cast<size_t>(copy_index_) * umi_length_,
                        static_cast<size_t>(umi_length_));
  if (umi_error_rate_ > 0 && !umi_inline_) {
    auto gap = [&]() -> int64_t { return umi_error_rate_ >= 1 ? 0 : umi_error_gap_(umi_rng_); };
    for (int64_t k = gap(); k < umi_length_; k += 1 + gap()) {
      char& base = sequenced_umi_[static_cast<size_t>(k)];
      base = SnpBase(base, 1 + UniformUpTo<2>(umi_rng_));
    }
  }
  if (umi_split_)
    sequenced_umi_.insert(static_cast<size_t>(umi_length1_), 1, '-');
}

}  // namespace readforge
