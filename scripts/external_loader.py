#!/usr/bin/env python3
"""Trunk post-build hook: moves Trunk's inline module script (the one that loads the wasm) into
a file of its own, so the site runs under a Content-Security-Policy without 'unsafe-inline'.

Trunk writes `<script type="module">import init … </script>` into index.html; this writes its
text to `loader-<hash>.js` beside it and leaves `<script type="module" src="./loader-<hash>.js">`.
Imports in the loader are relative (`./sportdash-….js`), so they resolve the same from the file.
It also gives the page a message and a reload when the wasm cannot start or stops (GUARD).
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

# A page whose wasm cannot start (a download cut on a phone's network, a browser without the
# wasm features it needs) or that stops on a trap (the size build aborts on a panic) says so
# and offers a reload, instead of a loading note or a first view that waits for ever.
GUARD = """// Added by scripts/external_loader.py: a page that cannot start, or that stops, says so.
const sportdashFailed = (trapped) => {
  if (document.querySelector('.start-failed')) return;
  document.querySelectorAll('.loading').forEach((element) => element.remove());
  document.querySelectorAll('.waiting').forEach((element) => element.classList.remove('waiting'));
  const alert = document.createElement('div');
  alert.className = 'file-error start-failed';
  alert.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = trapped
    ? '页面出错，已停止响应。The page stopped working.'
    : '页面未能启动（网络中断或浏览器不支持）。The page could not start (the network failed, or the browser cannot run it).';
  const again = document.createElement('button');
  again.type = 'button';
  again.className = 'retry';
  again.textContent = '重新加载 Reload';
  again.addEventListener('click', () => location.reload());
  alert.append(text, again);
  document.body.prepend(alert);
};
addEventListener('error', (event) => { if (event.error instanceof WebAssembly.RuntimeError) sportdashFailed(true); });
addEventListener('unhandledrejection', (event) => { if (event.reason instanceof WebAssembly.RuntimeError) sportdashFailed(true); });
"""
start = re.compile(r"await init\((.*?)\);")
if len(start.findall(code)) != 1:
    sys.exit("external_loader: expected one `await init(...);` in Trunk's loader")
code = GUARD + start.sub(
    lambda m: f"await init({m.group(1)}).catch((error) => {{ sportdashFailed(false); throw error; }});",
    code,
)
name = f"loader-{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
(staging / name).write_text(code, encoding="utf-8")
html = inline.sub(lambda _: f'<script type="module" src="./{name}"></script>', html)
if "<script>" in html or re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html):
    sys.exit("external_loader: an inline script is left in index.html")
index.write_text(html, encoding="utf-8")
print(f"external_loader: {name}")
