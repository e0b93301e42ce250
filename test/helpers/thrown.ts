import { expect } from 'vitest';

/** The error of the given class that `action` throws; fails the test if it throws nothing or something else. */
export function thrown<E extends Error>(type: new (...args: never[]) => E, action: () => unknown): E {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as E;
  }
  throw new Error(`expected a ${type.name}`);
}
