import type { input } from '@inquirer/prompts';

/** Where the prompts read and write (a terminal, or scripted streams in tests). */
export type Context = NonNullable<Parameters<typeof input>[1]>;
/** A fresh context for each prompt: a prompt ends the output stream it was given when it is done. */
export type Contexts = () => Context;
