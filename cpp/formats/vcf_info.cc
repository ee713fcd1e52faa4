#include "formats/vcf_info.h"

#include "formats/text.h"

namespace readforge {

bool HasFlag(std::string_view info, std::string_view key) {
  while (!info.empty()) {
    const size_t semicolon = info.find(';');
    if (info.substr(0, semicolon) == key)
      return true;
    if (semicolon == std::string_view::npos)
      break;
    info.remove_prefix(semicolon + 1);
  }
  return false;
}

std::string_view InfoValue(std::string_view info, std::string_view key, bool* found) {
  *found = false;
  while (!info.empty()) {
    const size_t semicolon = info.find(';');
    const std::string_view item = info.substr(0, semicolon);
    if (item.size() > key.size() && item.substr(0, key.size()) == key && item[key.size()] == '=') {
      *found = true;
      return item.substr(key.size() + 1);
    }
    if (semicolon == std::string_view::npos)
      break;
    info.remove_prefix(semicolon + 1);
  }
  return {};
}

bool SymbolicEnd(std::string_view info, int64_t pos1, int64_t* end1, std::string* problem) {
  bool found = false;
  const std::string_view end_text = InfoValue(info, "END", &found);
  if (found && !ParseInt64(end_text, end1)) {
    *problem = "END must be a position, got '" + std::string(end_text) + "'";
    return false;
  }
  if (!found) {  // SVLEN then: the affected bases' count (negative for a deletion)
    const std::string_view svlen = InfoValue(info, "SVLEN", &found);
    int64_t length = 0;
    if (!found || !ParseInt64(svlen, &length) || length == 0) {
      *problem = "needs INFO/END (or SVLEN) to say where it ends";
      return false;
    }
    *end1 = pos1 + (length < 0 ? -length : length);
  }
  if (*end1 <= pos1) {
    *problem = "END (" + std::to_string(*end1) + ") must be after POS";
    return false;
  }
  return true;
}

}  // namespace readforge
