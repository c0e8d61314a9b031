// Tests the TextMate grammar with vscode-tmgrammar-test: the assertions
// of test/*.test.korto pin the scopes of each construct, and the scopes
// of every example checklist of the repository (examples/**/*.korto),
// taken with vscode-tmgrammar-snap, must give every character but blanks
// a scope of its own and mark none invalid. The examples' scopes are
// taken afresh on each run, not compared with stored snapshots, so that
// a new or edited example needs nothing here.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ext = join(here, '..');
const repo = join(ext, '..', '..');
const grammar = join(ext, 'syntaxes', 'korto.tmLanguage.json');
const bin = (name) => join(ext, 'node_modules', '.bin', name);

function run(cmd, args) {
  execFileSync(cmd, args, { stdio: 'inherit', cwd: ext });
}

run(bin('vscode-tmgrammar-test'), ['-g', grammar, join(here, '*.test.korto')]);

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.korto')) out.push(p);
  }
  return out;
}

const examples = find(join(repo, 'examples'));
if (examples.length === 0) throw new Error('no example checklists found');
const snaps = mkdtempSync(join(tmpdir(), 'korto-grammar-'));
process.on('exit', () => rmSync(snaps, { recursive: true, force: true }));
const copies = examples.map((p) => {
  const copy = join(snaps, relative(join(repo, 'examples'), p).replaceAll('/', '_'));
  copyFileSync(p, copy);
  return copy;
});
run(bin('vscode-tmgrammar-snap'), ['-g', grammar, '--updateSnapshot', ...copies]);

let bad = 0;
for (const copy of copies) {
  const lines = readFileSync(copy + '.snap', 'utf8').split('\n');
  let source = '';
  lines.forEach((line, i) => {
    if (line.startsWith('>')) source = line.slice(1);
    if (!line.startsWith('#')) return;
    const m = /^#(\s*)(\^+) (.*)$/.exec(line);
    if (!m) return;
    const text = source.slice(m[1].length, m[1].length + m[2].length);
    if ((m[3] === 'source.korto' && text.trim() !== '') || m[3].includes('invalid')) {
      console.error(`${relative(snaps, copy)}.snap:${i + 1}: ${JSON.stringify(text)} gets ${m[3]}`);
      bad++;
    }
  });
}
if (bad > 0) {
  console.error(`${bad} spans of the examples are not highlighted`);
  process.exit(1);
}
console.log(`grammar: ${copies.length} example checklists highlighted in full`);
