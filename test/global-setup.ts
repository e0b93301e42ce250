import { execFileSync } from 'node:child_process';

/** End-to-end tests run the real bin, which runs dist/: build it from the current sources first. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
}
