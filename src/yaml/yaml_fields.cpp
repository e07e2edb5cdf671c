#include "yaml/yaml_fields.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "text/utf8.hpp"

namespace fzcheck::detail {

struct FieldsState {
  std::shared_ptr<const YamlFile> file;
  const YamlNode* map = nullptr;  // in file's tree
  ErrorSink* errors = nullptr;
  std::string what;  // "rule", "heading", … for messages
  std::set<std::string> known;
  std::set<std::string> missing;  // required keys already reported as missing
  std::vector<std::shared_ptr<Fields>> children;
  bool finished = false;
};

namespace {

constexpr std::size_t kCheckpointBytes = 256;

bool starts_code_point(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

const YamlNode kAbsent;

// A key's value, or a null node when the key is absent.
const YamlNode& value_of(const FieldsState& state, const std::string& key) {
  const YamlNode* value = state.map->find(key);
  return value ? *value : kAbsent;
}

const char* type_name(const YamlNode& node) {
  switch (node.type) {
    case YamlNode::Type::null:
      return "nothing";
    case YamlNode::Type::scalar:
      return "a single value";
    case YamlNode::Type::sequence:
      return "a list";
    case YamlNode::Type::map:
      return "a mapping";
  }
  return "an undefined value";
}

// Thrown by convert() when aliases would expand the tree beyond its budget.
struct TooManyNodes {
  YAML::Mark mark;
};

// yaml-cpp's tree as a YamlNode tree, each node with its position in `file`. An alias (*name)
// becomes a copy of its anchor's value, so aliases of aliases grow exponentially ("billion
// laughs"): `budget` is the number of nodes the copy may still make.
YamlNode convert(const YAML::Node& node, const YamlFile& file, std::size_t& budget) {
  if (budget == 0) throw TooManyNodes{node.Mark()};
  --budget;
  YamlNode out;
  out.pos = file.position(node.Mark());
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      out.type = YamlNode::Type::scalar;
      out.scalar = node.Scalar();
      break;
    case YAML::NodeType::Sequence:
      out.type = YamlNode::Type::sequence;
      out.children.reserve(std::min(node.size(), budget));
      for (const YAML::Node& item : node) out.children.push_back(convert(item, file, budget));
      break;
    case YAML::NodeType::Map:
      out.type = YamlNode::Type::map;
      out.children.reserve(std::min(node.size() * 2, budget));
      for (auto it = node.begin(); it != node.end(); ++it) {
        out.children.push_back(convert(it->first, file, budget));
        out.children.push_back(convert(it->second, file, budget));
      }
      break;
    default:  // null or undefined
      break;
  }
  return out;
}

// Edits between two words, a swap of neighbours counting as one ("kidn" is one from "kind").
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t sub = d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, sub});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::optional<std::string> did_you_mean(const std::string& word,
                                        const std::set<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const std::string& c : candidates) {
    std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::shared_ptr<const YamlFile> YamlFile::parse(std::string name, std::string text,
                                                ErrorSink& errors) {
  auto file = std::make_shared<YamlFile>();
  file->name_ = std::move(name);
  file->text_ = std::move(text);
  // yaml-cpp skips a byte-order mark without counting it in its columns; so do positions here.
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  const std::size_t skipped = file->text_.starts_with(kBom) ? kBom.size() : 0;
  file->text_.erase(0, skipped);
  file->line_starts_.push_back(0);
  for (std::size_t i = 0; i < file->text_.size(); ++i) {
    if (file->text_[i] == '\n') file->line_starts_.push_back(i + 1);
  }
  if (auto bad = utf8::find_invalid(file->text_); bad != std::string::npos) {
    // The text before the bad byte is valid: its line and column can be counted.
    auto line = std::upper_bound(file->line_starts_.begin(), file->line_starts_.end(), bad) - 1;
    std::string_view before(file->text_.data() + *line, bad - *line);
    Position at{static_cast<std::uint32_t>(line - file->line_starts_.begin() + 1),
                static_cast<std::uint32_t>(utf8::length(before) + 1)};
    errors.add(ErrorCode::rule_syntax, file->name_, at,
               fmt::format("the file is not valid UTF-8 (bad byte at offset {}); save it as UTF-8",
                           bad + skipped));
    return nullptr;
  }
  file->code_points_at_.reserve(file->text_.size() / kCheckpointBytes + 1);
  std::size_t code_points = 0;
  for (std::size_t i = 0; i <= file->text_.size(); ++i) {
    if (i % kCheckpointBytes == 0) file->code_points_at_.push_back(code_points);
    if (i < file->text_.size() && starts_code_point(file->text_[i])) ++code_points;
  }
  // Without aliases a file has fewer nodes than bytes; a few aliases of small values fit too.
  const std::size_t max_nodes = 4 * file->text_.size() + 10000;
  try {
    std::size_t budget = max_nodes;
    file->root_ = convert(YAML::Load(file->text_), *file, budget);
  } catch (const TooManyNodes& e) {
    errors.add(ErrorCode::rule_syntax, file->name_, file->position(e.mark),
               fmt::format("the aliases (*name) of this file expand to more than {} values; write "
                           "the values out instead",
                           max_nodes));
    return nullptr;
  } catch (const YAML::ParserException& e) {
    errors.add(ErrorCode::rule_syntax, file->name_, file->position(e.mark),
               fmt::format("YAML syntax error: {}", e.msg));
    return nullptr;
  } catch (const YAML::Exception& e) {
    errors.add(ErrorCode::rule_syntax, file->name_, file->position(e.mark),
               fmt::format("YAML error: {}", e.msg));
    return nullptr;
  }
  return file;
}

std::shared_ptr<const YamlFile> YamlFile::from_compiled(std::string name, std::string_view tree) {
  auto file = std::make_shared<YamlFile>();
  file->name_ = std::move(name);
  if (!deserialize(tree, file->root_)) return nullptr;
  return file;
}

Position YamlFile::position(const YAML::Mark& mark) const {
  if (mark.is_null() || mark.line < 0) return {};
  auto line = static_cast<std::size_t>(mark.line);
  if (line >= line_starts_.size()) return {static_cast<std::uint32_t>(line + 1), 1};
  std::size_t start = line_starts_[line];
  std::size_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] : text_.size();
  std::size_t bytes =
      std::min<std::size_t>(static_cast<std::size_t>(std::max(mark.column, 0)), end - start);
  std::size_t column = code_points_before(start + bytes) - code_points_before(start) + 1;
  return {static_cast<std::uint32_t>(line + 1), static_cast<std::uint32_t>(column)};
}

