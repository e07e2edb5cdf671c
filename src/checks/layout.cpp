// kind: layout — typography and page geometry, for documents that carry layout (.docx); other
// inputs are skipped. One finding per rule and document: at the first paragraph that differs, with
// the number of paragraphs that do.
//
//   target: title | body | heading | page
//   level: 1                         (heading) the heading level
//   fonts: ['小标宋']                  (title, body, heading) the East Asian font must contain one
//   size_pt: 22                      (title, body, heading) the usual size …
//   tolerance_pt: 0.5                … give or take this
//   page: {width_mm: 210, height_mm: 297, top_mm: 37, bottom_mm: 35, left_mm: 28, right_mm: 26}
//   tolerance_mm: 1                  (page)
//   message: ... {font} {size} {count} ...    (page: {found} {count})
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "checks/build_context.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

enum class Target { title, body, heading, page };

struct Typeface {
  std::string font;
  double size = 0;
};

// The font and size of the Chinese text of a paragraph (or of a part of it): those of the runs
// holding the most Chinese characters.
std::optional<Typeface> typeface(const Document& doc, const Paragraph& p, Span within) {
  if (!p.layout) return std::nullopt;
  std::map<std::pair<std::string, double>, std::size_t> weight;
  for (const RunStyle& r : p.layout->runs) {
    Span s{std::max(r.span.begin, within.begin), std::min(r.span.end, within.end)};
    if (s.begin >= s.end) continue;
    std::size_t han = 0;
    std::string_view text = doc.str(s);
    for (std::size_t i = 0; i < text.size();) han += utf8::is_han(utf8::next(text, i));
    if (han > 0) weight[{r.east_asian_font, r.size_pt}] += han;
  }
  const std::pair<const std::pair<std::string, double>, std::size_t>* best = nullptr;
  for (const auto& w : weight) {
    if (!best || w.second > best->second) best = &w;
  }
  if (!best) return std::nullopt;
  return Typeface{best->first.first, best->first.second};
}

std::string lower_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return s;
}

