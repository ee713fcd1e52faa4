// ReadAhead hands over the source's bytes in order and whole, then its end or its error, and
// stops cleanly when dropped half way (a run that fails before the end of its input).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "cli/read_ahead.h"

namespace readforge {
namespace {

// A source of `size` bytes (byte i is i % 251) in pieces of odd sizes, failing after
// `fail_after` bytes when that is set.
ReadAhead::Source Numbered(size_t size, size_t* produced, size_t fail_after = 0) {
  return [=](char* dst, size_t capacity, size_t* got) {
    const size_t n = std::min(capacity / 3 + 1, size - *produced);
    for (size_t i = 0; i < n; ++i)
      dst[i] = static_cast<char>((*produced + i) % 251);
    *produced += n;
    *got = n;
    if (fail_after && *produced > fail_after)
      return Status::Error("the disk went away");
    return Status::Ok();
  };
}

TEST(ReadAhead, GivesEveryByteInOrderThenTheEnd) {
  for (size_t size : {size_t{0}, size_t{1}, size_t{1} << 20, size_t{5'000'017}}) {
    size_t produced = 0;
    ReadAhead ahead(Numbered(size, &produced));
    char buffer[70001];
    size_t total = 0;
    for (;;) {
      size_t got = 0;
      ASSERT_TRUE(ahead.Read(buffer, sizeof buffer, &got).ok());
      if (got == 0)
        break;
      for (size_t i = 0; i < got; ++i)
        ASSERT_EQ(buffer[i], static_cast<char>((total + i) % 251)) << "byte " << total + i;
      total += got;
    }
    EXPECT_EQ(total, size);
    size_t got = 1;
    EXPECT_TRUE(ahead.Read(buffer, sizeof buffer, &got).ok());  // the end, again
    EXPECT_EQ(got, 0u);
  }
}

TEST(ReadAhead, PassesOnTheSourcesErrorAfterItsBytes) {
  size_t produced = 0;
  ReadAhead ahead(Numbered(10'000'000, &produced, 3'000'000));
  char buffer[65536];
  size_t total = 0;
  Status status = Status::Ok();
  for (;;) {
    size_t got = 0;
    status = ahead.Read(buffer, sizeof buffer, &got);
    if (!status.ok() || got == 0)
      break;
    total += got;
  }
  EXPECT_EQ(status.message(), "the disk went away");
  EXPECT_GT(total, 2'000'000u);
  EXPECT_LT(total, 4'000'000u);
  size_t got = 0;
  EXPECT_EQ(ahead.Read(buffer, sizeof buffer, &got).message(), "the disk went away");
}

TEST(ReadAhead, StopsWhenDroppedHalfWay) {
  size_t produced = 0;
  {
    ReadAhead ahead(Numbered(size_t{1} << 30, &produced));
    char buffer[4096];
    size_t got = 0;
    ASSERT_TRUE(ahead.Read(buffer, sizeof buffer, &got).ok());
  }
  // It read a few chunks ahead, never the whole gigabyte.
  EXPECT_LT(produced, size_t{16} << 20);
}

}  // namespace
}  // namespace readforge