std::size_t YamlFile::code_points_before(std::size_t offset) const {
  // The text is valid UTF-8 (parse() refuses it otherwise): every byte that is not a
  // continuation byte starts a code point.
  offset = std::min(offset, text_.size());
  std::size_t checkpoint = offset / kCheckpointBytes;
  std::size_t count = code_points_at_[checkpoint];
  for (std::size_t i = checkpoint * kCheckpointBytes; i < offset; ++i) {
    if (starts_code_point(text_[i])) ++count;
  }
  return count;
}

Fields::Fields(std::shared_ptr<const YamlFile> file, const YamlNode& map, ErrorSink& errors,
               std::string what)
    : state_(std::make_shared<FieldsState>()) {
  state_->file = std::move(file);
  state_->map = &map;
  state_->errors = &errors;
  state_->what = std::move(what);
  if (!map.is_map()) return;
  // yaml-cpp keeps the last of two equal keys without a word: report it here.
  std::map<std::string, Position> seen;
  for (std::size_t i = 0; i < map.children.size(); i += 2) {
    const YamlNode& k = map.children[i];
    if (!k.is_scalar()) {
      error_at(k.pos, "a key must be a plain word");
      continue;
    }
    const std::string& key = k.scalar;
    Position at = k.pos;
    auto [prev, inserted] = seen.emplace(key, at);
    if (!inserted) {
      error_at(at,
               fmt::format("duplicate key '{}' (first given at line {})", key, prev->second.line));
    }
  }
}

const std::string& Fields::file() const noexcept {
  return state_->file->name();
}
ErrorSink& Fields::errors() noexcept {
  return *state_->errors;
}

Position Fields::pos() const {
  return state_->map->pos;
}

Position Fields::pos(const std::string& key) const {
  if (const YamlNode* value = state_->map->find(key)) return value->pos;
  return pos();
}

bool Fields::has(const std::string& key) {
  state_->known.insert(key);
  const YamlNode* value = state_->map->find(key);
  return value && !value->is_null();
}

void Fields::missing(const std::string& key) {
  // The loader and a kind may both require a key (`message`): say it once.
  if (state_->missing.insert(key).second)
    error(key, fmt::format("missing required key '{}' in this {}", key, state_->what));
}

void Fields::error(const std::string& key, const std::string& message) {
  error_at(pos(key), message);
}

void Fields::error_at(Position pos, const std::string& message) {
  state_->errors->add(ErrorCode::rule_schema, state_->file->name(), pos, message);
}

std::optional<std::string> Fields::string(const std::string& key, bool required) {
  if (!has(key)) {
    if (required) missing(key);
    return std::nullopt;
  }
  const YamlNode& value = value_of(*state_, key);
  if (!value.is_scalar()) {
    error(key, fmt::format("'{}' must be a single value (text), not {}", key, type_name(value)));
    return std::nullopt;
  }
  return value.scalar;
}

