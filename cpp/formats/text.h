// Small text helpers shared by option parsing, region parsing and error messages.
#ifndef READFORGE_FORMATS_TEXT_H_
#define READFORGE_FORMATS_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace readforge {

// Strict parsers: the whole text must be a number of the type, else false.
bool ParseInt64(std::string_view text, int64_t* value);
bool ParseUint64(std::string_view text, uint64_t* value);
bool ParseDouble(std::string_view text, double* value);

// Takes the next line off `text`, without its line end ("\n" or "\r\n"). False at the end.
bool NextLine(std::string_view* text, std::string_view* line);

// Takes the next tab-separated field off `line`.
std::string_view NextTabField(std::string_view* line);
// Takes the next field separated by tabs or spaces off `line` (BED as people write it); empty
// at the end.
std::string_view NextWord(std::string_view* line);

// Inline lists ("300:5,450:3"): the next `separator`-separated item off `text` (false at the
// end), and the next `separator`-separated field off an item.
bool NextItem(std::string_view* text, std::string_view* item, char separator);
std::string_view NextField(std::string_view* item, char separator);

// A byte as messages name it: 'x' when printable, else "byte 0x1f".
std::string DescribeByte(unsigned char c);

// Shortest readable form of a number ("0.02", "1e+12", "nan").
std::string FormatNumber(double value);

// A path's last component ("data/ref.fa" -> "ref.fa"; either slash).
std::string_view BaseName(std::string_view path);

// Whether bytes start as gzip (and bgzip) do: a file given compressed where text is read whole.
inline bool IsGzip(std::string_view bytes) {
  return bytes.substr(0, 2) == "\x1f\x8b";
}

// Bytes as lowercase hexadecimal, and back: `hex` must be exactly 2 * `bytes` digits (either
// case); false (and nothing appended) otherwise.
std::string HexOf(std::string_view bytes);
bool AppendHexBytes(std::string_view hex, size_t bytes, std::string* out);

}  // namespace readforge

#endif  // READFORGE_FORMATS_TEXT_H_
