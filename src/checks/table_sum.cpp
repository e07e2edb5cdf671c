// kind: table-sum — a table of the report is found by its labels, its rows and columns are named,
// and sums over its cells must hold ("cells A+B = cells C+D").
//
//   table:
//     name: 第三张表                     how messages name the table ({table})
//     anchors: [本年新收, 结转下年度]      every pattern matches a cell: this is the table
//     values: 7                          value cells per row, counted from the right
//     columns: [{key: natural, name: 自然人}, …, {key: total, name: 总计, total: true}]
//     rows:                              matched by label: the row's text cells, whitespace
//       - {key: new, name: 一, label: '本年新收'}          removed and ( ) written （ ）
//       - {key: nofee, name: …, label: […], optional: true}   may be absent (counts 0)
//       - {key: total, name: 三, label: '（七）总计', total: true}
//       - {key: values}                   no label: the row of values without one
//     zero: ['-', '—', '/', 无]           cells that stand for 0
//     units: [件]                         units a number cell may carry
//     integer: true                      value cells hold whole numbers ≥ 0 (per row: `integer`)
//   identities:
//     - {each: column, lhs: [new, carry_in], rhs: [total, carry_out], severity: error}
//     - {each: row, lhs: [natural, …], rhs: [total], columns: […] / rows: […], message: …}
//   message: '{table}“{column}”列：{lhs_terms}={lhs}，{rhs_terms}={rhs}，相差{difference}'
//   missing_message / missing_severity   the table is not in the report (default: say nothing)
//   unparsed_message (info)              a row with other than the value cells it needs ({line},
//                                        {row}: its label, {count}, {expected}): no sum is checked
//   integer_message (warning)            a value cell that is not a whole number ≥ 0
//   An operand `previous:KEY` is last year's: with `each: column`, row KEY of the same table in
//   last year's report (CheckOptions::previous), {each: column, lhs: [carry-in], rhs:
//   ['previous:carry-out']}; with `each: row`, column KEY of the same row there. Such an identity
//   is checked only when last year's report is given and its table can be read.
//   figures:                             numbers the text quotes from the table
//     - match: '新收[^。；\d]{0,20}?(\d+)件'  RE2 in the text (not in tables); group 1 is the
//     number,
//                                        a pattern without a group says the figure is 0 (未收到…)
//       readings: [new/total, new/total + carry-in/total]   the sums of cells (row/column) the
//                                        figure may stand for; equal to none → a finding
//       severity: warning
//       message: '…{text}…{figure}…{table}…{value}'   {value}: the first reading's sum
//
// Blank cells count 0, except in a row or column marked `total`: a sum whose total is blank is
// not checked. A row that is present with no value cells of its own (its values merged with the
// row above) counts 0. Nothing is summed over a table whose rows do not all carry `values` cells,
// or none: a flattened or misaligned table gets `unparsed_message` once and nothing else.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include <re2/re2.h>

#include "checks/build_context.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

struct Key {
  std::string key;
  std::string name;
  std::vector<PatternId> label;  // rows only; empty: the unlabelled row of values
  bool optional = false;
  bool total = false;
  std::optional<bool> integer;
  std::optional<std::uint32_t> values;
};

enum class Each { column, row };

// An operand that names a row or column of last year's table (`previous:KEY`).
constexpr std::uint32_t kPrevious = 1u << 31;

struct Identity {
  Each each = Each::column;
  bool previous = false;                // an operand is last year's
  std::vector<std::uint32_t> lhs, rhs;  // row keys (each column) or column keys (each row)
  std::vector<std::uint32_t> only;      // the columns or rows it is checked in; empty: all
  Severity severity = Severity::warning;
  std::optional<MessageTemplate> message;
  std::optional<std::string> lhs_terms, rhs_terms;  // given in the rule; else the keys' names
};

// A value cell as read.
struct Value {
  enum class Kind { blank, number, text } kind = Kind::blank;
  double number = 0;
  const TableCell* cell = nullptr;
};

// A row of the table matched to a key.
struct Bound {
  const TableRow* row = nullptr;
  std::vector<Value> values;  // empty: present without values of its own
};

