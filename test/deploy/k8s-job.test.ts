import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { placardIn } from '../cli/run-placard.js';
import { recipeFolder, runArgv, type Ran } from './recipe-runner.js';

interface Container {
  name: string;
  image: string;
  workingDir: string;
  command: string[];
  args: string[];
  env?: { name: string; value: string }[];
}
interface Job {
  kind: string;
  spec: {
    completionMode?: string;
    completions?: number;
    backoffLimit?: number;
    podFailurePolicy?: { rules: { action: string; onExitCodes?: { containerName: string; operator: string; values: number[] } }[] };
    template: { spec: { restartPolicy: string; containers: Container[]; volumes: { persistentVolumeClaim?: { claimName: string } }[] } };
  };
}

const load = <T>(name: string): T => YAML.parse(readFileSync(join('deploy/k8s', name), 'utf8')) as T;
const render = load<Job>('render-job.yaml');
const merge = load<Job>('merge-job.yaml');
const volume = load<{ metadata: { name: string }; spec: { accessModes: string[] } }>('volume.yaml');

/**
 * The container's command line and environment, as the kubelet would start it in pod `index`: in a process of its
 * own (`placard` from PATH) when `where` is 'real', else, for a `placard` command, through `main(argv, io)` in this
 * process with the same arguments, folder and environment (starting Node and placard again for each of the eight
 * pods checks nothing more than the real pods here do).
 */
async function podRun(job: Job, index: number | undefined, dir: string, env: NodeJS.ProcessEnv, where: 'real' | 'in' = 'in'): Promise<Ran> {
  const container = job.spec.template.spec.containers[0]!;
  expect(container.workingDir).toBe('/work'); // the volume's mount: the test's folder stands in for it
  const podEnv = { ...env, ...Object.fromEntries((container.env ?? []).map(({ name, value }) => [name, value])) };
  if (index !== undefined) podEnv.JOB_COMPLETION_INDEX = String(index);
  const argv = [...container.command, ...container.args];
  if (where === 'real' || argv[0] !== 'placard') return runArgv(argv, dir, podEnv);
  const run = await placardIn(argv.slice(1), { cwd: dir, env: podEnv as Record<string, string> });
  return { code: run.code, stderr: run.stderr };
}

describe('the Kubernetes recipe in deploy/k8s runs as written', () => {
  it('shares a ReadWriteMany volume, and fails the Job at once only on usage errors and bugs', () => {
    expect(volume.spec.accessModes).toEqual(['ReadWriteMany']);
    for (const job of [render, merge]) {
      expect(job.spec.template.spec.volumes[0]!.persistentVolumeClaim!.claimName).toBe(volume.metadata.name);
      expect(job.spec.template.spec.containers[0]!.image).toBe(render.spec.template.spec.containers[0]!.image);
    }
    expect(render.spec.completionMode).toBe('Indexed');
    const args = render.spec.template.spec.containers[0]!.args;
    expect(args[args.indexOf('--shard') + 1]).toBe(`auto/${render.spec.completions}`);
    expect(args).toEqual(expect.arrayContaining(['--resume', '--allow-bad-rows']));
    expect(render.spec.template.spec.restartPolicy).toBe('Never');
    const failJob = render.spec.podFailurePolicy!.rules.find((rule) => rule.action === 'FailJob')!.onExitCodes!;
    expect(failJob).toEqual({ containerName: render.spec.template.spec.containers[0]!.name, operator: 'In', values: [2, 3] });
    expect(merge.spec.backoffLimit).toBe(0);
  });

  it('each pod index renders its shard and exits 0 despite bad rows; a restarted pod too; the merge gives one manifest', async () => {
    const { dir, env, records, badRecords } = recipeFolder();
    const n = render.spec.completions!;
    for (let index = 0; index < n; index++) {
      // Pod 0 in a real process, as the image starts it; the others in this process.
      const pod = await podRun(render, index, dir, env, index === 0 ? 'real' : 'in');
      expect(pod.code, `pod ${index}: ${pod.stderr}`).toBe(0);
      expect(existsSync(join(dir, 'out', `manifest.shard-${index + 1}-of-${n}.json`))).toBe(true);
    }
    // A bad row's shard, run again as Kubernetes would after a lost node: exits 0 again, nothing redone.
    const badShard = badRecords[0]! % n;
    const again = await podRun(render, badShard, dir, env, 'real');
    expect(again.code, again.stderr).toBe(0);
    const errors = readFileSync(join(dir, 'out', `errors.shard-${badShard + 1}-of-${n}.csv`), 'utf8');
    expect(errors).toContain('b007');

    const merged = await podRun(merge, undefined, dir, env);
    expect(merged.code, merged.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as {
      rows_total: number;
      entries: { index: number; file: string }[];
      failed: { index: number }[];
    };
    expect(manifest.rows_total).toBe(records);
    expect(manifest.failed.map((row) => row.index)).toEqual(badRecords);
    expect(manifest.entries).toHaveLength(records - badRecords.length);
    for (const entry of manifest.entries) expect(existsSync(join(dir, 'out', entry.file)), entry.file).toBe(true);
  }, 600_000);
});
