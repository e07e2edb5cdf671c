#!/usr/bin/env python3
"""validate.py SCHEMA FILE...: validates each JSON file against a JSON schema, formats included.

Exits 1 when a file is not valid (every error is printed), 2 when it cannot check (no jsonschema,
or no checker for the "uri" and "uri-reference" formats: install python3-jsonschema and
python3-rfc3987).
"""
import json
import sys

try:
    import jsonschema
    from jsonschema import validators
except ImportError:
    sys.exit("validate.py: the Python module jsonschema is missing (Debian: python3-jsonschema)")


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: validate.py SCHEMA FILE...")
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    # The validator of the draft the schema declares (draft-04 for SARIF 2.1.0), with every format
    # jsonschema knows: its draft-04 checker alone would skip "uri-reference".
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    formats = jsonschema.FormatChecker()
    missing = [f for f in ("uri", "uri-reference") if f not in formats.checkers]
    if missing:
        print("validate.py: no checker for the formats %s (Debian: python3-rfc3987)"
              % ", ".join(missing), file=sys.stderr)
        return 2
    validator = cls(schema, format_checker=formats)
    failed = 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            instance = json.load(f)
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        for e in errors:
            where = "/".join(str(p) for p in e.absolute_path)
            print("%s: /%s: %s" % (path, where, e.message), file=sys.stderr)
        if errors:
            failed += 1
        else:
            print("%s: valid" % path)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
