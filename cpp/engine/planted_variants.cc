#include "engine/planted_variants.h"

#include <algorithm>

#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/uniform_01.hpp>

#include "engine/bases.h"
#include "engine/text.h"

namespace readforge {
namespace {

// A genotype's allele: its number, or '.' for none.
void AppendAllele(int allele, std::string* out) {
  if (allele < 0)
    out->push_back('.');
  else
    *out += std::to_string(allele);
}

std::string Where(const std::string& contig, int64_t pos) {
  return contig + ":" + std::to_string(pos + 1);
}

}  // namespace

Status PlantedVariants::Fail(const std::string& message) {
  failed_ = true;
  return Status::Error(options_.variants_name.empty() ? message
                                                      : options_.variants_name + ": " + message);
}

PlantedVariants::PlantedVariants(const Options& options, const std::vector<ContigInfo>& contigs)
    : options_(options), reader_(options.variants_sample) {
  for (size_t i = 0; i < contigs.size(); ++i)
    ordinal_.emplace(contigs[i].name, static_cast<int64_t>(i));
}

Status PlantedVariants::Collect(const std::string& contig,
                                int64_t begin,
                                int64_t end,
                                RecordBatch* out,
                                bool* need_input) {
  *need_input = false;
  const int64_t ordinal = contig.empty() ? static_cast<int64_t>(ordinal_.size())
                                         : ordinal_.at(contig);  // empty: the end of the run
  while (true) {
    // Records are read straight into the batch (most belong to the block); the few that do not
    // are swapped out to pending_ (copying every record in was a tenth of planting's time).
    VcfRecord* record = &pending_;
    if (!has_pending_ && !ended_) {
      record = &out->Add();
      const VcfReader::Event event = reader_.Next(record);
      if (event != VcfReader::Event::kRecord)
        out->RemoveLast();
      switch (event) {
        case VcfReader::Event::kNeedInput:
          *need_input = true;
          return Status::Ok();
        case VcfReader::Event::kError:
          return Fail(reader_.error());
        case VcfReader::Event::kEnd:
          ended_ = true;
          break;
        case VcfReader::Event::kRecord: {
          const Status order = CheckOrder(*record);
          if (!order.ok()) {
            out->RemoveLast();
            return order;
          }
          has_pending_ = true;
          break;
        }
      }
    }
    if (!has_pending_)
      return Status::Ok();  // the end of the VCF
    has_pending_ = false;
    const bool in_batch = record != &pending_;
    const int64_t o = last_ordinal_;
    if (o < ordinal || (o == ordinal && record->pos < begin)) {
      ++counts_.outside;  // on a contig or stretch this run does not simulate
      if (in_batch)
        out->RemoveLast();
      continue;
    }
    if (o == ordinal && record->pos < end) {
      if (!in_batch)
        std::swap(out->Add(), pending_);
      continue;
    }
    if (in_batch) {  // a later block's
      std::swap(*record, pending_);
      out->RemoveLast();
    }
    has_pending_ = true;
    return Status::Ok();
  }
}

Status PlantedVariants::CheckOrder(const VcfRecord& record) {
  auto at = [&] { return "line " + std::to_string(record.line) + ": "; };
  int64_t record_ordinal = last_ordinal_;
  if (record.contig != last_contig_) {
    auto it = ordinal_.find(record.contig);
    if (it == ordinal_.end()) {
      return Fail(at() + "contig '" + record.contig +
                  "' is not in the reference (a VCF for another reference, or with other "
                  "contig names?)");
    }
    record_ordinal = it->second;
    last_contig_ = record.contig;
  }
  if (record_ordinal < last_ordinal_ ||
      (record_ordinal == last_ordinal_ && record.pos < last_pos_)) {
    return Fail(at() + "records out of order: " + Where(record.contig, record.pos) +
                " after line " + std::to_string(last_line_) +
                " (the VCF must follow the reference's order: sort it with bcftools sort)");
  }
  last_ordinal_ = record_ordinal;
  last_pos_ = record.pos;
  last_line_ = record.line;
  return Status::Ok();
}

Status PlantedVariants::AddAllele(const VcfRecord& r,
                                  int allele,
                                  uint8_t haplotypes,
                                  int64_t pos,
                                  std::vector<Variant>* variants) const {
  const std::string_view ref = r.ref();
  const std::string_view alt = r.alt(static_cast<size_t>(allele - 1));
  size_t prefix = 0;
  while (prefix < ref.size() && prefix < alt.size() && ref[prefix] == alt[prefix])
    ++prefix;
  const int64_t base = pos + static_cast<int64_t>(prefix);
  const size_t n = std::min(ref.size(), alt.size()) - prefix;
  const size_t first = variants->size();
  for (size_t i = 0; i < n; ++i) {
    const char from = ref[prefix + i];
    const char to = alt[prefix + i];
    if (from == to || BaseIndex(from) < 0 || BaseIndex(to) < 0)
      continue;  // the same base, or N on either side: nothing a read can show
    Variant v;
    v.pos = base + static_cast<int64_t>(i);
    v.type = VariantType::kSnp;
    v.snp_shift = static_cast<uint8_t>((BaseIndex(to) - BaseIndex(from)) & 3);
    v.haplotypes = haplotypes;
    v.planted = true;
    variants->push_back(v);
  }
  if (alt.size() > ref.size()) {
    // An insertion after the last base REF and ALT share in length (the last trimmed one when
    // they share none): a SNP already there becomes the insertion's changed anchor.
    Variant v;
    v.type = VariantType::kInsertion;
    v.pos = base + static_cast<int64_t>(n) - 1;
    v.length = static_cast<int64_t>(alt.size() - ref.size());
    v.inserted.assign(alt.substr(prefix + n));
    v.haplotypes = haplotypes;
    v.snp_shift = 0;
    v.planted = true;
    if (variants->size() > first && variants->back().pos == v.pos) {
      v.snp_shift = variants->back().snp_shift;
      variants->pop_back();
    }
    variants->push_back(std::move(v));
  } else if (ref.size() > alt.size()) {
    Variant v;
    v.type = VariantType::kDeletion;
    v.pos = base + static_cast<int64_t>(n);
    v.length = static_cast<int64_t>(ref.size() - alt.size());
    v.haplotypes = haplotypes;
    v.planted = true;
    variants->push_back(v);
  }
  return Status::Ok();
}

Status PlantedVariants::Plant(const RecordBatch& records,
                              const std::string& contig,
                              int64_t span_begin,
                              int64_t span_length,
                              const SpanWindow& window,
                              Rng& rng,
                              std::vector<Variant>* variants,
                              std::vector<PlantedTruth>* truth) {
  boost::random::bernoulli_distribution<double> coin(0.5);
  for (const VcfRecord& r : records) {
    const int64_t pos = r.pos - span_begin;
    const int64_t length = static_cast<int64_t>(r.ref().size());
    if (pos + length > span_length) {
      ++counts_.outside;  // crosses the end of its span (a region's, or past the contig)
      continue;
    }
    if (pos + length > window.end())
      return Status::Error("internal error: the bases of a planted record have not arrived");
    const std::string_view bases(window.data(pos), static_cast<size_t>(length));
    if (bases != r.ref()) {
      if (options_.skip_mismatches) {
        ++counts_.mismatches;
        continue;
      }
      return Fail("line " + std::to_string(r.line) + ": REF '" + std::string(r.ref()) + "' at " +
                  Where(contig, r.pos) + " is not the reference's '" + std::string(bases) +
                  "' (a VCF for another reference? --skip-mismatches skips such "
                  "records)");
    }
    if (pos < planted_until_) {
      ++counts_.overlapping;  // the first record wins
      continue;
    }
    // Which allele each haplotype carries.
    std::array<int, 2> alleles = r.alleles;
    if (r.ploidy == 0) {
      alleles = {1, 1};
      if (options_.het_fraction > 0 &&
          boost::random::uniform_01<double>()(rng) < options_.het_fraction)
        alleles[coin(rng) ? 0 : 1] = 0;
    } else if (r.ploidy == 1) {
      alleles = {r.alleles[0], r.alleles[0]};
    } else if (!r.phased && alleles[0] != alleles[1] && coin(rng)) {
      std::swap(alleles[0], alleles[1]);
    }
    if (options_.haploid)
      alleles[1] = alleles[0];
    const size_t first = variants->size();
    for (int a = 1; a <= static_cast<int>(r.alt_count()); ++a) {
      const uint8_t haplotypes =
          static_cast<uint8_t>((alleles[0] == a ? 1 : 0) | (alleles[1] == a ? 2 : 0));
      if (haplotypes)
        RF_RETURN_IF_ERROR(AddAllele(r, a, haplotypes, pos, variants));
    }
    if (alleles[0] < 1 && alleles[1] < 1)
      continue;  // neither haplotype carries an ALT allele: nothing to plant
    // Several ALT alleles' parts, each allele's sorted: an insertion sort keeps their order
    // (a handful of parts; std::stable_sort would allocate a buffer for each record).
    for (size_t i = first + 1; i < variants->size(); ++i) {
      for (size_t j = i; j > first && (*variants)[j].pos < (*variants)[j - 1].pos; --j)
        std::swap((*variants)[j], (*variants)[j - 1]);
    }
    PlantedTruth& line = truth->emplace_back();
    line.pos = pos;
    line.end = pos + length;
    if (options_.write_vcf) {
      line.ref.assign(r.ref());
      for (size_t i = 0; i < r.alt_count(); ++i) {
        if (i)
          line.alts.push_back(',');
        line.alts += r.alt(i);
      }
      AppendAllele(alleles[0], &line.genotype);
      if (!options_.haploid) {
        line.genotype.push_back('|');
        AppendAllele(alleles[1], &line.genotype);
      }
    }
    planted_until_ = std::max(planted_until_, pos + length);
    ++counts_.planted;
  }
  return Status::Ok();
}

}  // namespace readforge
