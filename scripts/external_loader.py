#!/usr/bin/env python3
"""Trunk post-build hook: moves Trunk's inline module script (the one that loads the wasm) into
a file of its own, so the site runs under a Content-Security-Policy without 'unsafe-inline'.

Trunk writes `<script type="module">import init … </script>` into index.html; this writes its
text to `loader-<hash>.js` beside it and leaves `<script type="module" src="./loader-<hash>.js">`.
Imports in the loader are relative (`./sportdash-….js`), so they resolve the same from the file.
"""
import hashlib
import os
import pathlib
import re
import sys

staging = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist"))
index = staging / "index.html"
html = index.read_text(encoding="utf-8")
inline = re.compile(r'<script type="module"(?: nonce="[^"]*")?>(.*?)</script>', re.S)
found = inline.findall(html)
if len(found) != 1:
    sys.exit(f"external_loader: expected one inline module script in {index}, found {len(found)}")
code = found[0].strip() + "\n"
name = f"loader-{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
(staging / name).write_text(code, encoding="utf-8")
html = inline.sub(lambda _: f'<script type="module" src="./{name}"></script>', html)
if "<script>" in html or re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html):
    sys.exit("external_loader: an inline script is left in index.html")
index.write_text(html, encoding="utf-8")
print(f"external_loader: {name}")
