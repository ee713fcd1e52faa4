// Quality profiles as a user might hand them over (readforge's text or ART's, truncated, edited
// or junk): the parser refuses with a message, or the profile formats back to itself, and reads
// simulated with it carry only its qualities and never more errors than bases.
#include <string>

#include "engine/quality_model.h"
#include "engine/quality_profile.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace readforge;
  fuzz::Bytes bytes(data, size);
  const int64_t length = bytes.Int(1, 200);
  const int64_t length2 = bytes.Int(1, 200);  // mates of unequal lengths, odd or even
  const uint64_t seed = bytes.Byte();
  const std::string text(bytes.Rest());
  QualityProfile profile;
  Status s = QualityProfile::Parse(text, &profile);
  if (!s.ok()) {
    FUZZ_CHECK(!s.message().empty(), "a silent failure");
    return 0;
  }
  QualityProfile again;
  FUZZ_CHECK(QualityProfile::Parse(profile.Format(), &again).ok(), "its own text does not parse");
  FUZZ_CHECK(again.Format() == profile.Format(), "formatting does not round-trip");
  if (!profile.CheckReadLengths(length, length2).ok())
    return 0;
  QualityModel model(profile, length, length2);
  std::string bases1(static_cast<size_t>(length), 'A'), bases2(static_cast<size_t>(length2), 'N');
  std::string quals1(bases1.size(), '\0'), quals2(bases2.size(), '\0');
  Rng rng(seed);
  for (int read = 0; read < 20; ++read) {  // past a batch of pairs
    QualityModel::Read one{bases1.data(), quals1.data(), length, nullptr};
    QualityModel::Read two{bases2.data(), quals2.data(), length2, nullptr};
    model.Apply(one, two, rng);
    FUZZ_CHECK(one.errors <= length && two.errors == 0, "more errors than bases, or on N");
    for (size_t i = 0; i < quals1.size(); ++i) {
      const int q = quals1[i] - 33;
      FUZZ_CHECK(
          std::find(profile.alphabet.begin(), profile.alphabet.end(), q) != profile.alphabet.end(),
          "a quality not in the profile");
    }
    for (size_t i = 0; i < quals2.size(); ++i)
      FUZZ_CHECK(quals2[i] - 33 == profile.end(1).n_quality, "an N without the N quality");
  }
  return 0;
}
