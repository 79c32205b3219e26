import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '../workspace';
import { parseCommandLine, USAGE } from './cli';

const main = (...args: string[]) =>
  spawnSync(join(workspaceRoot, 'node_modules/.bin/tsx'), [join(workspaceRoot, 'tools/validate/main.ts'), ...args], { cwd: workspaceRoot, encoding: 'utf8' });
const required = ['--cluster', 'infra'];

describe('validate command line', () => {
  it('--help prints usage documenting every option and exits 0', () => {
    const result = main('--help');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(USAGE);
    for (const option of ['--cluster', '--format', '--output', '--output-file', '--flux', '--skip-kind', '--help']) expect(USAGE).toContain(option);
  });

  it('an unknown option is a usage error, exit 2, no stack trace', () => {
    const result = main('--bogus');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^validate: Unknown option '--bogus'\nusage: validate /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('parses the options; a missing or bad value is an error to print with the usage', () => {
    expect(parseCommandLine(['-h'])).toEqual({ help: true });
    expect(parseCommandLine([...required, '--skip-kind', 'v1/A', '--skip-kind', 'v1/B', '--output', 'json', '--flux'])).toEqual({
      args: { cluster: 'infra', format: 'json', flux: true, skipKinds: ['v1/A', 'v1/B'] },
    });
    expect(parseCommandLine([...required, '--format', 'github', '--output-file', 'r.txt'])).toEqual({
      args: { cluster: 'infra', format: 'github', outputFile: 'r.txt', flux: false, skipKinds: [] },
    });
    expect(parseCommandLine(['--flux'])).toEqual({ error: 'missing --cluster' });
    // CI sets the default format for every cluster's validate through the environment.
    expect(parseCommandLine(required, 'github')).toMatchObject({ args: { format: 'github' } });
    expect(parseCommandLine([...required, '--format', 'text'], 'github')).toMatchObject({ args: { format: 'text' } });
    expect(parseCommandLine([...required, '--output', 'xml'])).toEqual({ error: '--format must be text, json or github, not "xml"' });
    expect(parseCommandLine([...required, '--format', 'json', '--output', 'text'])).toEqual({ error: '--format json and --output text disagree' });
    expect(parseCommandLine([...required, '--output'])).toEqual({ error: "Option '--output <value>' argument missing" });
    expect(parseCommandLine([...required, 'stray'])).toEqual({ error: "Unexpected argument 'stray'" });
  });
});
