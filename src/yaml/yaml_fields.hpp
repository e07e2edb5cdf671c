// Reading rule files: YAML with positions, typed access to the keys of a mapping, and every
// problem collected (not thrown) with file:line:column, so that one run reports them all.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "fzcheck/error.hpp"
#include "yaml/yaml_tree.hpp"

namespace fzcheck::detail {

class ErrorSink {
 public:
  void add(ErrorCode code, const std::string& file, Position pos, std::string message) {
    errors_.push_back(Error{code, std::move(message), file, pos});
  }
  bool empty() const noexcept { return errors_.empty(); }
  std::size_t size() const noexcept { return errors_.size(); }
  std::vector<Error>& errors() noexcept { return errors_; }

 private:
  std::vector<Error> errors_;
};

// A YAML file read into a tree (yaml/yaml_tree.hpp) whose nodes carry 1-based line and code-point
// column positions.
class YamlFile {
 public:
  // Parses `text`; on a syntax error adds it to `errors` and returns nullptr.
  static std::shared_ptr<const YamlFile> parse(std::string name, std::string text,
                                               ErrorSink& errors);
  // The tree of a file compiled at build time (serialize()); nullptr when the bytes are damaged.
  static std::shared_ptr<const YamlFile> from_compiled(std::string name, std::string_view tree);
  const std::string& name() const noexcept { return name_; }
  const YamlNode& root() const noexcept { return root_; }
  // A yaml-cpp mark of the parsed text as a position (used while parsing; {} for a null mark).
  Position position(const YAML::Mark& mark) const;

 private:
  // Code points in text_ before a byte offset, in constant time (a flow sequence of 100,000 items
  // is one line: counting from the line's start for each item's position would be quadratic).
  std::size_t code_points_before(std::size_t offset) const;

  std::string name_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
  std::vector<std::size_t> code_points_at_;  // before each multiple of kCheckpointBytes
  YamlNode root_;
};

struct FieldsState;

// One scalar of a list, or one mapping of a list (see Fields::list).
class Fields;
struct Item {
  std::string scalar;              // when the item is a scalar
  std::shared_ptr<Fields> fields;  // when the item is a mapping
  Position pos;
};

// The keys of one YAML mapping, read with their expected types. Every key read (or asked for)
// becomes a known key; finish() reports the keys nobody asked for, with a did-you-mean.
class Fields {
 public:
  // `map` is a node of `file`'s tree.
  Fields(std::shared_ptr<const YamlFile> file, const YamlNode& map, ErrorSink& errors,
         std::string what);

  const std::string& file() const noexcept;
  Position pos() const;                        // of the mapping itself
  Position pos(const std::string& key) const;  // of a key's value (the mapping's if absent)
  bool has(const std::string& key);

  std::optional<std::string> string(const std::string& key, bool required = false);
  // A scalar or a list of scalars.
  std::vector<std::string> strings(const std::string& key, bool required = false);
  // The same with the position of each value (Item::fields is always null).
  std::vector<Item> scalars(const std::string& key, bool required = false);
  std::optional<long> integer(const std::string& key, long min, long max, bool required = false);
  std::optional<bool> boolean(const std::string& key);
  std::shared_ptr<Fields> map(const std::string& key, bool required = false);
  // A key that is either true/false or a mapping (on, with its keys); nullopt when absent or bad.
  struct Switch {
    bool on = false;
    std::shared_ptr<Fields> fields;
  };
  std::optional<Switch> map_or_bool(const std::string& key);
  // A list whose items are scalars or mappings.
  std::vector<Item> list(const std::string& key, bool required = false);

  // Reports a problem with a key's value (or with the mapping when the key is absent).
  void error(const std::string& key, const std::string& message);
  void error_at(Position pos, const std::string& message);

  // Reports unknown keys here and in every mapping read from here. With `only_typos`, only those
  // that look like a misspelt known key (when the other keys cannot be judged: an unknown kind).
  void finish(bool only_typos = false);

  ErrorSink& errors() noexcept;

 private:
  void missing(const std::string& key);

  std::shared_ptr<FieldsState> state_;
};

// The closest of `candidates` to `word`, if close enough to be a likely typo.
std::optional<std::string> did_you_mean(const std::string& word,
                                        const std::set<std::string>& candidates);

}  // namespace fzcheck::detail
