/** The sticky comment against a local server implementing GitHub's three issue-comment endpoints. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { affectedClusters } from './affected';
import { MARKER, postStickyComment, targetFromEnv, type CommentTarget } from './pr-comment';
import { CUT_MARKER } from '@gitops/manifest-diff';
import { workspaceRoot } from '../workspace';

interface Comment {
  id: number;
  body: string;
}

/** A pull request #7 of acme/fleet with 120 comments by others (two pages), and what was requested. */
function fakeGitHub() {
  const comments: Comment[] = Array.from({ length: 120 }, (_, i) => ({ id: i + 1, body: `review comment ${i + 1}` }));
  const requests: string[] = [];
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://localhost');
      requests.push(`${req.method} ${url.pathname}${url.search}`);
      const reply = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.headers.authorization !== 'Bearer test-token') return reply(401, { message: 'Bad credentials' });
      if (req.method === 'GET' && url.pathname === '/repos/acme/fleet/issues/7/comments') {
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        return reply(200, comments.slice((page - 1) * perPage, page * perPage));
      }
      if (req.method === 'POST' && url.pathname === '/repos/acme/fleet/issues/7/comments') {
        const comment = { id: 1000 + comments.length, body: (JSON.parse(data) as Comment).body };
        comments.push(comment);
        return reply(201, comment);
      }
      const patch = /^\/repos\/acme\/fleet\/issues\/comments\/(\d+)$/.exec(url.pathname);
      const found = patch && comments.find((c) => c.id === Number(patch[1]));
      if (req.method === 'PATCH' && found) {
        found.body = (JSON.parse(data) as Comment).body;
        return reply(200, found);
      }
      reply(404, { message: 'Not Found' });
    });
  });
  return { server, comments, requests };
}

describe('the sticky PR comment', () => {
  const github = fakeGitHub();
  let target: CommentTarget;
  beforeAll(async () => {
    await new Promise<void>((resolve) => github.server.listen(0, '127.0.0.1', resolve));
    target = { api: `http://127.0.0.1:${(github.server.address() as AddressInfo).port}`, token: 'test-token', repository: 'acme/fleet', pr: 7 };
  });
  afterAll(() => new Promise<void>((resolve) => (github.server as Server).close(() => resolve())));

  it('creates one comment with the marker, then updates it in place on the next push', async () => {
    expect(await postStickyComment(target, 'first diff', { create: false })).toEqual({ action: 'skipped' });
    const first = await postStickyComment(target, 'first diff');
    expect(first.action).toBe('created');
    const second = await postStickyComment(target, 'second diff');
    expect(second).toEqual({ action: 'updated', id: first.id });
    const ours = github.comments.filter((comment) => comment.body.includes(MARKER));
    expect(ours).toEqual([{ id: first.id, body: `${MARKER}\nsecond diff` }]);
    expect(github.comments).toHaveLength(121);
    // Found on the second page: every page was read.
    expect(github.requests.filter((r) => r.startsWith('GET')).slice(-2)).toEqual([
      'GET /repos/acme/fleet/issues/7/comments?per_page=100&page=1',
      'GET /repos/acme/fleet/issues/7/comments?per_page=100&page=2',
    ]);
    expect(github.requests.at(-1)).toBe(`PATCH /repos/acme/fleet/issues/comments/${first.id}`);
  });

  it('is what the workflow runs: the script with the environment Actions gives it updates the same comment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gitops-pr-comment-'));
    try {
      writeFileSync(join(dir, 'diff.md'), 'third diff');
      const script = [join(workspaceRoot, 'node_modules/.bin/tsx'), ['--tsconfig', join(workspaceRoot, 'tsconfig.json'), join(workspaceRoot, 'tools/diff/pr-comment.ts'), '--body-file', join(dir, 'diff.md')]] as const;
      const env = { ...process.env, GITHUB_API_URL: target.api, GITHUB_TOKEN: 'test-token', GITHUB_REPOSITORY: 'acme/fleet', PR_NUMBER: '7' };
      const { stdout } = await promisify(execFile)(script[0], [...script[1]], { env, encoding: 'utf8' });
      expect(stdout).toMatch(/^pr-comment: updated comment \d+\n$/);
      expect(github.comments.filter((comment) => comment.body.includes(MARKER)).map((c) => c.body)).toEqual([`${MARKER}\nthird diff`]);
      expect(() => targetFromEnv({ ...env, PR_NUMBER: '' })).toThrow('missing environment: PR_NUMBER');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with the HTTP status on a bad token, and refuses a body over GitHub`s limit', async () => {
    await expect(postStickyComment({ ...target, token: 'wrong' }, 'x')).rejects.toThrow(/^GET \/repos\/acme\/fleet\/issues\/7\/comments\?per_page=100&page=1: HTTP 401/);
    await expect(postStickyComment(target, 'x'.repeat(70_000))).rejects.toThrow(/over GitHub's 65536: lower --budget/);
  });
});

describe('affected clusters', () => {
  it('takes the clusters-* projects and clusters whose rendered folder changed (a removed one too)', () => {
    const projects = JSON.stringify(['tools', 'clusters-infra', 'netpol', 'clusters-apps']);
    expect(affectedClusters(projects, 'kubernetes/clusters/old/kustomization.yaml\nlibs/netpol/src/egress.ts\n')).toEqual(['apps', 'infra', 'old']);
  });
});

describe('the pr-diff workflow', () => {
  const workflow = readFileSync(join(workspaceRoot, '.github/workflows/pr-diff.yml'), 'utf8');
  it('uploads the text diff on the marker the Markdown carries when cut, and runs the tested scripts', () => {
    expect(CUT_MARKER).toBe('<!-- gitops-fleet-diff:cut -->');
    expect(workflow).toContain(`grep -q '${CUT_MARKER.slice(5, -4)}'`);
    for (const script of ['tools/diff/affected.ts', 'tools/diff/main.ts', 'tools/diff/pr-comment.ts']) expect(workflow).toContain(script);
  });
});
