// fzcheck: the whole public API in one include.
#pragma once

#include "fzcheck/atomic_write.hpp"  // write_file_atomically()
#include "fzcheck/baseline.hpp"      // Baseline, apply_baseline(): what is new in a second draft
#include "fzcheck/check.hpp"         // check(), Finding, Report, CheckOptions
#include "fzcheck/config.hpp"        // Config, load_config(), apply_config()
#include "fzcheck/document.hpp"      // Document, Section, Marker, Paragraph, Date, positions
#include "fzcheck/docx_review.hpp"   // review_docx(): Word comments and tracked changes
#include "fzcheck/error.hpp"         // Error, ErrorCode, Result, Position
#include "fzcheck/fix.hpp"           // apply_fixes(), encode_like_source(), unified_diff()
#include "fzcheck/html_report.hpp"   // write_html(): a printable page of one report
#include "fzcheck/i18n.hpp"          // ui_text(), error_text(): words and errors in a language
#include "fzcheck/outline.hpp"       // write_outline_text(), write_outline_json()
#include "fzcheck/read.hpp"          // read_document(), read_bytes(), parse_text(), ReadOptions
#include "fzcheck/report.hpp"        // write_text(), write_line(), write_json(), JsonFilesWriter
#include "fzcheck/rule_tests.hpp"    // test_rules(): a rule pack's fixtures
#include "fzcheck/rules.hpp"         // RuleSet, RuleInfo, PackInfo, rule_kinds()
#include "fzcheck/sarif.hpp"         // SarifWriter: SARIF 2.1.0 logs
#include "fzcheck/severity.hpp"      // Severity
