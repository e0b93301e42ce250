import { it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readBusinessFile } from '../../src/read/business-file.js';
const show = (f: () => unknown) => { try { return JSON.stringify(f()); } catch (e) { return `THROW ${(e as Error).name}: ${(e as Error).message}`; } };
it('probe', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probe-'));
  const w = (name: string, text: string) => { const f = path.join(dir, name); fs.writeFileSync(f, text); return f; };
  for (const [n, t] of [
    ['a.yaml', 'name: x\n  bad: indent\n'],
    ['b.yaml', 'name: x\nname: y\n'],
    ['c.yaml', 'Name: x\nname: y\n'],
    ['d.yaml', '- a\n- b\n'],
    ['e.yaml', ''],
    ['f.yaml', '\uFEFFname: x\n'],
    ['g.json', '\uFEFF{"name": "x"}'],
    ['h.json', '{\n  "name": "x",\n  "city": oops\n}'],
    ['i.json', '{\n  "name": "x",\n}'],
    ['j.json', '[{"name": "x"}]'],
    ['k.yaml', 'name: "unterminated\ncity: x\n'],
    ['l.yaml', 'name: [a, b\ncity: x\n'],
    ['m.yaml', 'just a string\n'],
    ['n.JSON', '{"Name": "x", "postal_code": 7102}'],
    ['o.yml', 'name: x\ndate: 2026-01-01\nflag: yes\nnum: 1e3\n'],
    ['p.yaml', 'name: x\n\tcity: y\n'],
  ]) console.log(n, show(() => readBusinessFile(w(n!, t!))));
  console.log(show(() => readBusinessFile(path.join(dir, 'nope.yaml'))));
  console.log(show(() => readBusinessFile(dir)));
});
