// .docx (Office Open XML WordprocessingML): paragraphs of word/document.xml in document order,
// with list numbers rendered, heading hints from outline levels and styles, and layout facts.
// What is read and what is not: docs/input-formats.md.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fzcheck/i18n.hpp"
#include "model/builder.hpp"
#include "readers/docx_numbering.hpp"
#include "readers/docx_package.hpp"
#include "readers/readers.hpp"
#include "readers/xml_part.hpp"
#include "readers/zip_archive.hpp"
#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

constexpr std::string_view kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWordStrictNs = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::string_view kCompatNs =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr std::string_view kMathNs = "http://schemas.openxmlformats.org/officeDocument/2006/math";
constexpr std::string_view kDrawingNs = "http://schemas.openxmlformats.org/drawingml/2006/main";

constexpr char32_t kLineSeparator = 0x2028;  // a line break inside a paragraph (w:br, w:cr)
constexpr char32_t kNonBreakingHyphen = 0x2011;

Error fail(ErrorCode code, std::string key, std::string_view file, MessageValues args = {}) {
  return ui_error(code, std::move(key), std::move(args), std::string(file));
}

int to_int(std::string_view s, int fallback) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return (ec == std::errc() && ptr == s.data() + s.size()) ? value : fallback;
}

using ascii::lower;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The WordprocessingML prefix of a part ("w:" almost always).
std::string word_prefix(pugi::xml_node root) {
  std::string w = namespace_prefix(root, kWordNs, "");
  if (w.empty() && std::string_view(root.name()).find(':') != std::string_view::npos) {
    w = namespace_prefix(root, kWordStrictNs, "w:");
  }
  return w;
}

// Visits the nodes below `root` in document order, without recursion. `enter(node)` returns
// whether to visit the node's children; `leave(node)` is called for every node after its
// children (or right after enter when they are skipped).
template <class Enter, class Leave>
void walk(pugi::xml_node root, Enter&& enter, Leave&& leave) {
  pugi::xml_node node = root.first_child();
  while (node) {
    if (enter(node)) {
      if (pugi::xml_node child = node.first_child()) {
        node = child;
        continue;
      }
    }
    leave(node);
    while (!node.next_sibling()) {
      node = node.parent();
      if (!node || node == root) return;
      leave(node);
    }
    node = node.next_sibling();
  }
}

// ---- relationships --------------------------------------------------------------------------

