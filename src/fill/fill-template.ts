import { TemplateError } from '../errors.js';
import { FillBudget } from './fill-budget.js';
import { fillStrings, handlebars, KNOWN_HELPERS, type FillData } from './handlebars-env.js';
import { StandInSeen } from './stand-ins.js';
import { MAX_OUTPUT_BYTES, MAX_TEMPLATE_BYTES } from '../contract/input-limits.js';
import { BUILT_IN_FILLS } from './built-in-fills.js';

type Compiled = (context: unknown, options: { data: FillData }) => string;

/**
 * A template's fill function: compiled on first use, then kept by whoever holds it (a session, for all its notices).
 * `standIns` says whether business values may be stood in for (markup-shapes.ts): no path in the template reads
 * into a value (its length or a character), which a stand-in would not give back as the value does.
 */
export type TemplateFill = ((context: object, data: FillData) => string) & { readonly standIns: () => boolean };

export function templateFill(source: string, name: string): TemplateFill {
  let render: Compiled | undefined;
  let standIns: boolean | undefined;
  const strings = fillStrings();
  const fill = (context: object, data: FillData) => run((render ??= compile(source, name)), name, context, { ...data, strings });
  // The tree is read again when asked; a built-in template compiled when the bundle was built has the answer with it.
  const built = BUILT_IN_FILLS.get(source);
  return Object.assign(fill, {
    standIns: () => (standIns ??= built ? built.standIns : !readsInsideValues(checkedTemplate(source, name))),
  });
}

/** Fills a template with the notice data; every value is XML-escaped once, by Handlebars. */
export function fillTemplate(source: string, name: string, context: object, data: FillData): string {
  return run(compile(source, name), name, context, data);
}

function run(render: Compiled, name: string, context: object, data: FillData): string {
  let output: string;
  try {
    output = render(context, { data: { ...data, budget: data.budget ?? new FillBudget(name) } });
  } catch (error) {
    if (error instanceof TemplateError || error instanceof StandInSeen) throw error;
    throw new TemplateError(`${name}: ${(error as Error).message}`);
  }
  if (Buffer.byteLength(output) > MAX_OUTPUT_BYTES)
    throw new TemplateError(`${name}: the filled template is larger than ${MAX_OUTPUT_BYTES} bytes`);
  return output;
}

const COMPILE_OPTIONS = { strict: true, knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true, noEscape: false } as const;

function compile(source: string, name: string): Compiled {
  // A built-in template as the bundle was built with it: the same code, without parsing and compiling it now (~10 ms of a cold render's CPU).
  const built = BUILT_IN_FILLS.get(source);
  if (built) return handlebars.template(built.spec as Parameters<typeof handlebars.template>[0]) as Compiled;
  return handlebars.compile(checkedTemplate(source, name), COMPILE_OPTIONS) as Compiled;
}

/**
 * A built-in template's entry of BUILT_IN_FILLS, as source (for scripts/bundle.js): Handlebars' precompiled spec,
 * compiled as a render compiles it, and whether business values may be stood in for.
 */
export function precompiledFill(source: string, name: string): string {
  const ast = checkedTemplate(source, name);
  const spec = handlebars.precompile(ast, COMPILE_OPTIONS) as string;
  return `{ spec: ${spec}, standIns: ${String(!readsInsideValues(ast))} }`;
}

function checkedTemplate(source: string, name: string): hbs.AST.Program {
  if (Buffer.byteLength(source) > MAX_TEMPLATE_BYTES)
    throw new TemplateError(`${name}: the template is larger than ${MAX_TEMPLATE_BYTES} bytes`);
  let ast: hbs.AST.Program;
  try {
    ast = handlebars.parse(source);
  } catch (error) {
    throw new TemplateError(`${name}: ${(error as Error).message}`);
  }
  rejectUnsafe(ast.body, name);
  // The tree just checked, not the source again: Handlebars takes a parsed Program as it is (its white-space pass finds nothing left to strip).
  return ast;
}

/** Whether a path reads a string's own properties (`x.length`, `x.[0]`): what differs between a value and its stand-in. */
function readsInsideValues(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(readsInsideValues);
  if (node === null || typeof node !== 'object') return false;
  const path = node as { type?: unknown; parts?: unknown };
  if (
    path.type === 'PathExpression' &&
    Array.isArray(path.parts) &&
    path.parts.some((part) => part === 'length' || /^\d+$/.test(String(part)))
  ) {
    return true;
  }
  return Object.entries(node).some(([key, value]) => key !== 'loc' && readsInsideValues(value));
}

/** No unescaped output ({{{x}}} or {{&x}}), no partials, no decorators. */
function rejectUnsafe(statements: readonly hbs.AST.Statement[], name: string): void {
  for (const statement of statements) {
    const where = `${name}: line ${statement.loc.start.line}, column ${statement.loc.start.column + 1}`;
    if (statement.type === 'MustacheStatement' && !(statement as hbs.AST.MustacheStatement).escaped) {
      throw new TemplateError(`${where}: unescaped output ({{{…}}} or {{&…}}) is not allowed; use {{…}}`);
    }
    if (statement.type.startsWith('Partial') || statement.type.startsWith('Decorator')) {
      throw new TemplateError(`${where}: partials and decorators are not allowed in placard templates`);
    }
    if (statement.type === 'BlockStatement') {
      const block = statement as hbs.AST.BlockStatement;
      rejectUnsafe(block.program?.body ?? [], name);
      rejectUnsafe(block.inverse?.body ?? [], name);
    }
  }
}
