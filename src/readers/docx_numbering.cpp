#include "readers/docx_numbering.hpp"

#include <charconv>
#include <string>

#include "readers/xml_part.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

// Chinese numerals as code points (no Chinese literals in src/).
constexpr char32_t kChineseDigits[10] = {
    0x3007,  // 〇
    0x4E00,  // 一
    0x4E8C,  // 二
    0x4E09,  // 三
    0x56DB,  // 四
    0x4E94,  // 五
    0x516D,  // 六
    0x4E03,  // 七
    0x516B,  // 八
    0x4E5D,  // 九
};
constexpr char32_t kChineseUnits[3] = {0x5341, 0x767E, 0x5343};  // 十 百 千
constexpr char32_t kTenThousand = 0x4E07;                        // 万
constexpr char32_t kLing = 0x96F6;                               // 零

// 零 壹 贰 叁 肆 伍 陆 柒 捌 玖, and 拾 佰 仟: the "capital" numerals of amounts of money.
constexpr char32_t kLegalDigits[10] = {0x96F6, 0x58F9, 0x8D30, 0x53C1, 0x8086,
                                       0x4F0D, 0x9646, 0x67D2, 0x634C, 0x7396};
constexpr char32_t kLegalUnits[3] = {0x62FE, 0x4F70, 0x4EDF};

// 甲 乙 丙 丁 戊 己 庚 辛 壬 癸 (the ten heavenly stems).
constexpr char32_t kStems[10] = {0x7532, 0x4E59, 0x4E19, 0x4E01, 0x620A,
                                 0x5DF1, 0x5E9A, 0x8F9B, 0x58EC, 0x7678};
// 子 丑 寅 卯 辰 巳 午 未 申 酉 戌 亥 (the twelve earthly branches).
constexpr char32_t kBranches[12] = {0x5B50, 0x4E11, 0x5BC5, 0x536F, 0x8FB0, 0x5DF3,
                                    0x5348, 0x672A, 0x7533, 0x9149, 0x620C, 0x4EA5};

struct CountingStyle {
  const char32_t* digits;            // [0] is the zero written for a gap (零), unless no_gap_zero
  const char32_t* units;             // ten, hundred, thousand
  bool drop_one_before_ten = false;  // 十二 rather than 一十二 (only at the start)
  bool drop_one_before_units = false;  // Japanese: 百, 千 rather than 一百, 一千
  bool gap_zero = true;                // 一百零一 (Chinese) or 百一 (Japanese)
};

// 1–9999 in a counting system.
void count_below_10000(std::u32string& out, std::uint32_t n, const CountingStyle& style,
                       bool at_start) {
  static constexpr std::uint32_t kPow10[4] = {1, 10, 100, 1000};
  bool any = false;
  bool pending_zero = false;
  for (int p = 3; p >= 0; --p) {
    std::uint32_t d = (n / kPow10[p]) % 10;
    if (d == 0) {
      if (any) pending_zero = true;
      continue;
    }
    if (pending_zero && style.gap_zero) out += style.digits[0];
    pending_zero = false;
    bool drop_one =
        d == 1 && p > 0 &&
        (style.drop_one_before_units || (style.drop_one_before_ten && p == 1 && !any && at_start));
    if (!drop_one) out += style.digits[d];
    if (p > 0) out += style.units[p - 1];
    any = true;
  }
}

std::u32string counting(std::uint32_t n, const CountingStyle& style, char32_t ten_thousand) {
  std::u32string out;
  if (n == 0) {
    out += style.digits[0];
    return out;
  }
  if (n >= 100000000) n %= 100000000;
  std::uint32_t high = n / 10000;
  std::uint32_t low = n % 10000;
  if (high > 0) {
    count_below_10000(out, high, style, true);
    out += ten_thousand;
    if (low > 0 && low < 1000 && style.gap_zero) out += style.digits[0];
    if (low > 0) count_below_10000(out, low, style, false);
  } else {
    count_below_10000(out, low, style, true);
  }
  return out;
}

