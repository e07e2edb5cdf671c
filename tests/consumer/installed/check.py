"""Checks a report with fzcheck from Python (ctypes, no build step); prints line:column:rule:severity."""
import sys

import fzcheck

report = fzcheck.Rules().check_file(sys.argv[1])
for f in report.findings:
    print(f"{f.line}:{f.column}:{f.rule_id}:{f.severity}")
