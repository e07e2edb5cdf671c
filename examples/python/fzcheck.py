"""Check a report with fzcheck from Python, through the C API of libfzcheck.so and ctypes.

No build step: the module loads the shared library (installed by the fzcheck .deb, or the one
named by the FZCHECK_LIBRARY environment variable) and wraps include/fzcheck/fzcheck.h.

    import fzcheck
    rules = fzcheck.Rules()                      # the built-in packs; Rules(["my-pack"]) adds yours
    report = rules.check_file("report.docx")     # or rules.check_bytes(data, "report.txt")
    print(report.document_type, report.year)
    for f in report.findings:
        print(f.line, f.column, f.severity, f.rule_id, f.message)

Run as a script, it checks the files given and prints one line per finding.
"""

import ctypes
import ctypes.util
import os
import sys
from dataclasses import dataclass
from typing import List, Optional

SEVERITIES = ("info", "warning", "error")


class FzcheckError(Exception):
    """A file that cannot be read or rules that cannot be loaded: `status` names why."""

    def __init__(self, status: str, message: str):
        super().__init__(message)
        self.status = status


class _Finding(ctypes.Structure):
    _fields_ = [("rule_id", ctypes.c_char_p), ("severity", ctypes.c_int),
                ("message", ctypes.c_char_p), ("line", ctypes.c_uint32),
                ("column", ctypes.c_uint32), ("end_line", ctypes.c_uint32),
                ("end_column", ctypes.c_uint32), ("begin_offset", ctypes.c_uint32),
                ("end_offset", ctypes.c_uint32), ("excerpt", ctypes.c_char_p),
                ("replacement", ctypes.c_char_p), ("source", ctypes.c_char_p),
                ("heading", ctypes.c_char_p), ("fingerprint", ctypes.c_char_p)]


class _Part(ctypes.Structure):
    _fields_ = [("pack", ctypes.c_char_p), ("id", ctypes.c_char_p), ("name", ctypes.c_char_p),
                ("how", ctypes.c_char_p), ("line", ctypes.c_uint32)]


@dataclass
class Finding:
    rule_id: str
    severity: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    replacement: Optional[str]
    source: str
    heading: str
    fingerprint: str


@dataclass
class Part:
    pack: str
    id: str
    name: str
    how: str
    line: int


def _load_library() -> ctypes.CDLL:
    path = os.environ.get("FZCHECK_LIBRARY") or ctypes.util.find_library("fzcheck")
    if not path:
        raise OSError("libfzcheck.so not found: install the fzcheck package or set FZCHECK_LIBRARY")
    lib = ctypes.CDLL(path)
    p, size, i = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int
    signatures = {
        "fzcheck_version": (ctypes.c_char_p, []),
        "fzcheck_last_error": (ctypes.c_char_p, []),
        "fzcheck_status_name": (ctypes.c_char_p, [i]),
        "fzcheck_rules_builtin": (i, [ctypes.POINTER(p)]),
        "fzcheck_rules_load": (i, [ctypes.POINTER(ctypes.c_char_p), size, i, ctypes.POINTER(p)]),
        "fzcheck_rules_free": (None, [p]),
        "fzcheck_check_file": (i, [p, ctypes.c_char_p, p, ctypes.POINTER(p)]),
        "fzcheck_check_buffer": (i, [p, ctypes.c_char_p, size, ctypes.c_char_p, p,
                                     ctypes.POINTER(p)]),
        "fzcheck_report_free": (None, [p]),
        "fzcheck_report_finding_count": (size, [p]),
        "fzcheck_report_finding": (i, [p, size, ctypes.POINTER(_Finding)]),
        "fzcheck_report_document_type": (ctypes.c_char_p, [p]),
        "fzcheck_report_document_type_name": (ctypes.c_char_p, [p]),
        "fzcheck_report_year": (i, [p]),
        "fzcheck_report_part_count": (size, [p]),
        "fzcheck_report_part": (i, [p, size, ctypes.POINTER(_Part)]),
        "fzcheck_report_json": (ctypes.c_char_p, [p]),
    }
    for name, (restype, argtypes) in signatures.items():
        function = getattr(lib, name)
        function.restype, function.argtypes = restype, argtypes
    return lib


_lib = _load_library()


def version() -> str:
    return _lib.fzcheck_version().decode()


def _text(value: Optional[bytes]) -> str:
    return value.decode("utf-8") if value is not None else ""


def _raise(status: int) -> None:
    raise FzcheckError(_lib.fzcheck_status_name(status).decode(),
                       _lib.fzcheck_last_error().decode("utf-8"))


class Report:
    """One checked document: its findings, type, year and required parts, read out at once."""

    def __init__(self, handle: ctypes.c_void_p):
        try:
            self.document_type = _text(_lib.fzcheck_report_document_type(handle))
            self.document_type_name = _text(_lib.fzcheck_report_document_type_name(handle))
            self.year = _lib.fzcheck_report_year(handle)
            self.json = _text(_lib.fzcheck_report_json(handle))
            self.findings: List[Finding] = []
            for index in range(_lib.fzcheck_report_finding_count(handle)):
                f = _Finding()
                _lib.fzcheck_report_finding(handle, index, ctypes.byref(f))
                self.findings.append(Finding(
                    _text(f.rule_id), SEVERITIES[f.severity], _text(f.message), f.line, f.column,
                    f.end_line, f.end_column, _text(f.excerpt),
                    None if f.replacement is None else _text(f.replacement), _text(f.source),
                    _text(f.heading), _text(f.fingerprint)))
            self.parts: List[Part] = []
            for index in range(_lib.fzcheck_report_part_count(handle)):
                part = _Part()
                _lib.fzcheck_report_part(handle, index, ctypes.byref(part))
                self.parts.append(Part(_text(part.pack), _text(part.id), _text(part.name),
                                       _text(part.how), part.line))
        finally:
            _lib.fzcheck_report_free(handle)


class Rules:
    """A loaded rule set: the built-in packs, plus (or instead of) pack folders."""

    def __init__(self, packs: Optional[List[str]] = None, builtin: bool = True):
        self._handle = ctypes.c_void_p()
        if packs:
            array = (ctypes.c_char_p * len(packs))(*[os.fsencode(p) for p in packs])
            status = _lib.fzcheck_rules_load(array, len(packs), int(builtin),
                                             ctypes.byref(self._handle))
        else:
            status = _lib.fzcheck_rules_builtin(ctypes.byref(self._handle))
        if status != 0:
            _raise(status)

    def __del__(self):
        if getattr(self, "_handle", None):
            _lib.fzcheck_rules_free(self._handle)

    def check_file(self, path: str) -> Report:
        report = ctypes.c_void_p()
        status = _lib.fzcheck_check_file(self._handle, os.fsencode(path), None,
                                         ctypes.byref(report))
        if status != 0:
            _raise(status)
        return Report(report)

    def check_bytes(self, data: bytes, name: str = "<memory>") -> Report:
        report = ctypes.c_void_p()
        status = _lib.fzcheck_check_buffer(self._handle, data, len(data), name.encode("utf-8"),
                                           None, ctypes.byref(report))
        if status != 0:
            _raise(status)
        return Report(report)


def main(paths: List[str]) -> int:
    rules = Rules()
    worst = 0
    for path in paths:
        try:
            report = rules.check_file(path)
        except FzcheckError as e:
            print(f"fzcheck: {e}", file=sys.stderr)
            worst = 2
            continue
        for f in report.findings:
            print(f"{path}:{f.line}:{f.column}: {f.severity}: {f.message} [{f.rule_id}]")
            if f.severity == "error":
                worst = max(worst, 1)
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
