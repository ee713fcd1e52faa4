#include "engine/adapters.h"

#include <algorithm>
#include <cstring>

namespace readforge {
namespace {

// Illumina's adapter sequences as trimmers (cutadapt, fastp, Trimmomatic) know them: what read 1
// and read 2 of a TruSeq library read into, and the Nextera transposase sequence both read.
constexpr std::string_view kTruSeq1 = "AGATCGGAAGAGCACACGTCTGAACTCCAGTCA";
constexpr std::string_view kTruSeq2 = "AGATCGGAAGAGCGTCGTGTAGGGAAAGAGTGT";
constexpr std::string_view kNextera = "CTGTCTCTTATACACATCT";

Status ParseSequence(std::string_view text, std::string* out) {
  out->clear();
  for (char c : text) {
    const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (std::strchr("ACGT", upper) == nullptr || upper == '\0') {
      return Status::Error("--adapters: '" + std::string(text) +
                           "' is not truseq, nextera or a sequence of A, C, G and T");
    }
    out->push_back(upper);
  }
  if (out->empty() || out->size() > Adapters::kMaxLength) {
    return Status::Error("--adapters: an adapter must be 1 to " +
                         std::to_string(Adapters::kMaxLength) + " bases, got " +
                         std::to_string(text.size()));
  }
  return Status::Ok();
}

}  // namespace

Status Adapters::Parse(std::string_view text, Adapters* adapters) {
  Adapters a;
  if (text == "truseq") {
    a.sequences_ = {std::string(kTruSeq1), std::string(kTruSeq2)};
    a.name_ = "truseq";
  } else if (text == "nextera") {
    a.sequences_ = {std::string(kNextera), std::string(kNextera)};
    a.name_ = "nextera";
  } else {
    const size_t comma = text.find(',');
    RF_RETURN_IF_ERROR(ParseSequence(text.substr(0, comma), &a.sequences_[0]));
    if (comma == std::string_view::npos)
      a.sequences_[1] = a.sequences_[0];
    else
      RF_RETURN_IF_ERROR(ParseSequence(text.substr(comma + 1), &a.sequences_[1]));
    a.name_ = a.sequences_[0] + (comma == std::string_view::npos ? "" : "," + a.sequences_[1]);
  }
  *adapters = std::move(a);
  return Status::Ok();
}

void Adapters::ReadThrough(int mate, char* out, int64_t n) const {
  const std::string& adapter = sequence(mate);
  const int64_t from_adapter = std::min<int64_t>(n, static_cast<int64_t>(adapter.size()));
  std::memcpy(out, adapter.data(), static_cast<size_t>(from_adapter));
  std::memset(out + from_adapter, kFiller, static_cast<size_t>(n - from_adapter));
}

}  // namespace readforge