std::vector<std::string> Fields::strings(const std::string& key, bool required) {
  std::vector<std::string> out;
  for (Item& item : scalars(key, required)) out.push_back(std::move(item.scalar));
  return out;
}

std::vector<Item> Fields::scalars(const std::string& key, bool required) {
  std::vector<Item> out;
  if (!has(key)) {
    if (required) missing(key);
    return out;
  }
  const YamlNode& value = value_of(*state_, key);
  if (value.is_scalar()) {
    out.push_back({value.scalar, nullptr, value.pos});
  } else if (value.is_sequence()) {
    for (const YamlNode& item : value.children) {
      Position at = item.pos;
      if (item.is_scalar()) {
        out.push_back({item.scalar, nullptr, at});
      } else {
        error_at(at, fmt::format("each item of '{}' must be a single value (text), not {}", key,
                                 type_name(item)));
      }
    }
  } else {
    error(key,
          fmt::format("'{}' must be a value or a list of values, not {}", key, type_name(value)));
  }
  if (required && out.empty() && value.is_sequence() && value.size() == 0) {
    error(key, fmt::format("'{}' must not be empty", key));
  }
  return out;
}

std::optional<long> Fields::integer(const std::string& key, long min, long max, bool required) {
  auto text = string(key, required);
  if (!text) return std::nullopt;
  try {
    std::size_t used = 0;
    long v = std::stol(*text, &used);
    if (used == text->size() && v >= min && v <= max) return v;
  } catch (const std::exception&) {
  }
  error(key,
        fmt::format("'{}' must be a whole number from {} to {}, not '{}'", key, min, max, *text));
  return std::nullopt;
}

std::optional<bool> Fields::boolean(const std::string& key) {
  auto text = string(key);
  if (!text) return std::nullopt;
  if (*text == "true" || *text == "yes") return true;
  if (*text == "false" || *text == "no") return false;
  error(key, fmt::format("'{}' must be true or false, not '{}'", key, *text));
  return std::nullopt;
}

std::shared_ptr<Fields> Fields::map(const std::string& key, bool required) {
  if (!has(key)) {
    if (required) missing(key);
    return nullptr;
  }
  const YamlNode& value = value_of(*state_, key);
  if (!value.is_map()) {
    error(key,
          fmt::format("'{}' must be a mapping of keys to values, not {}", key, type_name(value)));
    return nullptr;
  }
  auto child = std::make_shared<Fields>(state_->file, value, *state_->errors, key);
  state_->children.push_back(child);
  return child;
}

std::optional<Fields::Switch> Fields::map_or_bool(const std::string& key) {
  if (!has(key)) return std::nullopt;
  if (value_of(*state_, key).is_map()) return Switch{true, map(key)};
  auto on = boolean(key);
  if (!on) return std::nullopt;
  return Switch{*on, nullptr};
}

std::vector<Item> Fields::list(const std::string& key, bool required) {
  std::vector<Item> out;
  if (!has(key)) {
    if (required) missing(key);
    return out;
  }
  const YamlNode& value = value_of(*state_, key);
  if (!value.is_sequence()) {
    error(key, fmt::format("'{}' must be a list, not {}", key, type_name(value)));
    return out;
  }
  if (required && value.size() == 0) error(key, fmt::format("'{}' must not be empty", key));
  for (const YamlNode& node : value.children) {
    Item item;
    item.pos = node.pos;
    if (node.is_scalar()) {
      item.scalar = node.scalar;
    } else if (node.is_map()) {
      item.fields =
          std::make_shared<Fields>(state_->file, node, *state_->errors, "item of '" + key + "'");
      state_->children.push_back(item.fields);
    } else {
      error_at(item.pos, fmt::format("each item of '{}' must be a value or a mapping, not {}", key,
                                     type_name(node)));
      continue;
    }
    out.push_back(std::move(item));
  }
  return out;
}

void Fields::finish(bool only_typos) {
  if (state_->finished) return;
  state_->finished = true;
  if (state_->map->is_map()) {
    const std::vector<YamlNode>& entries = state_->map->children;
    for (std::size_t i = 0; i < entries.size(); i += 2) {
      if (!entries[i].is_scalar()) continue;
      const std::string& key = entries[i].scalar;
      if (state_->known.count(key)) continue;
      auto guess = did_you_mean(key, state_->known);
      if (only_typos && !guess) continue;
      std::string message = fmt::format("unknown key '{}' in this {}", key, state_->what);
      if (guess) message += fmt::format(" (did you mean '{}'?)", *guess);
      error_at(entries[i].pos, message);
    }
  }
  for (auto& child : state_->children) child->finish(only_typos);
}

}  // namespace fzcheck::detail
