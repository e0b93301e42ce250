import { describe, expect, it } from 'vitest';
import { templateFill, type TemplateFill } from '../../src/fill/fill-template.js';
import { prepareSession } from '../../src/session/prepare-session.js';
import { NOTICE, templateShapes } from './shape-harness.js';

const session = prepareSession({ template: 'private-areas', languages: ['en', 'es'] });

/** A template's shapes over a session's plans, counting the fillings. */
function shapesOf(source: string) {
  const fill = templateFill(source, 'test.hbs');
  const counter = { fills: 0 };
  const counted: TemplateFill = Object.assign(
    (context: object, data: Parameters<TemplateFill>[1]) => {
      counter.fills++;
      return fill(context, data);
    },
    { standIns: fill.standIns },
  );
  const { run } = templateShapes(session, counted, fill);
  return { counter, run, same: (record: Record<string, string>) => expect(run(record, true)).toStrictEqual(run(record, false)) };
}

describe('MarkupShapes', () => {
  it('fills a lone record plainly; the second of its shape three times (plain, two sets of stand-ins); then only puts values in', () => {
    const { counter, same } = shapesOf(
      NOTICE(
        '{{#eachLanguage}}<section lang="{{code}}" dir="{{dir}}"><p>{{t "private-areas:ask_for" contact_name=@root.business.contact_name}}</p></section>{{/eachLanguage}}',
      ),
    );
    same({ name: 'Tacos & "Más"', contact_name: 'Rosa' });
    expect(counter.fills).toBe(1);
    same({ name: 'Joe', contact_name: 'Ann' });
    const made = counter.fills;
    expect(made).toBe(4);
    for (const name of ['<b>Joe</b>', "O'Brien `x` = y", 'مخبز  الأندلس', 'a   b ']) same({ name, contact_name: name });
    expect(counter.fills).toBe(made);
  });

  it('translates vocabulary per record: (word) and {{list}} values are worked out for each record', () => {
    const { same, counter } = shapesOf(
      NOTICE(
        '{{#eachLanguage}}<section lang="{{code}}" dir="{{dir}}">{{#if (word @root.business.contact_role "contact_role")}}<p>{{t "private-areas:ask_for_role" contact_name=@root.business.contact_name contact_role=(word @root.business.contact_role "contact_role")}}</p>{{/if}}<p>{{list @root.business.private_areas "private_areas"}}</p></section>{{/eachLanguage}}',
      ),
    );
    same({ name: 'A', contact_name: 'Rosa', contact_role: 'Owner', private_areas: 'Kitchen;Office' });
    same({ name: 'B', contact_name: 'Ana', contact_role: 'manager', private_areas: 'Back room;Garden' });
    const made = counter.fills;
    same({ name: 'B2', contact_name: 'Eva', contact_role: 'cook', private_areas: 'Yard;Shed' });
    expect(counter.fills).toBe(made);
    // A per-language value is a field more: another shape, met once, then made.
    same({ name: 'C', contact_name: 'Ana', contact_role: 'Jefa', 'contact_role.es': 'La jefa', private_areas: 'office;x' });
    expect(counter.fills).toBe(made + 1);
    same({ name: 'D', contact_name: 'Li', contact_role: 'Boss', 'contact_role.es': 'El jefe', private_areas: 'shed;y' });
    expect(counter.fills).toBe(made + 4);
  });

  it('never stands in for values when a path reads inside them', () => {
    const { counter, same } = shapesOf(NOTICE('<p>{{#if business.name.[3]}}long{{/if}} {{business.name.length}}</p>'));
    same({ name: 'Tacos' });
    same({ name: 'Ta' });
    expect(counter.fills).toBe(2);
  });

  it('makes a value part of the shape when a helper reads it as markup', () => {
    const { counter, same } = shapesOf(NOTICE('<p>{{#with (t "private-areas:ask_for" contact_name=business.name)}}{{this}}{{/with}}</p>'));
    same({ name: 'Tacos & Co' });
    same({ name: 'Tacos & Co' });
    const made = counter.fills;
    same({ name: 'Joe & Sons' });
    same({ name: 'Joe & Sons' });
    expect(counter.fills).toBeGreaterThan(made + 2);
  });

  it('takes the plain path when a value lands outside text and attributes', () => {
    const { counter, same } = shapesOf(NOTICE('<!-- {{business.name}} --><p>x</p>'));
    same({ name: 'Tacos' });
    same({ name: 'Tacos and Co' });
    const made = counter.fills;
    same({ name: 'Tacos -- Co' });
    same({ name: 'Tacos' });
    expect(counter.fills).toBe(made + 2);
  });

  it('takes the plain path when the template itself holds a stand-in code point', () => {
    const { counter, same } = shapesOf(NOTICE('<p>\u{100000}{{business.name}}\u{108000}</p>'));
    same({ name: 'Tacos' });
    same({ name: 'Ann' });
    const made = counter.fills;
    same({ name: 'Joe' });
    expect(counter.fills).toBe(made + 1);
  });
});
