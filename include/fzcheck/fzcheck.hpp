// fzcheck: the whole public API in one include.
#pragma once

#include "fzcheck/check.hpp"       // check(), Finding, Report, CheckOptions
#include "fzcheck/document.hpp"    // Document, Section, Marker, Paragraph, positions
#include "fzcheck/error.hpp"       // Error, ErrorCode, Result, Position
#include "fzcheck/fix.hpp"         // apply_fixes(), encode_like_source(), unified_diff()
#include "fzcheck/outline.hpp"     // write_outline_text(), outline_json()
#include "fzcheck/read.hpp"        // read_document(), read_bytes(), parse_text(), ReadOptions
#include "fzcheck/report.hpp"      // write_text(), write_line(), report_json()
#include "fzcheck/rule_tests.hpp"  // test_rules(): a rule pack's fixtures
#include "fzcheck/rules.hpp"       // RuleSet, RuleInfo, PackInfo, Severity