// The label of a row for matching: whitespace removed, ASCII brackets as full-width ones.
std::string normalise(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = utf8::next(text, i);
    if (utf8::is_space(c)) continue;
    if (c == '(') c = 0xFF08;
    if (c == ')') c = 0xFF09;
    utf8::append(out, c);
  }
  return out;
}

std::string number_text(double v) {
  // Beyond 10^15 a double holds no fraction, and beyond 2^63 it does not fit a long long: such
  // figures (a cell of 40 digits) are written as the double's shortest form.
  if (!std::isfinite(v) || std::abs(v) >= 1e15) return fmt::format("{}", v);
  if (std::abs(v - std::round(v)) < 1e-9)
    return fmt::format("{}", static_cast<long long>(std::round(v)));
  std::string s = fmt::format("{:.6f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// A number the text quotes from the table, and the sums of cells it may stand for.
struct Figure {
  PatternId match = 0;
  bool has_number = false;
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> readings;  // (row, column)
  Severity severity = Severity::warning;
  MessageTemplate message;
};

class TableSum final : public Check {
 public:
  struct Def {
    std::string name;
    std::vector<PatternId> anchors;
    std::uint32_t values = 1;
    std::vector<Key> columns, rows;
    std::vector<std::string> zero, units;
    bool integer = false;
    std::vector<Identity> identities;
    std::vector<Figure> figures;
    bool uses_previous = false;  // an identity reads last year's table
    MessageTemplate message;
    std::optional<MessageTemplate> missing_message, unparsed_message, integer_message;
    Severity missing_severity = Severity::warning;
  };

  TableSum(RuleCommon common, Def def)
      : Check(std::move(common)), uses_previous_(def.uses_previous), d_(std::move(def)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    std::vector<const Table*> tables = find(ctx);
    if (tables.empty()) {
      report_absent(ctx, sink);
      return;
    }
    std::vector<Bound> bound(d_.rows.size());
    std::optional<Misaligned> misaligned;
    bind(ctx, tables, bound, misaligned);
    if (misaligned) {
      if (d_.unparsed_message) {
        sink.add(*this, misaligned->at, unparsed(doc, *misaligned), std::nullopt, Severity::info);
      }
      return;
    }
    if (d_.integer_message) check_integers(doc, bound, sink);
    // Last year's table, read with the same definition, for `previous:` operands.
    std::optional<std::vector<Bound>> previous;
    if (const CheckContext* last = ctx.previous(); last != nullptr && uses_previous_) {
      std::vector<const Table*> last_tables = find(*last);
      std::optional<Misaligned> last_misaligned;
      std::vector<Bound> last_bound(d_.rows.size());
      if (!last_tables.empty()) bind(*last, last_tables, last_bound, last_misaligned);
      if (!last_tables.empty() && !last_misaligned) previous = std::move(last_bound);
    }
    for (const Identity& id : d_.identities) {
      if (id.previous && !previous) continue;
      if (id.each == Each::column) {
        for (std::uint32_t c = 0; c < d_.columns.size(); ++c) {
          if (!id.only.empty() && std::find(id.only.begin(), id.only.end(), c) == id.only.end())
            continue;
          check_column(doc, id, c, bound, previous ? &*previous : nullptr, sink);
        }
      } else {
        for (std::uint32_t r = 0; r < d_.rows.size(); ++r) {
          if (!id.only.empty() && std::find(id.only.begin(), id.only.end(), r) == id.only.end())
            continue;
          if (bound[r].values.size() == d_.columns.size()) {
            check_row(doc, id, r, bound, previous ? &*previous : nullptr, sink);
          }
        }
      }
    }
    for (const Figure& f : d_.figures) check_figure(ctx, f, bound, sink);
  }

 private:
  // A row with fewer value cells than it needs: where, its label, how many were read.
  struct Misaligned {
    Span at;
    std::string label;
    std::size_t count = 0, expected = 0;
  };

  std::string unparsed(const Document& doc, const Misaligned& m) const {
    return d_.unparsed_message->format({{"table", d_.name},
                                        {"line", std::to_string(doc.locate(m.at.begin).line)},
                                        {"row", m.label},
                                        {"count", std::to_string(m.count)},
                                        {"expected", std::to_string(m.expected)}});
  }

  bool cell_matches(const CheckContext& ctx, const Table& t, PatternId id) const {
    for (const TableRow& row : t.rows) {
      for (const TableCell& cell : row.cells) {
        if (!cell.blank() && ctx.patterns.matches_text(id, normalise(ctx.doc.str(cell.span))))
          return true;
      }
    }
    return false;
  }

  // The tables that hold every anchor between them, taking tables that follow each other with
  // nothing but blank lines between as one (a table broken over two pages).
  std::vector<const Table*> find(const CheckContext& ctx) const {
    const Document& doc = ctx.doc;
    for (std::size_t i = 0; i < doc.tables.size();) {
      std::vector<const Table*> chain = {&doc.tables[i]};
      std::size_t j = i + 1;
      for (; j < doc.tables.size(); ++j) {
        std::uint32_t gap = chain.back()->paragraphs.end;
        while (gap < doc.tables[j].paragraphs.begin && utf8::is_blank(doc.paragraph_text(gap))) {
          ++gap;
        }
        if (gap != doc.tables[j].paragraphs.begin) break;
        chain.push_back(&doc.tables[j]);
      }
      bool all = std::all_of(d_.anchors.begin(), d_.anchors.end(), [&](PatternId a) {
        return std::any_of(chain.begin(), chain.end(),
                           [&](const Table* t) { return cell_matches(ctx, *t, a); });
      });
      if (all) return chain;
      i = j;
    }
    return {};
  }

  void report_absent(const CheckContext& ctx, FindingSink& sink) const {
    // The labels are there, but not as a table: a table flattened into text.
    std::optional<Match> first;
    bool all = !d_.anchors.empty();
    for (PatternId a : d_.anchors) {
      auto m = ctx.matches.all(a);
      if (m.empty()) {
        all = false;
        break;
      }
      if (!first || m.front().begin < first->begin) first = m.front();
    }
    if (all && d_.unparsed_message) {
      Misaligned m{{first->begin, first->end},
                   std::string(ctx.doc.str({first->begin, first->end})),
                   0,
                   d_.values};
      sink.add(*this, m.at, unparsed(ctx.doc, m), std::nullopt, Severity::info);
      return;
    }
    if (d_.missing_message) {
      sink.add(*this, ctx.document_start(), d_.missing_message->format({{"table", d_.name}}),
               std::nullopt, d_.missing_severity);
    }
  }

  Value read_value(const Document& doc, const TableCell& cell) const {
    Value v;
    v.cell = &cell;
    if (cell.blank()) return v;
    v.kind = Value::Kind::number;
    if (cell.number) {
      v.number = *cell.number;
      return v;
    }
    std::string_view text = doc.str(cell.span);
    for (const std::string& z : d_.zero) {
      if (text == z) return v;  // 0
    }
    for (const std::string& unit : d_.units) {
      if (text.size() > unit.size() && text.ends_with(unit)) {
        if (auto n = parse_number(text.substr(0, text.size() - unit.size()))) {
          v.number = *n;
          return v;
        }
      }
    }
    v.kind = Value::Kind::text;
    return v;
  }

  void bind(const CheckContext& ctx, const std::vector<const Table*>& tables,
            std::vector<Bound>& bound, std::optional<Misaligned>& misaligned) const {
    const Document& doc = ctx.doc;
    struct Read {
      const TableRow* row;
      std::string label;
      std::vector<Value> values;
    };
    std::vector<Read> data, labels;
    for (const Table* t : tables) {
      for (const TableRow& row : t->rows) {
        std::vector<Value> trailing;
        std::size_t k = row.cells.size();
        while (k > 0) {
          Value v = read_value(doc, row.cells[k - 1]);
          if (v.kind == Value::Kind::text) break;
          trailing.push_back(v);
          --k;
        }
        std::reverse(trailing.begin(), trailing.end());
        bool any_number = std::any_of(trailing.begin(), trailing.end(),
                                      [](const Value& v) { return v.kind == Value::Kind::number; });
        if (!any_number) {
          trailing.clear();
          k = row.cells.size();
        }
        std::string label;
        for (std::size_t i = 0; i < k; ++i) label += normalise(doc.str(row.cells[i].span));
        (trailing.empty() ? labels : data).push_back({&row, std::move(label), std::move(trailing)});
      }
    }
    // Rows with values claim their keys first, so that a header cell (总计) cannot take a key.
    auto claim = [&](Read& r) -> std::optional<std::size_t> {
      for (std::size_t k = 0; k < d_.rows.size(); ++k) {
        const Key& key = d_.rows[k];
        if (bound[k].row) continue;
        bool match = key.label.empty()
                         ? r.label.empty()
                         : std::any_of(key.label.begin(), key.label.end(), [&](PatternId p) {
                             return ctx.patterns.matches_text(p, r.label);
                           });
        if (match) return k;
      }
      return std::nullopt;
    };
    for (Read& r : data) {
      auto k = claim(r);
      std::uint32_t want = k && d_.rows[*k].values ? *d_.rows[*k].values : d_.values;
      if (k && r.values.size() != want && !misaligned) {
        // Fewer or more value cells than the row needs (digits run together, text in a number
        // cell, a column of its own added): which cell is which cannot be told. The finding
        // points at the cell that stopped the values, or the first of them.
        std::size_t stop = r.row->cells.size() - r.values.size();
        const TableCell& cell = r.row->cells[r.values.size() > want || stop == 0 ? stop : stop - 1];
        std::string label(doc.str(r.row->cells.front().span));
        misaligned = Misaligned{cell.span, std::move(label), r.values.size(), want};
      }
      if (k) bound[*k] = {r.row, std::move(r.values)};
    }
    for (Read& r : labels) {
      if (auto k = claim(r)) bound[*k] = {r.row, {}};
    }
  }

  // One side of an identity: its sum and its cells; nullopt when it cannot be told (a row
  // that is not there, a blank total).
  struct Side {
    double sum = 0;
    std::vector<const TableCell*> cells;
    std::vector<std::string> names;  // of the rows or columns summed (absent ones left out)
  };

  static std::optional<double> cell_value(const Bound& b, std::uint32_t column, bool total,
                                          std::vector<const TableCell*>& cells) {
    if (b.values.empty()) return 0.0;  // merged with the row above
    if (column >= b.values.size()) return std::nullopt;
    const Value& v = b.values[column];
    cells.push_back(v.cell);
    if (v.kind == Value::Kind::blank) return total ? std::nullopt : std::optional<double>(0.0);
    return v.number;
  }

  void check_column(const Document& doc, const Identity& id, std::uint32_t c,
                    const std::vector<Bound>& bound, const std::vector<Bound>* previous,
                    FindingSink& sink) const {
    auto side = [&](const std::vector<std::uint32_t>& keys) -> std::optional<Side> {
      Side s;
      for (std::uint32_t operand : keys) {
        const bool last_year = (operand & kPrevious) != 0;
        const std::uint32_t k = operand & ~kPrevious;
        const Key& key = d_.rows[k];
        if (last_year && previous == nullptr) return std::nullopt;
        const Bound& b = last_year ? (*previous)[k] : bound[k];
        if (!b.row) {
          if (key.optional) continue;
          return std::nullopt;
        }
        // Cells of last year's report are not in this document: findings never point at them.
        std::vector<const TableCell*> elsewhere;
        auto v =
            cell_value(b, c, key.total || d_.columns[c].total, last_year ? elsewhere : s.cells);
        if (!v) return std::nullopt;
        s.sum += *v;
        s.names.push_back(key.name);
      }
      return s;
    };
    auto lhs = side(id.lhs);
    auto rhs = side(id.rhs);
    if (lhs && rhs) report(doc, id, *lhs, *rhs, d_.columns[c].name, "", sink);
  }

  void check_row(const Document& doc, const Identity& id, std::uint32_t r,
                 const std::vector<Bound>& bound, const std::vector<Bound>* previous,
                 FindingSink& sink) const {
    auto side = [&](const std::vector<std::uint32_t>& keys) -> std::optional<Side> {
      Side s;
      for (std::uint32_t operand : keys) {
        const bool last_year = (operand & kPrevious) != 0;
        const std::uint32_t c = operand & ~kPrevious;
        if (last_year && previous == nullptr) return std::nullopt;
        const Bound& b = last_year ? (*previous)[r] : bound[r];
        // Last year's row must be there, with a cell for every column, to be read.
        if (last_year && (!b.row || b.values.size() != d_.columns.size())) return std::nullopt;
        std::vector<const TableCell*> elsewhere;
        auto v = cell_value(b, c, d_.columns[c].total || d_.rows[r].total,
                            last_year ? elsewhere : s.cells);
        if (!v) return std::nullopt;
        s.sum += *v;
        s.names.push_back(d_.columns[c].name);
      }
      return s;
    };
    auto lhs = side(id.lhs);
    auto rhs = side(id.rhs);
    if (lhs && rhs) report(doc, id, *lhs, *rhs, "", d_.rows[r].name, sink);
  }

  void report(const Document&, const Identity& id, const Side& lhs, const Side& rhs,
              const std::string& column, const std::string& row, FindingSink& sink) const {
    if (std::abs(lhs.sum - rhs.sum) < 1e-6 * std::max(1.0, std::abs(lhs.sum))) return;
    // The finding points at the first cell of the right-hand side: the total that disagrees.
    const TableCell* at = !rhs.cells.empty()   ? rhs.cells.front()
                          : !lhs.cells.empty() ? lhs.cells.front()
                                               : nullptr;
    if (!at) return;
    const MessageTemplate& m = id.message ? *id.message : d_.message;
    sink.add(
        *this, at->span,
        m.format(
            {{"table", d_.name},
             {"column", column},
             {"row", row},
             {"lhs_terms", id.lhs_terms.value_or(fmt::format("{}", fmt::join(lhs.names, "+")))},
             {"rhs_terms", id.rhs_terms.value_or(fmt::format("{}", fmt::join(rhs.names, "+")))},
             {"lhs", number_text(lhs.sum)},
             {"rhs", number_text(rhs.sum)},
             {"difference", number_text(std::abs(lhs.sum - rhs.sum))}}),
        std::nullopt, id.severity);
  }

  // The sum a reading stands for; nullopt when one of its cells is not there or not a number.
  static std::optional<double> reading_value(
      const std::vector<std::pair<std::uint32_t, std::uint32_t>>& cells,
      const std::vector<Bound>& bound) {
    double sum = 0;
    for (auto [r, c] : cells) {
      const Bound& b = bound[r];
      if (!b.row) return std::nullopt;
      if (b.values.empty()) continue;  // merged with the row above
      if (c >= b.values.size() || b.values[c].kind != Value::Kind::number) return std::nullopt;
      sum += b.values[c].number;
    }
    return sum;
  }

  void check_figure(const CheckContext& ctx, const Figure& f, const std::vector<Bound>& bound,
                    FindingSink& sink) const {
    std::vector<std::optional<double>> values;
    for (const auto& reading : f.readings) values.push_back(reading_value(reading, bound));
    if (values.empty() || !values.front()) return;
    const re2::RE2* re = ctx.patterns.regex(f.match);
    std::vector<Span> regions = ctx.regions(common().scope);
    ctx.for_each_in(f.match, regions, [&](const Match& m) {
      if (ctx.doc.paragraphs[ctx.doc.paragraph_at(m.begin)].in_table) return;
      std::string_view text = ctx.doc.str({m.begin, m.end});
      double figure = 0;
      if (f.has_number && re != nullptr) {
        re2::StringPiece groups[2];
        if (!re->Match(text, 0, text.size(), re2::RE2::ANCHOR_BOTH, groups, 2)) return;
        auto n = parse_number(std::string_view(groups[1].data(), groups[1].size()));
        if (!n) return;
        figure = *n;
      }
      for (const auto& v : values) {
        if (v && std::abs(*v - figure) < 1e-6) return;
      }
      sink.add(*this, {m.begin, m.end},
               f.message.format({{"table", d_.name},
                                 {"text", std::string(text)},
                                 {"figure", number_text(figure)},
                                 {"value", number_text(*values.front())}}),
               std::nullopt, f.severity);
    });
  }

  void check_integers(const Document& doc, const std::vector<Bound>& bound,
                      FindingSink& sink) const {
    for (std::size_t k = 0; k < bound.size(); ++k) {
      bool integer = d_.rows[k].integer.value_or(d_.integer);
      if (!integer) continue;
      for (const Value& v : bound[k].values) {
        if (v.kind != Value::Kind::number) continue;
        if (v.number >= 0 && std::abs(v.number - std::round(v.number)) < 1e-9) continue;
        sink.add(*this, v.cell->span,
                 d_.integer_message->format({{"table", d_.name},
                                             {"row", d_.rows[k].name},
                                             {"text", std::string(doc.str(v.cell->span))}}),
                 std::nullopt, Severity::warning);
      }
    }
  }

  bool uses_previous_;
  Def d_;
};

std::vector<Key> read_keys(Fields& f, const std::string& what, BuildContext& ctx, bool rows) {
  std::vector<Key> keys;
  for (Item& item : f.list(what, true)) {
    if (!item.fields) {
      f.error_at(item.pos,
                 fmt::format("each of '{}' must be a mapping with 'key' and 'name'", what));
      continue;
    }
    Fields& k = *item.fields;
    Key key;
    key.key = k.string("key", true).value_or("");
    key.name = k.string("name").value_or(key.key);
    if (rows) {
      // Matched against cell labels only: the scan of the document never looks for them.
      key.label = ctx.patterns(k, "label", false, Where::nowhere);
      key.optional = k.boolean("optional").value_or(false);
      key.integer = k.boolean("integer");
      if (auto v = k.integer("values", 1, 1000)) key.values = static_cast<std::uint32_t>(*v);
    }
    key.total = k.boolean("total").value_or(false);
    for (const Key& other : keys) {
      if (other.key == key.key) k.error("key", fmt::format("duplicate key '{}'", key.key));
    }
    if (!key.key.empty()) keys.push_back(std::move(key));
  }
  return keys;
}

std::optional<std::uint32_t> index_of(const std::vector<Key>& keys, const std::string& key) {
  for (std::uint32_t i = 0; i < keys.size(); ++i) {
    if (keys[i].key == key) return i;
  }
  return std::nullopt;
}

}  // namespace

std::unique_ptr<Check> make_table_sum(RuleSpec& spec) {
  Fields& f = spec.fields;
  BuildContext& ctx = spec.ctx;
  TableSum::Def d;
  auto table = f.map("table", true);
  if (!table) return nullptr;
  d.name = table->string("name", true).value_or("");
  d.anchors = ctx.patterns(*table, "anchors", true);
  d.values = static_cast<std::uint32_t>(table->integer("values", 1, 1000, true).value_or(1));
  d.columns = read_keys(*table, "columns", ctx, false);
  d.rows = read_keys(*table, "rows", ctx, true);
  d.zero = table->strings("zero");
  d.units = table->strings("units");
  d.integer = table->boolean("integer").value_or(false);
  if (!d.columns.empty() && d.columns.size() != d.values) {
    table->error("columns",
                 fmt::format("{} columns named for {} value cells", d.columns.size(), d.values));
  }
  const std::set<std::string> provided = {"table",     "column", "row", "lhs_terms",
                                          "rhs_terms", "lhs",    "rhs", "difference"};
  auto message = ctx.message(f, "message", provided);
  d.missing_message = ctx.message(f, "missing_message", {"table"}, false);
  d.missing_severity = severity_field(f, "missing_severity").value_or(spec.common.severity);
  d.unparsed_message =
      ctx.message(f, "unparsed_message", {"table", "line", "row", "count", "expected"}, false);
  d.integer_message = ctx.message(f, "integer_message", {"table", "row", "text"}, false);
  for (Item& item : f.list("identities")) {
    if (!item.fields) {
      f.error_at(item.pos, "each identity must be a mapping with 'each', 'lhs' and 'rhs'");
      continue;
    }
    Fields& i = *item.fields;
    Identity id;
    std::string each = i.string("each", true).value_or("column");
    if (each != "column" && each != "row") i.error("each", "expected 'column' or 'row'");
    id.each = each == "row" ? Each::row : Each::column;
    const std::vector<Key>& operands = id.each == Each::column ? d.rows : d.columns;
    const std::vector<Key>& across = id.each == Each::column ? d.columns : d.rows;
    auto resolve = [&](const std::string& key, std::vector<std::uint32_t>& out,
                       const std::vector<Key>& keys) {
      std::vector<std::string> words = i.strings(key, key != "columns" && key != "rows");
      for (std::string w : words) {
        const bool last_year = w.starts_with("previous:") && (key == "lhs" || key == "rhs");
        if (last_year) w = w.substr(9);
        if (auto idx = index_of(keys, w)) {
          out.push_back(*idx | (last_year ? kPrevious : 0));
          id.previous = id.previous || last_year;
        } else {
          i.error(key, fmt::format("'{}' is not a {} key of the table", w,
                                   &keys == &d.rows ? "row" : "column"));
        }
      }
    };
    resolve("lhs", id.lhs, operands);
    resolve("rhs", id.rhs, operands);
    resolve(id.each == Each::column ? "columns" : "rows", id.only, across);
    id.lhs_terms = i.string("lhs_terms");
    id.rhs_terms = i.string("rhs_terms");
    id.severity = severity_field(i, "severity").value_or(spec.common.severity);
    id.message = ctx.message(i, "message", provided, false);
    d.uses_previous = d.uses_previous || id.previous;
    d.identities.push_back(std::move(id));
  }
  for (Item& item : f.list("figures")) {
    if (!item.fields) {
      f.error_at(item.pos, "each figure must be a mapping with 'match' and 'readings'");
      continue;
    }
    Fields& g = *item.fields;
    Figure fig;
    auto pattern = g.string("match", true);
    std::optional<PatternId> id = pattern ? ctx.pattern(g, *pattern, g.pos("match")) : std::nullopt;
    if (id) {
      fig.match = *id;
      // The groups, without compiling the regex: built-in ones compile on their first use.
      fig.has_number = ctx.pattern_set().capturing_groups(*id) >= 1;
    }
    for (Item& reading : g.list("readings", true)) {
      if (reading.fields) {
        g.error_at(reading.pos, "a reading is cells written row/column, joined by '+'");
        continue;
      }
      auto& cells = fig.readings.emplace_back();
      // Cells written row/column, joined by '+': "new/total + carry-in/total".
      std::string text = reading.scalar;
      std::erase(text, ' ');
      for (std::size_t at = 0; at <= text.size();) {
        std::size_t plus = std::min(text.find('+', at), text.size());
        std::string word = text.substr(at, plus - at);
        at = plus + 1;
        if (word.empty()) continue;
        std::size_t slash = word.find('/');
        auto row =
            slash == std::string::npos ? std::nullopt : index_of(d.rows, word.substr(0, slash));
        auto col =
            slash == std::string::npos ? std::nullopt : index_of(d.columns, word.substr(slash + 1));
        if (!row || !col) {
          g.error_at(reading.pos,
                     fmt::format("'{}' is not a cell of the table (a row key/a column key)", word));
          continue;
        }
        cells.emplace_back(*row, *col);
      }
    }
    fig.severity = severity_field(g, "severity").value_or(spec.common.severity);
    auto m = ctx.message(g, "message", {"table", "text", "figure", "value"});
    if (m) fig.message = std::move(*m);
    if (id && m) d.figures.push_back(std::move(fig));
  }
  if (!message || d.anchors.empty() || d.rows.empty() || d.columns.empty()) return nullptr;
  d.message = std::move(*message);
  return std::make_unique<TableSum>(spec.common, std::move(d));
}

}  // namespace fzcheck::detail
