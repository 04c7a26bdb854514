#!/usr/bin/env python3
"""Trunk post-build step (scripts/post_build.sh): marks wasm-bindgen's JS glue with V8's explicit
compile hint, `//# allFunctionsCalledOnLoad`, and writes the file's new integrity hash into
index.html.

Without the hint, Chromium compiles each glue function on the main thread the first time the app
calls it, and the app calls most of them while it starts. With it, they are compiled with the
module, off the main thread. Browsers without the hint read a comment. Measured with
bench/compare.mjs at 4× CPU (README, "Performance").
"""
import base64
import hashlib
import os
import pathlib
import re
import sys

HINT = "//# allFunctionsCalledOnLoad\n"

staging = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist"))
index = staging / "index.html"
html = index.read_text(encoding="utf-8")
preload = re.compile(r'(<link rel="modulepreload" href="\./([^"/]+\.js)"[^>]*?integrity=")(sha384-[^"]+)(")')
found = preload.findall(html)
if len(found) != 1:
    sys.exit(f"compile_hint: expected one module preload with an integrity hash in {index}, found {len(found)}")
glue = staging / found[0][1]
code = glue.read_text(encoding="utf-8")
if not code.startswith(HINT):
    code = HINT + code
    glue.write_text(code, encoding="utf-8")
digest = "sha384-" + base64.b64encode(hashlib.sha384(code.encode("utf-8")).digest()).decode("ascii")
index.write_text(preload.sub(lambda m: m.group(1) + digest + m.group(4), html), encoding="utf-8")
print(f"compile_hint: {glue.name}")
