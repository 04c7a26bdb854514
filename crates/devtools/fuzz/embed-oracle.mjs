// Runs embed.js, the host page's script, unchanged, on messages read from standard input, for
// tests/fuzz/ to compare with `embed::decode`. The script is read from the path given as the
// argument (tests/fuzz/ writes `embed::host_script()` there: the script as the site serves it).
// Each input line is a JSON string holding one message text; each output line is the height
// embed.js set for it, or "-" when it set none (or the text is not JSON, which a host never
// receives as an object).
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import vm from 'node:vm';

const script = process.argv[2];
if (!script) throw new Error('usage: node embed-oracle.mjs <embed.js>');
const source = readFileSync(script, 'utf8');
const origin = 'https://charts.example';
const child = {};
const frame = {
  contentWindow: child,
  src: origin + '/stats/?embed=1',
  style: {},
  setAttribute() {},
};
let listener = null;
const context = {
  URL,
  document: {
    baseURI: 'https://host.example/page.html',
    querySelectorAll: () => [frame],
  },
  window: {
    addEventListener: (type, callback) => {
      if (type === 'message') listener = callback;
    },
  },
};
vm.runInNewContext(source, context);
if (!listener) throw new Error('embed.js registered no message listener');

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
for await (const line of lines) {
  let data;
  try {
    data = JSON.parse(JSON.parse(line));
  } catch {
    out.push('-');
    continue;
  }
  frame.style = {};
  listener({ source: child, origin, data });
  const height = frame.style.height;
  out.push(height === undefined ? '-' : String(height).replace(/px$/, ''));
}
process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
