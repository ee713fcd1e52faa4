#include "formats/community_joiner.h"

namespace readforge {

void CommunityJoiner::StartGenome(std::string_view genome) {
  genome_ = std::string(genome);
  line_start_ = true;
  in_name_ = false;
  written_ = false;
}

void CommunityJoiner::EndName() {
  in_name_ = false;
  map_ += genome_ + "|" + name_ + "\t" + genome_ + "\n";
}

void CommunityJoiner::EndGenome(std::string* out) {
  if (in_name_)
    EndName();
  // A file whose last line has no line end: one is added, so the next '>' starts a line.
  if (written_ && !line_start_)
    out->push_back('\n');
  line_start_ = true;
  written_ = false;
}

void CommunityJoiner::Push(const char* data, size_t size, std::string* out) {
  out->reserve(out->size() + size + 64);
  for (size_t i = 0; i < size; ++i) {
    const char c = data[i];
    if (line_start_ && c == '>') {
      *out += '>';
      *out += genome_;
      out->push_back('|');
      in_name_ = true;
      name_.clear();
      line_start_ = false;
      written_ = true;
      continue;
    }
    if (in_name_) {
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        EndName();
      else
        name_.push_back(c);
    }
    out->push_back(c);
    line_start_ = c == '\n';
    written_ = true;
  }
}

}  // namespace readforge
