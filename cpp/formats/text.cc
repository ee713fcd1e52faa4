#include "formats/text.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace readforge {

namespace {

// The whole text as an integer of type T, else false.
template <typename T>
bool ParseWhole(std::string_view text, T* value) {
  if (text.empty())
    return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

bool ParseInt64(std::string_view text, int64_t* value) {
  return ParseWhole(text, value);
}

bool ParseUint64(std::string_view text, uint64_t* value) {
  return !text.empty() && text[0] != '-' && ParseWhole(text, value);
}

std::string DescribeByte(unsigned char c) {
  char buffer[32];
  if (c >= 0x21 && c < 0x7f)
    std::snprintf(buffer, sizeof buffer, "'%c'", c);
  else
    std::snprintf(buffer, sizeof buffer, "byte 0x%02x", c);
  return buffer;
}

bool ParseDouble(std::string_view text, double* value) {
  // strtod rather than from_chars: the libc++ that Emscripten 3.1.6 ships lacks the
  // floating-point overload. Both C libraries round correctly, so hosts agree.
  if (text.empty() || text.size() > 64)
    return false;
  std::string copy(text);
  char* end = nullptr;
  *value = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size();
}

bool NextLine(std::string_view* text, std::string_view* line) {
  if (text->empty())
    return false;
  size_t newline = text->find('\n');
  *line = text->substr(0, newline);
  *text = newline == std::string_view::npos ? std::string_view() : text->substr(newline + 1);
  if (!line->empty() && line->back() == '\r')
    line->remove_suffix(1);
  return true;
}

std::string_view NextTabField(std::string_view* line) {
  return NextField(line, '\t');
}

std::string_view NextWord(std::string_view* line) {
  const size_t start = line->find_first_not_of(" \t");
  if (start == std::string_view::npos) {
    *line = {};
    return {};
  }
  const size_t end = line->find_first_of(" \t", start);
  const std::string_view word = line->substr(start, end - start);
  *line = end == std::string_view::npos ? std::string_view() : line->substr(end);
  return word;
}

bool NextItem(std::string_view* text, std::string_view* item, char separator) {
  if (text->empty())
    return false;
  *item = NextField(text, separator);
  return true;
}

std::string_view NextField(std::string_view* item, char separator) {
  const size_t at = item->find(separator);
  std::string_view field = item->substr(0, at);
  *item = at == std::string_view::npos ? std::string_view() : item->substr(at + 1);
  return field;
}

std::string FormatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

std::string HexOf(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

bool AppendHexBytes(std::string_view hex, size_t bytes, std::string* out) {
  if (hex.size() != 2 * bytes)
    return false;
  auto value = [](char c) {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
  };
  std::string decoded;
  for (size_t i = 0; i < hex.size(); i += 2) {
    const int high = value(hex[i]);
    const int low = value(hex[i + 1]);
    if (high < 0 || low < 0)
      return false;
    decoded.push_back(static_cast<char>(high << 4 | low));
  }
  out->append(decoded);
  return true;
}

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace readforge
