#include "engine/gc_bias.h"

#include <algorithm>
#include <cmath>

#include "formats/text.h"

namespace readforge {
namespace {

// Entries of either form: `entry` splits off the next, `field` its next field.
template <typename NextEntry, typename NextField>
Status ParsePoints(std::string_view text,
                   NextEntry entry,
                   NextField field,
                   const char* what,
                   const char* shape,
                   GcBias* bias,
                   Status (*finish)(std::vector<std::pair<double, double>>, GcBias*)) {
  std::vector<std::pair<double, double>> points;
  std::string_view item;
  int64_t number = 0;
  while (entry(&text, &item)) {
    ++number;
    if (item.empty() || item[0] == '#')
      continue;
    double gc = 0, coverage = 0;
    if (!ParseDouble(field(&item), &gc) || !ParseDouble(field(&item), &coverage) || !item.empty() ||
        !(gc >= 0 && gc <= 1) || !(coverage > 0 && coverage <= GcBias::kMaxCoverage)) {
      return Status::Error(std::string(what) + std::to_string(number) + ": expected " + shape +
                           ", a GC fraction from 0 to 1 and a relative coverage above 0 (at "
                           "most 1e6)");
    }
    points.emplace_back(gc, coverage);
  }
  return finish(std::move(points), bias);
}

}  // namespace

bool GcBias::BuiltIn(std::string_view name, GcBias* bias) {
  std::vector<std::pair<double, double>> points;
  if (name == "pcr") {
    points = {{0.0, 0.05}, {0.2, 0.3},  {0.3, 0.75}, {0.4, 1.0},
              {0.55, 1.0}, {0.65, 0.7}, {0.75, 0.3}, {1.0, 0.05}};
  } else if (name == "pcr-free") {
    points = {{0.0, 0.5}, {0.2, 0.8}, {0.3, 1.0}, {0.6, 1.0}, {0.7, 0.85}, {1.0, 0.5}};
  } else {
    return false;
  }
  if (!FromPoints(std::move(points), bias).ok())
    return false;  // (the built-in curves are valid)
  bias->name = std::string(name);
  return true;
}

bool GcBias::IsInline(std::string_view text) {
  if (text.find(':') == std::string_view::npos)
    return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == ':' || c == ',';
  });
}

Status GcBias::ParseInline(std::string_view text, GcBias* bias) {
  auto entry = [](std::string_view* t, std::string_view* item) { return NextItem(t, item, ','); };
  auto field = [](std::string_view* item) { return NextField(item, ':'); };
  RF_RETURN_IF_ERROR(ParsePoints(text, entry, field, "entry ", "GC:COVERAGE", bias, FromPoints));
  bias->name = std::string(text);
  return Status::Ok();
}

Status GcBias::Parse(std::string_view tsv, GcBias* bias) {
  return ParsePoints(tsv, NextLine, NextTabField, "line ", "GC<TAB>COVERAGE", bias, FromPoints);
}

Status GcBias::FromPoints(std::vector<std::pair<double, double>> points, GcBias* bias) {
  if (points.empty())
    return Status::Error("no points (expected GC fractions with their relative coverage)");
  std::sort(points.begin(), points.end());
  for (size_t i = 1; i < points.size(); ++i) {
    if (points[i].first == points[i - 1].first) {
      return Status::Error("GC " + FormatNumber(points[i].first) +
                           " is given twice: one coverage per GC fraction");
    }
  }
  double highest = 0;
  for (const auto& p : points)
    highest = std::max(highest, p.second);
  GcBias b;
  for (auto& p : points)
    b.points_.emplace_back(p.first, p.second / highest);
  for (int step = 0; step <= kSteps; ++step) {
    // keep * 2^64, short of 2^64 itself (which a keep just below 1 rounds to).
    const double keep = b.Coverage(static_cast<double>(step) / kSteps);
    const double scaled = std::ldexp(keep, 64);
    b.keep_below_[static_cast<size_t>(step)] = keep >= 1          ? ~uint64_t{0}
                                               : scaled >= 0x1p64 ? ~uint64_t{0} - 1
                                                                  : static_cast<uint64_t>(scaled);
  }
  *bias = std::move(b);
  return Status::Ok();
}

double GcBias::Coverage(double gc) const {
  if (gc <= points_.front().first)
    return points_.front().second;
  if (gc >= points_.back().first)
    return points_.back().second;
  const auto right = std::upper_bound(points_.begin(), points_.end(), std::make_pair(gc, 1e300));
  const auto left = right - 1;
  const double t = (gc - left->first) / (right->first - left->first);
  return left->second + t * (right->second - left->second);
}

}  // namespace readforge