// A number of points written in full ("16", "10.5"): positive, or also zero when `zero_ok`.
std::optional<double> points(const std::string& text, bool zero_ok) {
  std::size_t used = 0;
  double v = 0;
  try {
    v = std::stod(text, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (used != text.size() || !std::isfinite(v) || v < 0 || (v == 0 && !zero_ok))
    return std::nullopt;
  return v;
}

std::string number(double v) {
  return v == std::floor(v) ? fmt::format("{:.0f}", v) : fmt::format("{:.1f}", v);
}

class Layout final : public Check {
 public:
  Target target = Target::body;
  std::uint32_t level = 1;
  std::vector<std::string> fonts;  // lower-cased
  std::optional<double> size_pt;
  double tolerance_pt = 0.5;
  struct Page {
    double width = 0, height = 0, top = 0, bottom = 0, left = 0, right = 0;
  };
  std::optional<Page> page;
  double tolerance_mm = 1;
  MessageTemplate message;

  explicit Layout(RuleCommon common) : Check(std::move(common)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    if (!doc.has_layout()) return;
    if (target == Target::page) return run_page(ctx, sink);
    std::optional<Span> first;
    Typeface first_face;
    std::size_t count = 0;
    for (const auto& [paragraph, within] : paragraphs(doc)) {
      auto face = typeface(doc, doc.paragraphs[paragraph], within);
      if (!face || face->font.empty() || face->size <= 0) continue;  // unknown: nothing to judge
      if (fits(*face)) continue;
      if (!first) {
        first = within;
        first_face = *face;
      }
      ++count;
    }
    if (!first) return;
    sink.add(*this, *first,
             message.format({{"font", first_face.font},
                             {"size", number(first_face.size)},
                             {"count", std::to_string(count)}}));
  }

 private:
  bool fits(const Typeface& face) const {
    bool font_ok = fonts.empty();
    std::string name = lower_ascii(face.font);
    for (const std::string& f : fonts) font_ok = font_ok || name.find(f) != std::string::npos;
    bool size_ok = !size_pt || std::fabs(face.size - *size_pt) <= tolerance_pt;
    return font_ok && size_ok;
  }

  // The paragraphs the target covers, with the part of each that counts.
  std::vector<std::pair<std::uint32_t, Span>> paragraphs(const Document& doc) const {
    std::vector<std::pair<std::uint32_t, Span>> out;
    for (std::uint32_t i = 0; i < doc.paragraphs.size(); ++i) {
      const Paragraph& p = doc.paragraphs[i];
      if (target == Target::title && p.role == ParagraphRole::title) out.emplace_back(i, p.span);
      if (target == Target::body &&
          (p.role == ParagraphRole::body || p.role == ParagraphRole::preamble)) {
        out.emplace_back(i, p.span);
      }
    }
    if (target == Target::heading) {
      for (const Section& s : doc.sections) {
        if (s.level == level)
          out.emplace_back(s.paragraph, Span{s.marker.span.begin, s.heading.end});
      }
    }
    return out;
  }

  // One finding for the document: at the first section whose page differs, with the number of
  // such sections. A section without a page size (no w:pgSz) has no known geometry to judge.
  void run_page(const CheckContext& ctx, FindingSink& sink) const {
    const Document& doc = ctx.doc;
    const PageSetup* first = nullptr;
    std::size_t count = 0;
    for (const PageSetup& p : doc.pages) {
      if (p.width_mm <= 0 && p.height_mm <= 0) continue;
      auto off = [&](double found, double expected) {
        return expected > 0 && std::fabs(found - expected) > tolerance_mm;
      };
      if (!off(p.width_mm, page->width) && !off(p.height_mm, page->height) &&
          !off(p.margin_top_mm, page->top) && !off(p.margin_bottom_mm, page->bottom) &&
          !off(p.margin_left_mm, page->left) && !off(p.margin_right_mm, page->right)) {
        continue;
      }
      if (!first) first = &p;
      ++count;
    }
    if (!first) return;
    const PageSetup& p = *first;
    std::string found =
        fmt::format("{}×{} mm, {}/{}/{}/{} mm", number(p.width_mm), number(p.height_mm),
                    number(p.margin_top_mm), number(p.margin_bottom_mm), number(p.margin_left_mm),
                    number(p.margin_right_mm));
    Span at = ctx.document_start();
    if (p.first_paragraph < doc.paragraphs.size()) {
      at = {doc.paragraphs[p.first_paragraph].span.begin,
            doc.paragraphs[p.first_paragraph].span.begin};
    }
    sink.add(*this, at, message.format({{"found", found}, {"count", std::to_string(count)}}));
  }
};

}  // namespace

std::unique_ptr<Check> make_layout(RuleSpec& spec) {
  Fields& f = spec.fields;
  auto check = std::make_unique<Layout>(spec.common);
  auto target = f.string("target", true);
  if (!target) return nullptr;
  static const std::pair<std::string_view, Target> kTargets[] = {{"title", Target::title},
                                                                 {"body", Target::body},
                                                                 {"heading", Target::heading},
                                                                 {"page", Target::page}};
  auto it = std::find_if(std::begin(kTargets), std::end(kTargets),
                         [&](const auto& t) { return t.first == *target; });
  if (it == std::end(kTargets)) {
    f.error("target",
            fmt::format("'target' must be title, body, heading or page, not '{}'", *target));
    return nullptr;
  }
  check->target = it->second;
  std::optional<MessageTemplate> message;
  if (check->target == Target::page) {
    auto page = f.map("page", true);
    if (!page) return nullptr;
    auto mm = [&](const char* key) {
      return static_cast<double>(page->integer(key, 1, 2000).value_or(0));
    };
    check->page = Layout::Page{mm("width_mm"),  mm("height_mm"), mm("top_mm"),
                               mm("bottom_mm"), mm("left_mm"),   mm("right_mm")};
    check->tolerance_mm = static_cast<double>(f.integer("tolerance_mm", 0, 50).value_or(1));
    message = spec.ctx.message(f, "message", {"found", "count"});
  } else {
    if (check->target == Target::heading)
      check->level = static_cast<std::uint32_t>(f.integer("level", 1, 9, true).value_or(1));
    for (const std::string& font : f.strings("fonts")) check->fonts.push_back(lower_ascii(font));
    if (auto size = f.string("size_pt")) {
      check->size_pt = points(*size, false);
      if (!check->size_pt)
        f.error("size_pt", fmt::format("'size_pt' must be a number of points, not '{}'", *size));
    }
    if (auto tolerance = f.string("tolerance_pt")) {
      auto value = points(*tolerance, true);
      if (value) {
        check->tolerance_pt = *value;
      } else {
        f.error("tolerance_pt",
                fmt::format("'tolerance_pt' must be a number of points, not '{}'", *tolerance));
      }
    }
    if (check->fonts.empty() && !f.has("size_pt"))
      f.error_at(f.pos(), "a layout rule needs 'fonts' or 'size_pt'");
    message = spec.ctx.message(f, "message", {"font", "size", "count"});
  }
  if (!message) return nullptr;
  check->message = std::move(*message);
  return check;
}

}  // namespace fzcheck::detail
