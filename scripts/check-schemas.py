#!/usr/bin/env python3
"""Checks every data file of DATA_DIR against its JSON Schema.

Usage: scripts/check-schemas.py DATA_DIR [--schemas DIR]

The files: entities.json, indicators.json and reports.json (required), references.json and
deck.json (where present), and observations/**/*.json. Each is checked against the schema its
"$schema" key names, a path relative to the file (as an editor reads it), or, where it names
none yet, against KIND.schema.json in DATA_DIR/schemas (or --schemas DIR). The schemas are generated from the Rust
types (`cargo sportdash schemas data/schemas`); docs/open-data.md says more.

Prints a line per file, "ok" or "FAIL" and, for each problem, the file, the JSON path and what
is wrong. Exit status 1 if any file fails; 2 on a usage error or without the jsonschema package
(scripts/install-tools.sh test installs it into the tools' venv).
"""

import json
import sys
from pathlib import Path

try:
    import jsonschema
except ImportError:
    print(
        "check-schemas: the jsonschema package is missing; run it with the venv's python:\n"
        '  "${SPORTDASH_TOOLS:-$HOME/.cache/sportdash-tools}/venv/bin/python" '
        "scripts/check-schemas.py DATA_DIR  (after scripts/install-tools.sh test)",
        file=sys.stderr,
    )
    sys.exit(2)

SCHEMAS = "schemas"
REQUIRED = ["entities.json", "indicators.json", "reports.json"]
OPTIONAL = ["references.json", "deck.json"]


class Failure(Exception):
    """A file that cannot be checked: unreadable, not JSON, or naming no usable schema."""


def no_repeated_keys(pairs):
    """A key given twice refuses the file, as the loader does (readers disagree on which counts)."""
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise Failure(f'the key "{key}" appears twice')
        seen[key] = value
    return seen


def read_json(path):
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise Failure(f"cannot read: {error.strerror}") from None
    except UnicodeDecodeError:
        raise Failure("not UTF-8 text") from None
    try:
        return json.loads(text, object_pairs_hook=no_repeated_keys)
    except json.JSONDecodeError as error:
        raise Failure(
            f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None


def kind_of(relative):
    if relative.parts[0] == "observations":
        return "observations"
    return relative.stem


def schema_for(schemas, path, document, kind):
    """The schema's path and how it was chosen."""
    expected = f"{kind}.schema.json"
    named = document.get("$schema") if isinstance(document, dict) else None
    if named is None:
        return schemas / expected, f"no $schema yet: {schemas / expected}"
    if not isinstance(named, str):
        raise Failure(f"$.$schema: {json.dumps(named)} is not a string")
    if "://" in named or named.startswith("/"):
        raise Failure(f'$.$schema: "{named}" is not a relative path to a schema')
    target = (path.parent / named).resolve()
    if target.name != expected:
        raise Failure(f'$.$schema: "{named}" is not the {kind} schema ({expected})')
    return target, f"$schema: {named}"


def problems(schema_path, document):
    """Each problem as (JSON path, message), in the order of the paths."""
    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except OSError as error:
        raise Failure(f"cannot read the schema {schema_path}: {error.strerror}") from None
    except json.JSONDecodeError as error:
        raise Failure(f"the schema {schema_path} is not JSON: {error}") from None
    validator_class = jsonschema.validators.validator_for(schema)
    try:
        validator_class.check_schema(schema)
    except jsonschema.SchemaError as error:
        raise Failure(f"schema {schema_path} is not a JSON Schema: {error.message}") from None
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    found = []
    for error in validator.iter_errors(document):
        # Of the alternatives an anyOf tried (a text or null), the one that got furthest into
        # the value says most: `$.note.zh: 5 is not of type 'string'`, not "not null".
        while error.context:
            error = max(error.context, key=lambda e: len(e.absolute_path))
        found.append((error.json_path, error.message))
    return sorted(found, key=lambda p: p[0])


def data_files(data_dir):
    files = [data_dir / name for name in REQUIRED]
    files += [data_dir / name for name in OPTIONAL if (data_dir / name).exists()]
    observations = data_dir / "observations"
    files += sorted(observations.rglob("*.json")) if observations.is_dir() else []
    return files


def main(argv):
    args = argv[1:]
    if len(args) == 3 and args[1] == "--schemas":
        data_dir, schemas = Path(args[0]), Path(args[2])
    elif len(args) == 1 and not args[0].startswith("-"):
        data_dir = Path(args[0])
        schemas = data_dir / SCHEMAS
    else:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    for directory in (data_dir, schemas):
        if not directory.is_dir():
            print(f"check-schemas: {directory}: not a directory", file=sys.stderr)
            return 2
    failed = 0
    files = data_files(data_dir)
    for path in files:
        relative = path.relative_to(data_dir)
        try:
            document = read_json(path)
            schema_path, chosen = schema_for(schemas, path, document, kind_of(relative))
            found = problems(schema_path, document)
        except Failure as failure:
            found, chosen = [(None, str(failure))], None
        if not found:
            print(f"ok    {relative} ({chosen})")
            continue
        failed += 1
        for json_path, message in found:
            where = f"{json_path}: " if json_path else ""
            print(f"FAIL  {relative}: {where}{message}")
    print(f"{len(files)} files checked against their JSON Schemas, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
