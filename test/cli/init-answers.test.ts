import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { placardCommand } from '../../src/cli/init-command.js';
import { filterLanguages, languageChoices } from '../../src/cli/init-languages.js';
import { systemPaper } from '../../src/cli/init-paper.js';
import { noticeChoices } from '../../src/cli/init-questions.js';
import { initYaml } from '../../src/cli/init-yaml.js';
import { localeCatalog } from '../../src/strings/locale-catalog.js';

const choices = languageChoices(localeCatalog([]));
const found = (term: string): string[] => filterLanguages(choices, term).map((choice) => choice.value);

describe('init: the language list filters as you type', () => {
  it('lists every language, English first, each by its own name with the English one beside it', () => {
    expect(found('')).toHaveLength(localeCatalog([]).size);
    expect(found('').length).toBeGreaterThanOrEqual(20);
    expect(choices[0]).toMatchObject({ value: 'en', name: 'English' });
    expect(choices.find((choice) => choice.value === 'es')!.name).toBe('Español (Spanish)');
  });

  it('finds a language by its code, its English name or its own name, with or without accents, in any case', () => {
    expect(found('so')[0]).toBe('so');
    expect(found('Somali')).toEqual(['so']);
    expect(found('SOOMAALI')).toEqual(['so']);
    expect(found('espanol')).toEqual(['es']);
    expect(found('Español')).toEqual(['es']);
    expect(found('hmn')).toEqual(['hmn']);
    expect(found('chinese')).toEqual(['zh-Hans', 'zh-Hant']);
    expect(found('zh-hant')[0]).toBe('zh-Hant');
    expect(found('العربية')).toEqual(['ar']);
    expect(found('ar')[0]).toBe('ar');
    expect(found('xyzzy')).toEqual([]);
  });
});

describe('init: the paper the system suggests', () => {
  it.each([
    [{ LANG: 'en_US.UTF-8' }, 'letter'],
    [{ LANG: 'es_MX.UTF-8' }, 'letter'],
    [{ LANG: 'fil_PH.UTF-8' }, 'letter'],
    [{ LANG: 'fr_CA.UTF-8' }, 'letter'],
    [{ LANG: 'de_DE.UTF-8' }, 'a4'],
    [{ LANG: 'en_GB.UTF-8' }, 'a4'],
    [{ LANG: 'so_SO.UTF-8' }, 'a4'],
    [{ LANG: 'en_US.UTF-8', LC_PAPER: 'de_DE.UTF-8' }, 'a4'],
    [{ LANG: 'de_DE.UTF-8', LC_PAPER: 'de_DE.UTF-8', LC_ALL: 'en_US.UTF-8' }, 'letter'],
    [{ LANG: 'C.UTF-8' }, 'letter'],
    [{}, 'letter'],
  ])('%o → %s', (env, paper) => {
    expect(systemPaper(env)).toBe(paper);
  });
});

describe('init: hints that work as typed', () => {
  it('says npx placard when npm ran it through npx, placard otherwise', () => {
    expect(placardCommand({ npm_command: 'exec' })).toBe('npx placard');
    expect(placardCommand({ npm_execpath: '/usr/lib/node_modules/npm/bin/npx-cli.js' })).toBe('npx placard');
    expect(placardCommand({ npm_command: 'run-script', npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' })).toBe('placard');
    expect(placardCommand({})).toBe('placard');
  });
});

describe('init: a business or a home', () => {
  it('offers only the notices for the answer', () => {
    const home = noticeChoices('home').map((choice) => choice.value);
    expect(home).toEqual(['home', 'home-packet']);
    const business = noticeChoices('business').map((choice) => choice.value);
    expect(business[0]).toBe('private-areas');
    expect(business).toEqual(expect.arrayContaining(['staff-only', 'business-packet']));
    for (const id of home) expect(business).not.toContain(id);
    expect(noticeChoices('home')[0]!.sizes).toEqual(expect.arrayContaining(['letter', 'a4', 'half-letter', 'decal']));
  });
});

describe('init: a business.yaml that survives hand editing', () => {
  const TRICKY = {
    name: "Hodan's Halal Market: Groceries & Café",
    street: '2200 Riverside Ave #4',
    postal_code: '02139',
    phone: '612-555-0100',
    contact_name: 'yes',
    contact_role: 'No',
    city: '- Minneapolis, "the city"',
    region: 'null',
    private_areas: ['Back room #2', 'Office: upstairs', '007'],
  };
  const written = initYaml({ audience: 'business', business: TRICKY, languages: ['en', 'so'], printAgain: 'placard render x' });

  it('reads back exactly what was answered', () => {
    expect(YAML.parse(written)).toEqual({ ...TRICKY, languages: ['en', 'so'] });
  });

  it('writes every text value in double quotes and lists one entry a line, so an edit inside the quotes keeps # and :', () => {
    expect(written).toContain('street: "2200 Riverside Ave #4"\n');
    expect(written).toContain('postal_code: "02139"\n');
    expect(written).toContain('private_areas:\n  - "Back room #2"\n  - "Office: upstairs"\n');
    const edited = written
      .replace(/^street: .*$/m, 'street: "12 Main St #4"')
      .replace(/^contact_role: .*$/m, 'contact_role: "Manager: days"');
    expect(YAML.parse(edited)).toMatchObject({ street: '12 Main St #4', contact_role: 'Manager: days' });
  });

  it('starts with a comment saying how to write each kind of value and how to print again', () => {
    const comment = written.split('\n').filter((line) => line.startsWith('#'));
    expect(comment.join('\n')).toMatch(/placard render x/);
    expect(comment.join('\n')).toMatch(/double quotes/);
    expect(comment.join('\n')).toMatch(/ZIP codes/);
    expect(comment.join('\n')).toMatch(/one entry a line/);
    expect(written.indexOf('name:')).toBeGreaterThan(written.lastIndexOf('# '));
  });
});
