import { TemplateError } from '../errors.js';
import { MAX_FILL_CHARS, MAX_FILL_MS, MAX_FILL_STEPS } from '../contract/input-limits.js';

/**
 * What one filling of a template may spend. Every block a helper repeats
 * ({{#each}}, {{#eachLanguage}}) and every string it looks up is a step;
 * a template that nests loops without bound stops with a clear error
 * instead of running for minutes.
 */
export class FillBudget {
  private steps = 0;
  private spentChars = 0;
  private readonly deadline: number;

  constructor(private readonly name: string) {
    this.deadline = Date.now() + MAX_FILL_MS;
  }

  /** Characters counted so far. */
  get chars(): number {
    return this.spentChars;
  }

  /** Counts one step and the text it made; throws once the template has spent too much. */
  spend(text = ''): void {
    this.spentChars += text.length;
    if (++this.steps > MAX_FILL_STEPS || this.spentChars > MAX_FILL_CHARS) {
      throw new TemplateError(
        `${this.name}: the template repeats its blocks too often (more than ${MAX_FILL_STEPS} steps or ${MAX_FILL_CHARS} characters for one notice); look for nested {{#each}}`,
      );
    }
    if (this.steps % 256 === 0 && Date.now() > this.deadline) {
      throw new TemplateError(
        `${this.name}: filling the template took longer than ${MAX_FILL_MS / 1000} s for one notice; look for nested {{#each}}`,
      );
    }
  }
}