std::u32string digit_by_digit(std::uint32_t n, const char32_t* digits) {
  std::string decimal = std::to_string(n);
  std::u32string out;
  for (char c : decimal) out += digits[c - '0'];
  return out;
}

std::string roman(std::uint32_t n, bool upper) {
  if (n == 0 || n >= 4000) return std::to_string(n);
  static constexpr std::pair<std::uint32_t, const char*> kTable[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [value, letters] : kTable) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 32);
  }
  return out;
}

// A, B, …, Z, AA, BB, …: Word repeats the letter.
std::string letters(std::uint32_t n, bool upper) {
  if (n == 0) return std::to_string(n);
  char letter = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
  return std::string(std::min<std::uint32_t>((n - 1) / 26 + 1, 64), letter);
}

std::string to_utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) utf8::append(out, c);
  return out;
}

std::string enclosed(std::uint32_t n, char32_t first, std::uint32_t count) {
  if (n >= 1 && n <= count) return utf8::encode(first + (n - 1));
  return std::to_string(n);
}

int to_int(std::string_view s, int fallback) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return (ec == std::errc() && ptr == s.data() + s.size()) ? value : fallback;
}

bool on_off(pugi::xml_node node, const std::string& val) {
  if (!node) return false;
  pugi::xml_attribute a = node.attribute(val.c_str());
  if (!a) return true;
  std::string_view v = a.value();
  return !(v == "0" || v == "false" || v == "off");
}

}  // namespace

std::string format_list_number(std::uint32_t n, std::string_view f) {
  static constexpr CountingStyle kChinese{kChineseDigits, kChineseUnits, true, false, true};
  static constexpr CountingStyle kJapanese{kChineseDigits, kChineseUnits, false, true, false};
  static constexpr CountingStyle kLegal{kLegalDigits, kLegalUnits, false, false, true};
  if (f == "bullet" || f == "none") return {};
  if (f == "decimal" || f == "decimalHalfWidth") return std::to_string(n);
  if (f == "decimalZero") {
    std::string out = std::to_string(n);
    if (n < 10) out.insert(out.begin(), '0');
    return out;
  }
  if (f == "decimalFullWidth" || f == "decimalFullWidth2") {
    std::string out;
    for (char c : std::to_string(n)) utf8::append(out, U'\uFF10' + static_cast<char32_t>(c - '0'));
    return out;
  }
  if (f == "decimalEnclosedCircle" || f == "decimalEnclosedCircleChinese") {
    if (n >= 21 && n <= 35) return utf8::encode(U'\u3251' + (n - 21));
    if (n >= 36 && n <= 50) return utf8::encode(U'\u32B1' + (n - 36));
    return enclosed(n, U'\u2460', 20);
  }
  if (f == "decimalEnclosedFullstop") return enclosed(n, U'\u2488', 20);
  if (f == "decimalEnclosedParen") return enclosed(n, U'\u2474', 20);
  if (f == "upperLetter") return letters(n, true);
  if (f == "lowerLetter") return letters(n, false);
  if (f == "upperRoman") return roman(n, true);
  if (f == "lowerRoman") return roman(n, false);
  if (f == "chineseCounting" || f == "taiwaneseCounting") {
    // Counted up to 99 (十一, 九十九), digit by digit above (一〇〇).
    return to_utf8(n < 100 ? counting(n, kChinese, kTenThousand)
                           : digit_by_digit(n, kChineseDigits));
  }
  if (f == "chineseCountingThousand" || f == "taiwaneseCountingThousand") {
    CountingStyle style = kChinese;
    const char32_t digits[10] = {kLing,
                                 kChineseDigits[1],
                                 kChineseDigits[2],
                                 kChineseDigits[3],
                                 kChineseDigits[4],
                                 kChineseDigits[5],
                                 kChineseDigits[6],
                                 kChineseDigits[7],
                                 kChineseDigits[8],
                                 kChineseDigits[9]};
    style.digits = digits;
    if (n == 0) return utf8::encode(kChineseDigits[0]);
    return to_utf8(counting(n, style, kTenThousand));
  }
  if (f == "japaneseCounting") return to_utf8(counting(n, kJapanese, kTenThousand));
  if (f == "ideographDigital" || f == "taiwaneseDigital" || f == "japaneseDigitalTenThousand") {
    return to_utf8(digit_by_digit(n, kChineseDigits));
  }
  if (f == "chineseLegalSimplified") return to_utf8(counting(n, kLegal, kTenThousand));
  if (f == "ideographTraditional") return n == 0 ? "0" : utf8::encode(kStems[(n - 1) % 10]);
  if (f == "ideographZodiac") return n == 0 ? "0" : utf8::encode(kBranches[(n - 1) % 12]);
  return std::to_string(n);
}

