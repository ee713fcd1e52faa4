// FASTQ fed to the profile learner in random pieces: it refuses with a message naming the read,
// or learns a profile that formats back to itself; the pieces never change what it learns.
#include <string>
#include <vector>

#include "engine/profile_learner.h"
#include "fuzz_util.h"

namespace {

readforge::Status Learn(const std::string& fastq,
                        const std::vector<size_t>& pieces,
                        std::string* profile_text) {
  using namespace readforge;
  ProfileLearner learner;
  size_t at = 0;
  for (size_t i = 0; at < fastq.size(); ++i) {
    const size_t n =
        std::min(fastq.size() - at, pieces.empty() ? fastq.size() : pieces[i % pieces.size()]);
    RF_RETURN_IF_ERROR(learner.Push(0, fastq.data() + at, n));
    at += n;
  }
  RF_RETURN_IF_ERROR(learner.FinishEnd(0));
  QualityProfile profile;
  std::vector<std::string> notes;
  RF_RETURN_IF_ERROR(learner.Finish({"fuzz.fq"}, &profile, &notes));
  *profile_text = profile.Format();
  return Status::Ok();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace readforge;
  fuzz::Bytes bytes(data, size);
  std::vector<size_t> pieces;
  for (int i = 0; i < 3; ++i)
    pieces.push_back(static_cast<size_t>(bytes.Int(1, 64)));
  const std::string fastq(bytes.Rest());
  std::string whole_text, pieces_text;
  Status whole = Learn(fastq, {}, &whole_text);
  Status in_pieces = Learn(fastq, pieces, &pieces_text);
  FUZZ_CHECK(whole.ok() == in_pieces.ok(), "chunking changed whether the FASTQ is accepted");
  if (!whole.ok()) {
    FUZZ_CHECK(!whole.message().empty(), "a silent failure");
    FUZZ_CHECK(whole.message() == in_pieces.message(), "chunking changed the message");
    return 0;
  }
  FUZZ_CHECK(whole_text == pieces_text, "chunking changed the profile");
  QualityProfile parsed;
  FUZZ_CHECK(QualityProfile::Parse(whole_text, &parsed).ok(), "a learned profile does not parse");
  FUZZ_CHECK(parsed.Format() == whole_text, "a learned profile does not round-trip");
  return 0;
}