// "word/" for "word/document.xml".
std::string directory_of(std::string_view part) {
  auto slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

// A relationship target, relative to `base_dir` unless it starts with '/', with ".." resolved.
std::string resolve_target(std::string_view base_dir, std::string_view target) {
  std::string path = target.substr(0, 1) == "/" ? std::string(target.substr(1))
                                                : std::string(base_dir) + std::string(target);
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i <= path.size()) {
    std::size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    std::string seg = path.substr(i, j - i);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    i = j + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

// Relationship type suffix ("/styles") → target part, from a .rels part.
std::map<std::string, std::string> read_relationships(const pugi::xml_document& rels,
                                                      std::string_view base_dir) {
  std::map<std::string, std::string> out;
  for (pugi::xml_node r : rels.document_element().children()) {
    std::string_view name = r.name();
    if (name != "Relationship" && !ends_with(name, ":Relationship")) continue;
    if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
    std::string_view type = r.attribute("Type").value();
    auto slash = type.rfind('/');
    std::string key(slash == std::string_view::npos ? type : type.substr(slash));
    if (!out.count(key)) out[key] = resolve_target(base_dir, r.attribute("Target").value());
  }
  return out;
}

// ---- theme fonts ----------------------------------------------------------------------------

struct ThemeFonts {
  std::string major_latin, minor_latin, major_east_asian, minor_east_asian;

  std::optional<std::string> get(std::string_view theme_name) const {
    const std::string* s = nullptr;
    if (theme_name == "majorEastAsia") s = &major_east_asian;
    if (theme_name == "minorEastAsia") s = &minor_east_asian;
    if (theme_name == "majorAscii" || theme_name == "majorHAnsi") s = &major_latin;
    if (theme_name == "minorAscii" || theme_name == "minorHAnsi") s = &minor_latin;
    if (s == nullptr || s->empty()) return std::nullopt;
    return *s;
  }
};

ThemeFonts read_theme(const pugi::xml_document& theme) {
  ThemeFonts fonts;
  pugi::xml_node root = theme.document_element();
  std::string a = namespace_prefix(root, kDrawingNs, "a:");
  pugi::xml_node scheme =
      root.child((a + "themeElements").c_str()).child((a + "fontScheme").c_str());
  auto read = [&](const char* which, std::string& latin, std::string& east_asian) {
    pugi::xml_node font = scheme.child((a + which).c_str());
    latin = font.child((a + "latin").c_str()).attribute("typeface").value();
    east_asian = font.child((a + "ea").c_str()).attribute("typeface").value();
    if (east_asian.empty()) {
      // An empty a:ea means "by script": the simplified Chinese entry.
      const std::string font_tag = a + "font";  // outlives the loop: pugixml keeps the pointer
      for (pugi::xml_node f : font.children(font_tag.c_str())) {
        if (std::string_view(f.attribute("script").value()) == "Hans") {
          east_asian = f.attribute("typeface").value();
        }
      }
    }
  };
  read("majorFont", fonts.major_latin, fonts.major_east_asian);
  read("minorFont", fonts.minor_latin, fonts.minor_east_asian);
  return fonts;
}

// ---- properties -----------------------------------------------------------------------------

bool on_off_value(pugi::xml_node node, const std::string& val) {
  pugi::xml_attribute a = node.attribute(val.c_str());
  if (!a) return true;
  std::string_view v = a.value();
  return !(v == "0" || v == "false" || v == "off");
}

struct RunProps {
  std::optional<std::string> east_asian, latin;
  std::optional<double> size;
  std::optional<bool> bold, hidden;

  void apply(const RunProps& o) {
    if (o.east_asian) east_asian = o.east_asian;
    if (o.latin) latin = o.latin;
    if (o.size) size = o.size;
    if (o.bold) bold = o.bold;
    if (o.hidden) hidden = o.hidden;
  }
};

RunProps read_rpr(pugi::xml_node rpr, const std::string& w, const ThemeFonts& theme) {
  RunProps p;
  const std::string val = w + "val";
  for (pugi::xml_node c : rpr.children()) {
    std::string_view name = local_name(c.name(), w);
    if (name == "rFonts") {
      // A theme font wins over an explicit name on the same element.
      if (auto t = theme.get(c.attribute((w + "eastAsiaTheme").c_str()).value())) {
        p.east_asian = t;
      } else if (pugi::xml_attribute ea = c.attribute((w + "eastAsia").c_str())) {
        p.east_asian = ea.value();
      }
      if (auto t = theme.get(c.attribute((w + "asciiTheme").c_str()).value())) {
        p.latin = t;
      } else if (pugi::xml_attribute ascii = c.attribute((w + "ascii").c_str())) {
        p.latin = ascii.value();
      } else if (pugi::xml_attribute hansi = c.attribute((w + "hAnsi").c_str())) {
        p.latin = hansi.value();
      }
    } else if (name == "sz") {
      int half_points = to_int(c.attribute(val.c_str()).value(), -1);
      if (half_points > 0) p.size = half_points / 2.0;
    } else if (name == "b") {
      p.bold = on_off_value(c, val);
    } else if (name == "vanish") {
      p.hidden = on_off_value(c, val);
    }
  }
  return p;
}

struct ParaProps {
  std::optional<std::string> style;  // w:pStyle (direct properties only)
  std::optional<std::string> alignment;
  std::optional<int> line;
  std::optional<std::string> line_rule;
  std::optional<int> outline;  // w:outlineLvl, 0-based; 9 = body text
  std::optional<int> num_id, ilvl;
  bool mark_deleted = false;  // w:rPr/w:del on the paragraph mark (direct properties only)
  pugi::xml_node sect;        // w:sectPr: this paragraph ends a section

  void apply(const ParaProps& o) {
    if (o.alignment) alignment = o.alignment;
    if (o.line) line = o.line;
    if (o.line_rule) line_rule = o.line_rule;
    if (o.outline) outline = o.outline;
  }
};

ParaProps read_ppr(pugi::xml_node ppr, const std::string& w) {
  ParaProps p;
  const std::string val = w + "val";
  for (pugi::xml_node c : ppr.children()) {
    std::string_view name = local_name(c.name(), w);
    if (name == "pStyle") {
      p.style = c.attribute(val.c_str()).value();
    } else if (name == "jc") {
      p.alignment = c.attribute(val.c_str()).value();
    } else if (name == "spacing") {
      if (pugi::xml_attribute line = c.attribute((w + "line").c_str())) {
        p.line = to_int(line.value(), 0);
        p.line_rule = c.attribute((w + "lineRule").c_str()).value();
      }
    } else if (name == "outlineLvl") {
      p.outline = to_int(c.attribute(val.c_str()).value(), 9);
    } else if (name == "numPr") {
      for (pugi::xml_node n : c.children()) {
        std::string_view nn = local_name(n.name(), w);
        if (nn == "numId") p.num_id = to_int(n.attribute(val.c_str()).value(), 0);
        if (nn == "ilvl") p.ilvl = to_int(n.attribute(val.c_str()).value(), 0);
      }
    } else if (name == "rPr") {
      p.mark_deleted = static_cast<bool>(c.child((w + "del").c_str())) ||
                       static_cast<bool>(c.child((w + "moveFrom").c_str()));
    } else if (name == "sectPr") {
      p.sect = c;
    }
  }
  return p;
}

struct Style {
  std::string id, name, type, based_on;
  ParaProps ppr;
  RunProps rpr;
};

struct Styles {
  std::map<std::string, Style, std::less<>> by_id;
  RunProps default_rpr;
  ParaProps default_ppr;
  std::string default_paragraph;  // the paragraph style with w:default="1"
  std::map<std::string, int, std::less<>> numbering_style_num_ids;

  // The style and its w:basedOn ancestors, the root first. Cycles and unknown ids end the chain.
  std::vector<const Style*> chain(std::string_view id) const {
    std::vector<const Style*> out;
    while (!id.empty() && out.size() < 32) {
      auto it = by_id.find(id);
      if (it == by_id.end()) break;
      if (std::find(out.begin(), out.end(), &it->second) != out.end()) break;
      out.push_back(&it->second);
      id = it->second.based_on;
    }
    std::reverse(out.begin(), out.end());
    return out;
  }
};

Styles read_styles(const pugi::xml_document& part, const ThemeFonts& theme) {
  Styles styles;
  pugi::xml_node root = part.document_element();
  const std::string w = word_prefix(root);
  const std::string val = w + "val";
  for (pugi::xml_node node : root.children()) {
    std::string_view name = local_name(node.name(), w);
    if (name == "docDefaults") {
      styles.default_rpr =
          read_rpr(node.child((w + "rPrDefault").c_str()).child((w + "rPr").c_str()), w, theme);
      styles.default_ppr =
          read_ppr(node.child((w + "pPrDefault").c_str()).child((w + "pPr").c_str()), w);
    } else if (name == "style") {
      Style s;
      s.id = node.attribute((w + "styleId").c_str()).value();
      s.type = node.attribute((w + "type").c_str()).value();
      s.name = node.child((w + "name").c_str()).attribute(val.c_str()).value();
      s.based_on = node.child((w + "basedOn").c_str()).attribute(val.c_str()).value();
      s.ppr = read_ppr(node.child((w + "pPr").c_str()), w);
      s.rpr = read_rpr(node.child((w + "rPr").c_str()), w, theme);
      if (s.type == "paragraph" && on_off_value(node, w + "default") &&
          node.attribute((w + "default").c_str()) && styles.default_paragraph.empty()) {
        styles.default_paragraph = s.id;
      }
      if (s.type == "numbering" && s.ppr.num_id) {
        styles.numbering_style_num_ids[s.id] = *s.ppr.num_id;
      }
      styles.by_id[s.id] = std::move(s);
    }
  }
  return styles;
}

double twips_to_mm(int twips) {
  return std::abs(twips) * 25.4 / 1440.0;
}

PageSetup read_section(pugi::xml_node sect, const std::string& w) {
  PageSetup page;
  pugi::xml_node size = sect.child((w + "pgSz").c_str());
  page.width_mm = twips_to_mm(to_int(size.attribute((w + "w").c_str()).value(), 0));
  page.height_mm = twips_to_mm(to_int(size.attribute((w + "h").c_str()).value(), 0));
  pugi::xml_node margin = sect.child((w + "pgMar").c_str());
  auto edge = [&](const char* a, const char* b) {
    pugi::xml_attribute attr = margin.attribute((w + a).c_str());
    if (!attr) attr = margin.attribute((w + b).c_str());
    return twips_to_mm(to_int(attr.value(), 0));
  };
  page.margin_top_mm = edge("top", "top");
  page.margin_bottom_mm = edge("bottom", "bottom");
  page.margin_left_mm = edge("left", "start");
  page.margin_right_mm = edge("right", "end");
  return page;
}

// ---- the body -------------------------------------------------------------------------------

class BodyReader {
 public:
  BodyReader(const Styles& styles, ListNumbering& numbering, const ThemeFonts& theme, std::string w,
             std::string mc, std::string math, DocumentBuilder& builder,
             std::vector<DocxTextPiece>* pieces)
      : styles_(styles),
        numbering_(numbering),
        theme_(theme),
        w_(std::move(w)),
        mc_(std::move(mc)),
        math_(std::move(math)),
        builder_(builder),
        pieces_out_(pieces) {}

  void read(pugi::xml_node body) {
    read_container(body);
    flush_carry();
    PageSetup last = final_section_ ? read_section(final_section_, w_) : PageSetup{};
    last.first_paragraph = section_start_;
    builder_.add_page(last);
  }

 private:
  struct Carry {
    std::string text;
    std::vector<RunStyle> runs;
    std::vector<DocxTextPiece> pieces;
    bool active = false;
  };

  void read_container(pugi::xml_node container) {
    walk(
        container, [this](pugi::xml_node n) { return enter(n); },
        [this](pugi::xml_node n) { leave(n); });
  }

  bool enter(pugi::xml_node node) {
    if (node.type() != pugi::node_element) return false;
    const char* raw = node.name();
    if (!mc_.empty()) {
      std::string_view m = local_name(raw, mc_);
      if (m == "AlternateContent") return true;
      // Take one branch only: the first mc:Choice, else the mc:Fallback. Both hold the same
      // content (a text box as DrawingML and as VML), so reading both would double it.
      if (m == "Choice") return node == node.parent().child((mc_ + "Choice").c_str());
      if (m == "Fallback") return !node.parent().child((mc_ + "Choice").c_str());
    }
    if (!local_name(raw, math_).empty()) return false;  // equations are not read
    std::string_view name = local_name(raw, w_);
    if (name.empty()) return true;  // DrawingML, VML and other wrappers: look inside
    switch (name[0]) {
      case 'b':
        if (name == "br") {
          std::string_view type = node.attribute((w_ + "type").c_str()).value();
          if (type != "page" && type != "column") emit_char(kLineSeparator);
          return false;
        }
        break;
      case 'c':
        if (name == "cr") {
          emit_char(kLineSeparator);
          return false;
        }
        if (name == "commentReference") return false;
        break;
      case 'd':
        if (name == "del" || name == "delText" || name == "delInstrText") return false;
        break;
      case 'f':
        if (name == "fldChar") {
          field_char(node.attribute((w_ + "fldCharType").c_str()).value());
          return false;
        }
        if (name == "fldData" || name == "footnoteReference") return false;
        break;
      case 'i':
        if (name == "instrText") return false;
        break;
      case 'm':
        if (name == "moveFrom") return false;
        break;
      case 'n':
        if (name == "noBreakHyphen") {
          emit_char(kNonBreakingHyphen);
          return false;
        }
        break;
      case 'p':
        if (name == "p") {
          if (in_paragraph_) {
            deferred_.push_back(node);  // a paragraph inside a paragraph: read it afterwards
            return false;
          }
          begin_paragraph(node);
          return true;
        }
        if (name == "pPr") return false;
        if (name == "ptab") {
          emit_text("\t");
          return false;
        }
        break;
      case 'r':
        if (name == "r") {
          begin_run(node);
          return true;
        }
        if (name == "rPr" || name == "rt") return false;  // rt: ruby (phonetic guide) text
        break;
      case 's':
        if (name == "sectPr") {
          if (!in_paragraph_) final_section_ = node;
          return false;
        }
        if (name == "sym") {
          symbol(node);
          return false;
        }
        if (name == "sdtPr" || name == "sdtEndPr" || name == "softHyphen") return false;
        break;
      case 't':
        if (name == "t") {
          emit_text(node.child_value(), node);
          return false;
        }
        if (name == "tab") {
          emit_text("\t");
          return false;
        }
        if (name == "txbxContent") {
          if (in_paragraph_) {
            deferred_.push_back(node);  // a text box: its paragraphs follow its anchor's
            return false;
          }
          return true;
        }
        if (name == "tblPr" || name == "trPr" || name == "tcPr" || name == "tblGrid") return false;
        if (name == "tbl" || name == "tr" || name == "tc") {
          table_part(node, name);
          return true;
        }
        break;
      case 'e':
        if (name == "endnoteReference") return false;
        break;
      case 'a':
        if (name == "annotationRef") return false;
        break;
      default:
        break;
    }
    return true;
  }

  // A table, row or cell begins: cells are the paragraphs read until it ends (leave()).
  void table_part(pugi::xml_node node, std::string_view name) {
    const auto here = static_cast<std::uint32_t>(builder_.paragraph_count());
    if (name == "tbl") {
      flush_carry();
      TableSketch& table = tables_.emplace_back();
      table.placement = GridPlacement::sequential;
      table.first_paragraph = static_cast<std::uint32_t>(builder_.paragraph_count());
      return;
    }
    if (tables_.empty()) return;
    TableSketch& table = tables_.back();
    if (name == "tr") {
      RowSketch& row = table.rows.emplace_back();
      row.paragraph = here;
      pugi::xml_node before = node.child((w_ + "trPr").c_str()).child((w_ + "gridBefore").c_str());
      row.skip = static_cast<std::uint32_t>(
          std::clamp(to_int(before.attribute((w_ + "val").c_str()).value(), 0), 0, 1000));
      return;
    }
    flush_carry();
    if (table.rows.empty()) table.rows.emplace_back().paragraph = here;
    CellSketch& cell = table.rows.back().cells.emplace_back();
    cell.first_paragraph = static_cast<std::uint32_t>(builder_.paragraph_count());
    pugi::xml_node props = node.child((w_ + "tcPr").c_str());
    pugi::xml_node span = props.child((w_ + "gridSpan").c_str());
    cell.column_span = static_cast<std::uint32_t>(
        std::clamp(to_int(span.attribute((w_ + "val").c_str()).value(), 1), 1, 1000));
    if (pugi::xml_node merge = props.child((w_ + "vMerge").c_str())) {
      std::string_view value = merge.attribute((w_ + "val").c_str()).value();
      cell.continues_above = value.empty() || value == "continue";
    }
    open_cells_.push_back(node);
  }

  void table_part_end(pugi::xml_node node) {
    if (!open_cells_.empty() && open_cells_.back() == node) {
      flush_carry();
      open_cells_.pop_back();
      if (!tables_.empty() && !tables_.back().rows.empty() &&
          !tables_.back().rows.back().cells.empty()) {
        tables_.back().rows.back().cells.back().end_paragraph =
            static_cast<std::uint32_t>(builder_.paragraph_count());
      }
    } else if (!tables_.empty() && local_name(node.name(), w_) == "tbl") {
      flush_carry();
      TableSketch table = std::move(tables_.back());
      tables_.pop_back();
      table.end_paragraph = static_cast<std::uint32_t>(builder_.paragraph_count());
      std::erase_if(table.rows, [](const RowSketch& r) { return r.cells.empty(); });
      if (!table.rows.empty()) builder_.add_table(std::move(table));
    }
  }

  void leave(pugi::xml_node node) {
    if (in_paragraph_ && node == paragraph_node_) {
      end_paragraph();
    } else if (!tables_.empty() && !in_paragraph_) {
      table_part_end(node);
    } else if (node == run_node_) {
      run_node_ = pugi::xml_node();
      run_hidden_ = false;
      run_style_ = paragraph_run_style_;
    }
  }

  void field_char(std::string_view type) {
    if (type == "begin") {
      fields_.push_back(true);
      ++code_depth_;
    } else if (type == "separate") {
      if (!fields_.empty() && fields_.back()) {
        fields_.back() = false;
        --code_depth_;
      }
    } else if (type == "end") {
      if (!fields_.empty()) {
        if (fields_.back()) --code_depth_;
        fields_.pop_back();
      }
    }
  }

  void symbol(pugi::xml_node node) {
    std::string_view hex = node.attribute((w_ + "char").c_str()).value();
    unsigned value = 0;
    auto [ptr, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
    if (ec != std::errc() || value == 0 || value > 0x10FFFF) return;
    // Symbol-font characters are stored in the private use area (F020–F0FF): their meaning
    // depends on the font, so they are left out.
    if (value >= 0xE000 && value <= 0xF8FF) return;
    if (value >= 0xD800 && value <= 0xDFFF) return;
    emit_char(static_cast<char32_t>(value));
  }

  RunStyle style_from(const RunProps& p) const {
    RunStyle s;
    s.east_asian_font = p.east_asian.value_or("");
    s.latin_font = p.latin.value_or("");
    s.size_pt = p.size.value_or(0);
    s.bold = p.bold.value_or(false);
    return s;
  }

  void begin_paragraph(pugi::xml_node p) {
    in_paragraph_ = true;
    paragraph_node_ = p;
    in_table_ = false;
    for (pugi::xml_node a = p.parent(); a && !in_table_; a = a.parent())
      in_table_ = local_name(a.name(), w_) == "tbl";
    text_.clear();
    runs_.clear();
    pieces_.clear();
    ParaProps direct = read_ppr(p.child((w_ + "pPr").c_str()), w_);
    direct_ = direct;
    std::string style_id = direct.style ? *direct.style : styles_.default_paragraph;
    std::vector<const Style*> chain = styles_.chain(style_id);

    ParaProps eff = styles_.default_ppr;
    RunProps rpr = styles_.default_rpr;
    // Numbering: w:numPr on the paragraph, else from its style chain. For a style's numbering
    // the level is the w:lvl whose w:pStyle names the paragraph's style, or the style that
    // carries the w:numPr (ECMA-376 17.9.23), else the style's w:ilvl; a w:ilvl on the
    // paragraph itself wins.
    std::optional<int> num_id, style_ilvl;
    std::string num_style;
    for (const Style* s : chain) {
      eff.apply(s->ppr);
      rpr.apply(s->rpr);
      if (s->ppr.num_id) {
        num_id = s->ppr.num_id;
        style_ilvl = s->ppr.ilvl;
        num_style = s->id;
      } else if (s->ppr.ilvl) {
        style_ilvl = s->ppr.ilvl;
      }
    }
    eff.apply(direct);
    if (direct.num_id) {
      num_id = direct.num_id;
      num_style.clear();
      style_ilvl.reset();
    }
    std::optional<int> ilvl = direct.ilvl;
    if (!ilvl && num_id && !num_style.empty()) {
      ilvl = numbering_.level_for_style(*num_id, style_id);
      if (!ilvl) ilvl = numbering_.level_for_style(*num_id, num_style);
    }
    if (!ilvl) ilvl = style_ilvl;
    paragraph_rpr_ = rpr;
    paragraph_run_style_ = style_from(rpr);
    run_style_ = paragraph_run_style_;
    run_hidden_ = false;

    // Heading hints: w:outlineLvl (0-based) on the paragraph or its styles, else a built-in
    // heading style ("heading 1" … "heading 9", Word's names whatever the UI language).
    outline_ = 0;
    if (eff.outline && *eff.outline >= 0 && *eff.outline <= 8) {
      outline_ = static_cast<std::uint8_t>(*eff.outline + 1);
    }
    title_ = false;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      std::string name = lower((*it)->name);
      if (!eff.outline && outline_ == 0 && name.size() == 9 && name.substr(0, 8) == "heading " &&
          name[8] >= '1' && name[8] <= '9') {
        outline_ = static_cast<std::uint8_t>(name[8] - '0');
      }
      if (name == "title") title_ = true;
    }

    layout_ = ParagraphLayout{};
    layout_.style_id = style_id;
    if (!chain.empty() && chain.back()->id == style_id) layout_.style_name = chain.back()->name;
    if (eff.alignment) {
      const std::string& a = *eff.alignment;
      layout_.alignment = a == "start" ? "left" : a == "end" ? "right" : a;
    }
    if (eff.line && *eff.line > 0) {
      std::string rule = eff.line_rule.value_or("auto");
      if (rule == "exact" || rule == "atLeast") {
        layout_.line_spacing_pt = *eff.line / 20.0;
      } else {
        layout_.line_spacing_multiple = *eff.line / 240.0;
      }
    }

    // The list number, rendered as Word shows it.
    if (num_id && *num_id > 0) {
      if (auto number = numbering_.next(*num_id, ilvl.value_or(0))) text_ += *number;
    }
    if (carry_.active) {
      const auto shift = static_cast<std::uint32_t>(text_.size());
      text_ += carry_.text;
      for (RunStyle r : carry_.runs) {
        r.span.begin += shift;
        r.span.end += shift;
        runs_.push_back(std::move(r));
      }
      for (DocxTextPiece piece : carry_.pieces) {
        piece.begin += shift;
        piece.end += shift;
        pieces_.push_back(piece);
      }
      carry_ = Carry{};
    }
  }

  void begin_run(pugi::xml_node r) {
    run_node_ = r;
    RunProps p = paragraph_rpr_;
    pugi::xml_node rpr = r.child((w_ + "rPr").c_str());
    if (pugi::xml_node rstyle = rpr.child((w_ + "rStyle").c_str())) {
      for (const Style* s : styles_.chain(rstyle.attribute((w_ + "val").c_str()).value())) {
        p.apply(s->rpr);
      }
    }
    p.apply(read_rpr(rpr, w_, theme_));
    run_hidden_ = p.hidden.value_or(false);
    run_style_ = style_from(p);
  }

  void emit_char(char32_t c) {
    std::string s;
    utf8::append(s, c);
    emit_text(s);
  }

  // Appends text to the paragraph; `source` is the w:t element it comes from, if any.
  void emit_text(std::string_view s, pugi::xml_node source = {}) {
    if (!in_paragraph_ || run_hidden_ || code_depth_ > 0 || s.empty()) return;
    const auto begin = static_cast<std::uint32_t>(text_.size());
    text_.append(s);
    const auto end = static_cast<std::uint32_t>(text_.size());
    if (pieces_out_ != nullptr && source) pieces_.push_back({begin, end, source});
    if (!runs_.empty()) {
      RunStyle& last = runs_.back();
      if (last.span.end == begin && last.east_asian_font == run_style_.east_asian_font &&
          last.latin_font == run_style_.latin_font && last.size_pt == run_style_.size_pt &&
          last.bold == run_style_.bold) {
        last.span.end = end;
        return;
      }
    }
    RunStyle r = run_style_;
    r.span = {begin, end};
    runs_.push_back(std::move(r));
  }

  // The next element sibling of `node`.
  static pugi::xml_node next_element(pugi::xml_node node) {
    for (node = node.next_sibling(); node; node = node.next_sibling()) {
      if (node.type() == pugi::node_element) return node;
    }
    return node;
  }

  void end_paragraph() {
    in_paragraph_ = false;
    pugi::xml_node node = paragraph_node_;
    paragraph_node_ = pugi::xml_node();
    run_node_ = pugi::xml_node();
    // A deleted paragraph mark (tracked change, read as accepted) joins this paragraph to the
    // next one, when there is one in the same container.
    if (direct_.mark_deleted && local_name(next_element(node).name(), w_) == "p") {
      carry_.text = std::move(text_);
      carry_.runs = std::move(runs_);
      carry_.pieces = std::move(pieces_);
      carry_.active = true;
    } else {
      emit_paragraph();
      if (direct_.sect) {
        PageSetup page = read_section(direct_.sect, w_);
        page.first_paragraph = section_start_;
        builder_.add_page(page);
        section_start_ = static_cast<std::uint32_t>(builder_.paragraph_count());
      }
    }
    read_deferred();
  }

  void emit_paragraph() {
    const auto number = static_cast<std::uint32_t>(builder_.paragraph_count() + 1);
    builder_.begin_paragraph({number, 1});
    builder_.append(text_);
    Paragraph& p = builder_.paragraph();
    p.outline_level = in_table_ ? 0 : outline_;
    p.title_style = title_ && !in_table_;
    p.in_table = in_table_;
    const std::uint32_t base = p.span.begin;
    for (RunStyle& r : runs_) {
      r.span.begin += base;
      r.span.end += base;
    }
    layout_.runs = std::move(runs_);
    p.layout = std::move(layout_);
    if (pieces_out_ != nullptr) {
      for (DocxTextPiece& piece : pieces_) {
        piece.begin += base;
        piece.end += base;
        pieces_out_->push_back(piece);
      }
    }
    builder_.end_paragraph();
    runs_.clear();
    pieces_.clear();
    layout_ = ParagraphLayout{};
  }

  // A paragraph whose mark was deleted at the very end of a container has no next paragraph
  // to join: it stays a paragraph of its own.
  void flush_carry() {
    if (!carry_.active) return;
    text_ = std::move(carry_.text);
    runs_ = std::move(carry_.runs);
    pieces_ = std::move(carry_.pieces);
    carry_ = Carry{};
    emit_paragraph();
  }

  // Text boxes (and stray nested paragraphs) met inside the paragraph that just ended.
  void read_deferred() {
    if (deferred_.empty()) return;
    std::vector<pugi::xml_node> items = std::move(deferred_);
    deferred_.clear();
    // They are a flow of their own: the main flow's open fields and pending join wait.
    std::vector<bool> fields = std::move(fields_);
    int code_depth = code_depth_;
    Carry carry = std::move(carry_);
    fields_.clear();
    code_depth_ = 0;
    carry_ = Carry{};
    ParaProps direct = direct_;
    for (pugi::xml_node item : items) {
      if (local_name(item.name(), w_) == "p") {
        // Read the paragraph itself: walk() visits only the children of its root.
        begin_paragraph(item);
        read_container(item);
        if (in_paragraph_) end_paragraph();
      } else {
        read_container(item);
      }
      flush_carry();
    }
    fields_ = std::move(fields);
    code_depth_ = code_depth;
    carry_ = std::move(carry);
    direct_ = direct;
  }

  const Styles& styles_;
  ListNumbering& numbering_;
  const ThemeFonts& theme_;
  const std::string w_, mc_, math_;
  DocumentBuilder& builder_;
  std::vector<DocxTextPiece>* pieces_out_;  // where the w:t pieces go, when wanted

  bool in_paragraph_ = false;
  bool in_table_ = false;  // the paragraph is in a cell of a w:tbl
  pugi::xml_node paragraph_node_;
  pugi::xml_node run_node_;
  ParaProps direct_;
  std::string text_;
  std::vector<RunStyle> runs_;         // spans relative to the paragraph start
  std::vector<DocxTextPiece> pieces_;  // the same
  ParagraphLayout layout_;
  std::uint8_t outline_ = 0;
  bool title_ = false;
  RunProps paragraph_rpr_;
  RunStyle paragraph_run_style_;
  RunStyle run_style_;
  bool run_hidden_ = false;
  Carry carry_;

  std::vector<bool> fields_;  // open complex fields: true while in their code part
  int code_depth_ = 0;
  std::vector<pugi::xml_node> deferred_;
  std::vector<TableSketch> tables_;         // the w:tbl elements open, innermost last
  std::vector<pugi::xml_node> open_cells_;  // their w:tc elements open

  pugi::xml_node final_section_;
  std::uint32_t section_start_ = 0;
};

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

struct DocxPackage::Impl {
  std::string name;
  ZipArchive archive;
  ReadOptions options;
  bool editable = false;
  std::string main_part;
  std::map<std::string, std::string> related;
  ThemeFonts theme;
  Styles styles;
  ListNumbering numbering;  // as loaded: every read starts from a copy
  std::unique_ptr<pugi::xml_document> document;
  std::string w;

  explicit Impl(ZipArchive a) : archive(std::move(a)) {}

  Result<std::unique_ptr<pugi::xml_document>> load(const std::string& part, bool edit) const {
    ZipLimits limits{options.max_entry_bytes, options.max_compression_ratio};
    if (options.max_xml_bytes < options.max_entry_bytes) {
      limits.max_entry_bytes = options.max_xml_bytes;
      limits.declares_too_large_key = "error_xml_part_declares_too_large";
      limits.inflates_too_large_key = "error_xml_part_inflates_too_large";
    }
    auto data = archive.read(part, limits);
    if (!data) return data.errors();
    return load_xml_part(*data, part, name, options.max_nesting, edit, options.max_xml_nodes);
  }
  // An empty tree when the part does not exist.
  Result<std::unique_ptr<pugi::xml_document>> load_optional(const std::string& part) const {
    if (part.empty() || !archive.contains(part)) return std::unique_ptr<pugi::xml_document>();
    return load(part, false);
  }
};

DocxPackage::DocxPackage(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DocxPackage::DocxPackage(DocxPackage&&) noexcept = default;
DocxPackage& DocxPackage::operator=(DocxPackage&&) noexcept = default;
DocxPackage::~DocxPackage() = default;

const ZipArchive& DocxPackage::archive() const {
  return impl_->archive;
}
const std::string& DocxPackage::main_part() const {
  return impl_->main_part;
}
std::string DocxPackage::main_directory() const {
  return directory_of(impl_->main_part);
}
std::string DocxPackage::main_relationships_part() const {
  const std::string dir = main_directory();
  return dir + "_rels/" + impl_->main_part.substr(dir.size()) + ".rels";
}
pugi::xml_document& DocxPackage::main() {
  return *impl_->document;
}
const std::string& DocxPackage::word_prefix() const {
  return impl_->w;
}
const std::map<std::string, std::string>& DocxPackage::related() const {
  return impl_->related;
}
Result<std::unique_ptr<pugi::xml_document>> DocxPackage::load(const std::string& part) const {
  return impl_->load(part, impl_->editable);
}

Result<DocxPackage> DocxPackage::open(std::string_view bytes, std::string_view name,
                                      const ReadOptions& options, bool editable) {
  using namespace std::string_view_literals;
  if (!starts_with(bytes, "PK"sv)) {
    // Not a zip at all: say what it is when we can tell (an encrypted or legacy Word file).
    Sniffed sniffed = sniff(bytes);
    if (!sniffed.unsupported.empty()) return sniffed.unsupported_error(name);
    return fail(ErrorCode::corrupt, "error_docx_not_zip", name);
  }
  auto archive = ZipArchive::open(bytes, name);
  if (!archive) return archive.errors();
  auto impl = std::make_unique<Impl>(std::move(*archive));
  Impl& p = *impl;
  p.name = name;
  p.options = options;
  p.editable = editable;

  // The main part: from the package relationships, else the usual name.
  p.main_part = "word/document.xml";
  {
    auto rels = p.load_optional("_rels/.rels");
    if (!rels) return rels.errors();
    if (*rels) {
      auto found = read_relationships(**rels, "");
      if (auto it = found.find("/officeDocument");
          it != found.end() && p.archive.contains(it->second)) {
        p.main_part = it->second;
      }
    }
  }
  if (!p.archive.contains(p.main_part)) {
    return fail(ErrorCode::corrupt, "error_docx_no_document", name);
  }
  DocxPackage package(std::move(impl));
  {
    const std::string dir = package.main_directory();
    auto rels = p.load_optional(package.main_relationships_part());
    if (!rels) return rels.errors();
    if (*rels) p.related = read_relationships(**rels, dir);
    auto fallback = [&](const char* key, const char* part) {
      if (!p.related.count(key)) p.related[key] = dir + part;
    };
    fallback("/styles", "styles.xml");
    fallback("/numbering", "numbering.xml");
    fallback("/theme", "theme/theme1.xml");
  }

  auto theme_doc = p.load_optional(p.related["/theme"]);
  if (!theme_doc) return theme_doc.errors();
  if (*theme_doc) p.theme = read_theme(**theme_doc);

  auto styles_doc = p.load_optional(p.related["/styles"]);
  if (!styles_doc) return styles_doc.errors();
  if (*styles_doc) p.styles = read_styles(**styles_doc, p.theme);

  auto numbering_doc = p.load_optional(p.related["/numbering"]);
  if (!numbering_doc) return numbering_doc.errors();
  if (*numbering_doc) {
    pugi::xml_node root = (*numbering_doc)->document_element();
    p.numbering.load(root, detail::word_prefix(root), p.styles.numbering_style_num_ids);
  }

  auto document = p.load(p.main_part, editable);
  if (!document) return document.errors();
  p.document = std::move(*document);
  pugi::xml_node root = p.document->document_element();
  p.w = detail::word_prefix(root);
  if (local_name(root.name(), p.w) != "document" || !root.child((p.w + "body").c_str())) {
    return fail(ErrorCode::corrupt, "error_docx_no_body", name, {{"part", p.main_part}});
  }
  return package;
}

Document DocxPackage::read(std::vector<DocxTextPiece>* pieces) const {
  const Impl& p = *impl_;
  pugi::xml_node root = p.document->document_element();
  ListNumbering numbering = p.numbering;
  DocumentBuilder builder(p.name, InputFormat::docx, "UTF-8", false);
  BodyReader reader(p.styles, numbering, p.theme, p.w, namespace_prefix(root, kCompatNs, "mc:"),
                    namespace_prefix(root, kMathNs, "m:"), builder, pieces);
  reader.read(root.child((p.w + "body").c_str()));
  return std::move(builder).finish();
}

Result<Document> read_docx(std::string_view bytes, std::string_view name,
                           const ReadOptions& options) {
  auto package = DocxPackage::open(bytes, name, options, false);
  if (!package) return package.errors();
  Document doc = package->read();
  if (utf8::is_blank(doc.text)) {
    return fail(ErrorCode::empty, "error_docx_empty", name);
  }
  return doc;
}

}  // namespace fzcheck::detail