namespace {

ListLevel read_level(pugi::xml_node lvl, const std::string& w, ListLevel level) {
  const std::string val = w + "val";
  for (pugi::xml_node child : lvl.children()) {
    std::string_view name = local_name(child.name(), w);
    std::string_view v = child.attribute(val.c_str()).value();
    if (name == "start") {
      level.start = static_cast<std::uint32_t>(std::max(0, to_int(v, 1)));
    } else if (name == "numFmt") {
      level.format = v.empty() ? "decimal" : std::string(v);
    } else if (name == "lvlText") {
      level.text = std::string(v);
    } else if (name == "suff") {
      level.suffix.assign(v == "nothing" ? 0 : 1, v == "space" ? ' ' : '\t');
    } else if (name == "lvlRestart") {
      level.restart = to_int(v, -1);
    } else if (name == "isLgl") {
      level.legal = on_off(child, val);
    } else if (name == "pStyle") {
      level.style = std::string(v);
    }
  }
  return level;
}

}  // namespace

void ListNumbering::load(pugi::xml_node numbering, std::string_view w_prefix,
                         const std::map<std::string, int, std::less<>>& style_num_ids) {
  const std::string w(w_prefix);
  const std::string val = w + "val";
  const std::string ilvl_attr = w + "ilvl";
  for (pugi::xml_node node : numbering.children()) {
    std::string_view name = local_name(node.name(), w);
    if (name == "abstractNum") {
      int id = to_int(node.attribute((w + "abstractNumId").c_str()).value(), -1);
      if (id < 0) continue;
      Abstract abs;
      for (pugi::xml_node child : node.children()) {
        std::string_view cname = local_name(child.name(), w);
        if (cname == "lvl") {
          int ilvl = to_int(child.attribute(ilvl_attr.c_str()).value(), -1);
          if (ilvl >= 0 && ilvl < 9) abs.levels[ilvl] = read_level(child, w, ListLevel{});
        } else if (cname == "numStyleLink") {
          abs.num_style_link = child.attribute(val.c_str()).value();
        }
      }
      abstracts_[id] = std::move(abs);
    } else if (name == "num") {
      int id = to_int(node.attribute((w + "numId").c_str()).value(), -1);
      if (id < 0) continue;
      Instance inst;
      for (pugi::xml_node child : node.children()) {
        std::string_view cname = local_name(child.name(), w);
        if (cname == "abstractNumId") {
          inst.abstract_id = to_int(child.attribute(val.c_str()).value(), -1);
        } else if (cname == "lvlOverride") {
          int ilvl = to_int(child.attribute(ilvl_attr.c_str()).value(), -1);
          if (ilvl < 0 || ilvl >= 9) continue;
          for (pugi::xml_node o : child.children()) {
            std::string_view oname = local_name(o.name(), w);
            if (oname == "startOverride") {
              inst.start_override[ilvl] = static_cast<std::uint32_t>(
                  std::max(0, to_int(o.attribute(val.c_str()).value(), 1)));
            } else if (oname == "lvl") {
              inst.level_override[ilvl] = read_level(o, w, ListLevel{});
            }
          }
        }
      }
      nums_[id] = std::move(inst);
    }
  }
  for (auto& [id, abs] : abstracts_) {
    if (abs.num_style_link.empty()) continue;
    auto it = style_num_ids.find(abs.num_style_link);
    if (it != style_num_ids.end()) style_links_[id] = it->second;
  }
}

