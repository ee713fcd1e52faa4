#include "engine/contig_scanner.h"

#include <limits>

namespace readforge {

Status ContigScanner::Push(const char* data, size_t size) {
  const char* p = data;
  const char* end = data + size;
  size_t written = 0;
  while (true) {
    switch (parser_.Next(&p, end, nullptr, std::numeric_limits<size_t>::max(), &written)) {
      case FastaParser::Event::kError:
        return Status::Error(parser_.error());
      case FastaParser::Event::kHeader:
        contigs_.push_back(ContigInfo{parser_.name(), 0});
        break;
      case FastaParser::Event::kBases:
        bases_ += static_cast<int64_t>(written);
        contigs_.back().length += static_cast<int64_t>(written);
        break;
      case FastaParser::Event::kNeedInput:
        return Status::Ok();
    }
  }
}

Status ContigScanner::Finish() {
  if (parser_.Finish() == FastaParser::Event::kError)
    return Status::Error(parser_.error());
  return Status::Ok();
}

}  // namespace readforge
