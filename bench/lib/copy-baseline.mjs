/**
 * The batch row's copy baselines: the same file work as `csq report FILES --out-dir DIR`, with
 * no processing. For each input, in order: stat and read it (as csq's bounded read does),
 * check whether the output exists (csq refuses to write over an input), then write the same
 * bytes. By default atomically and durably, one file at a time, the way csq wrote before
 * batches wrote in groups: open a temp file beside the target with `wx`, writeFileSync,
 * fsyncSync, close, linkSync to the final name (never clobber), unlink the temp. With
 * `--plain`, writeFileSync to the final name and nothing else (no fsync, not atomic).
 * Usage: node copy-baseline.mjs [--plain] --out-dir DIR FILE…
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const args = process.argv.slice(2);
const plain = args[0] === '--plain';
if (plain) args.shift();
const outDir = args[args.indexOf('--out-dir') + 1];
const files = args.filter((_, i) => i !== args.indexOf('--out-dir') && i !== args.indexOf('--out-dir') + 1);
fs.mkdirSync(outDir, { recursive: true });
for (const file of files) {
  const stat = fs.statSync(file);
  if (stat.isDirectory()) throw new Error(`${file} is a folder`);
  const content = fs.readFileSync(file);
  const output = path.join(outDir, `${path.parse(file).name}.md`);
  if (fs.existsSync(output)) throw new Error(`${output} exists`);
  if (plain) {
    fs.writeFileSync(output, content);
    continue;
  }
  const dir = path.dirname(path.resolve(output));
  if (!fs.existsSync(dir)) throw new Error(`${dir} does not exist`);
  const temp = path.join(dir, `.${path.basename(output)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o644);
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.linkSync(temp, output);
  fs.rmSync(temp, { force: true });
}
