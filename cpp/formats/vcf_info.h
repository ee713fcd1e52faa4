// INFO-field lookups the VCF readers share: a flag, a KEY=VALUE, and where a symbolic structural
// variant ends (INFO/END, or POS + |SVLEN|, as VCF 4.3 defines them).
#ifndef READFORGE_FORMATS_VCF_INFO_H_
#define READFORGE_FORMATS_VCF_INFO_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace readforge {

// Whether INFO holds the flag KEY.
bool HasFlag(std::string_view info, std::string_view key);

// The value of KEY=VALUE in an INFO field ("" when absent; `*found` says whether it was).
std::string_view InfoValue(std::string_view info, std::string_view key, bool* found);

// The 1-based inclusive END of a symbolic record at `pos1`: INFO/END, else POS + |SVLEN|. False
// with `*problem` (what is wrong, for a message naming the record) when neither says, or END is
// not after POS.
bool SymbolicEnd(std::string_view info, int64_t pos1, int64_t* end1, std::string* problem);

}  // namespace readforge

#endif  // READFORGE_FORMATS_VCF_INFO_H_
