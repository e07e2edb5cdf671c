// Word's automatic list numbering (word/numbering.xml): number formats and the counters that
// render "一、", "（二）", "1.2" and so on into the paragraph text, the way Word shows them.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include <pugixml.hpp>

namespace fzcheck::detail {

// `value` written in a w:numFmt format ("decimal", "chineseCounting", "upperRoman", …), as UTF-8.
// "bullet" and "none" give an empty string; formats fzcheck does not know fall back to decimal.
std::string format_list_number(std::uint32_t value, std::string_view num_fmt);

struct ListLevel {
  std::uint32_t start = 1;         // w:start
  std::string format = "decimal";  // w:numFmt
  std::string text;                // w:lvlText, e.g. "%1、", "（%1）", "%1.%2"
  std::string suffix = "\t";       // w:suff: tab (the default), space or nothing
  int restart = -1;                // w:lvlRestart (1-based level after which it restarts; 0 never)
  bool legal = false;              // w:isLgl: show every level's number as decimal
  std::string style;               // w:pStyle: the paragraph style that uses this level
};

class ListNumbering {
 public:
  // Reads numbering.xml (its root, w:numbering). `w` is the prefix bound to the
  // WordprocessingML namespace ("w:"). `style_num_ids` maps numbering style ids to the w:numId
  // in their paragraph properties, to follow w:numStyleLink.
  void load(pugi::xml_node numbering, std::string_view w,
            const std::map<std::string, int, std::less<>>& style_num_ids);

  // Whether list `num_id` is defined.
  bool has_list(int num_id) const { return nums_.count(num_id) != 0; }

  // The level of list `num_id` whose w:pStyle is `style_id`, if any.
  std::optional<int> level_for_style(int num_id, std::string_view style_id) const;

  // Advances the counter of list `num_id` at level `ilvl` (0–8) and returns the text Word shows
  // before the paragraph: the level text with the numbers filled in, then the suffix. Empty for
  // bullets and unnumbered levels; nullopt when the list or level is not defined (numId 0 means
  // "no numbering").
  std::optional<std::string> next(int num_id, int ilvl);

 private:
  struct Abstract {
    std::array<ListLevel, 9> levels;
    std::string num_style_link;
  };
  struct Instance {
    int abstract_id = -1;
    std::array<std::optional<std::uint32_t>, 9> start_override;
    std::array<std::optional<ListLevel>, 9> level_override;
  };
  struct Counters {
    std::array<std::uint32_t, 9> value{};
    std::array<bool, 9> started{};
    std::set<std::pair<int, int>> overrides_applied;  // (numId, level)
  };

  // The abstract list that holds the levels of `num_id`, following w:numStyleLink once.
  std::optional<int> resolve_abstract(int num_id) const;
  const ListLevel& level(const Instance& inst, const Abstract& abs, int ilvl) const;

  std::map<int, Abstract> abstracts_;
  std::map<int, Instance> nums_;
  std::map<int, Counters> counters_;  // by abstract list: lists that share one continue its count
  std::map<int, int> style_links_;    // abstractNumId with w:numStyleLink → numId of the style
};

}  // namespace fzcheck::detail