std::optional<int> ListNumbering::resolve_abstract(int num_id) const {
  auto num = nums_.find(num_id);
  if (num == nums_.end()) return std::nullopt;
  int abstract_id = num->second.abstract_id;
  // w:numStyleLink: the levels live in the abstract list of the numbering style's own list.
  if (auto link = style_links_.find(abstract_id); link != style_links_.end()) {
    auto target = nums_.find(link->second);
    if (target != nums_.end() && abstracts_.count(target->second.abstract_id) &&
        !style_links_.count(target->second.abstract_id)) {
      abstract_id = target->second.abstract_id;
    }
  }
  if (!abstracts_.count(abstract_id)) return std::nullopt;
  return abstract_id;
}

const ListLevel& ListNumbering::level(const Instance& inst, const Abstract& abs, int ilvl) const {
  if (inst.level_override[ilvl]) return *inst.level_override[ilvl];
  return abs.levels[ilvl];
}

std::optional<int> ListNumbering::level_for_style(int num_id, std::string_view style_id) const {
  auto abstract_id = resolve_abstract(num_id);
  if (!abstract_id) return std::nullopt;
  const Abstract& abs = abstracts_.at(*abstract_id);
  const Instance& inst = nums_.at(num_id);
  for (int k = 0; k < 9; ++k) {
    if (level(inst, abs, k).style == style_id) return k;
  }
  return std::nullopt;
}

std::optional<std::string> ListNumbering::next(int num_id, int ilvl) {
  if (num_id <= 0 || ilvl < 0 || ilvl >= 9) return std::nullopt;
  auto abstract_id = resolve_abstract(num_id);
  if (!abstract_id) return std::nullopt;
  const Abstract& abs = abstracts_.at(*abstract_id);
  const Instance& inst = nums_.at(num_id);
  Counters& c = counters_[*abstract_id];
  auto start_of = [&](int k) {
    return inst.start_override[k] ? *inst.start_override[k] : level(inst, abs, k).start;
  };
  const ListLevel& lvl = level(inst, abs, ilvl);
  if (lvl.format == "bullet" || lvl.format == "none") {
    // Not numbers; they still end the lists below them.
  } else {
    // A list instance with a start override restarts its level the first time it is used.
    if (inst.start_override[ilvl] && c.overrides_applied.insert({num_id, ilvl}).second) {
      c.started[ilvl] = false;
    }
    if (!c.started[ilvl]) {
      c.value[ilvl] = start_of(ilvl);
      c.started[ilvl] = true;
    } else {
      ++c.value[ilvl];
    }
  }
  for (int k = ilvl + 1; k < 9; ++k) {
    int restart = level(inst, abs, k).restart;
    // Default: a level restarts after any level above it. w:lvlRestart N (1-based): only after
    // levels 1..N; 0: never.
    if (restart < 0 || (restart > 0 && ilvl < restart)) c.started[k] = false;
  }
  if (lvl.format == "bullet") return std::string();
  std::string out;
  const std::string& text = lvl.text;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      int k = text[i + 1] - '1';
      std::uint32_t value = c.started[k] ? c.value[k] : start_of(k);
      // w:isLgl ("legal numbering") shows every level's number as decimal.
      std::string_view format =
          lvl.legal ? std::string_view("decimal") : std::string_view(level(inst, abs, k).format);
      out += format_list_number(value, format);
      ++i;
    } else {
      out += text[i];
    }
  }
  if (out.empty()) return out;
  out += lvl.suffix;
  return out;
}

}  // namespace fzcheck::detail
