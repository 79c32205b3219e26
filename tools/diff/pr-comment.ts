/**
 * Posts the fleet diff on a pull request as one sticky comment: found again by a hidden marker and
 * updated in place on later pushes, never duplicated (GitHub REST: issue comments).
 *
 *   tsx tools/diff/pr-comment.ts --body-file diff.md [--no-create]
 *
 * Environment: GITHUB_TOKEN, GITHUB_REPOSITORY (owner/name), PR_NUMBER, GITHUB_API_URL (default
 * https://api.github.com). `--no-create` only updates an existing comment (nothing to say on a new PR).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

export const MARKER = '<!-- gitops-fleet-diff -->';
/** GitHub's limit on a comment body, in characters. */
const MAX_BODY = 65_536;

export interface CommentTarget {
  api: string;
  token: string;
  repository: string;
  pr: number;
}

export class CommentError extends Error {}

interface IssueComment {
  id: number;
  body?: string;
}

async function request<T>(target: CommentTarget, method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${target.api.replace(/\/$/, '')}${path}`, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${target.token}`,
        'x-github-api-version': '2022-11-28',
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new CommentError(`${method} ${path}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new CommentError(`${method} ${path}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
  return (await response.json()) as T;
}

/** Every comment of the pull request (100 a page, until a short page). */
async function comments(target: CommentTarget): Promise<IssueComment[]> {
  const all: IssueComment[] = [];
  for (let page = 1; ; page++) {
    const batch = await request<IssueComment[]>(target, 'GET', `/repos/${target.repository}/issues/${target.pr}/comments?per_page=100&page=${page}`);
    all.push(...batch);
    if (batch.length < 100) return all;
  }
}

/** Creates the comment, or updates the one carrying the marker. */
export async function postStickyComment(target: CommentTarget, markdown: string, { create = true } = {}): Promise<{ action: 'created' | 'updated' | 'skipped'; id?: number }> {
  const body = `${MARKER}\n${markdown}`;
  if (body.length > MAX_BODY) throw new CommentError(`the comment is ${body.length} characters, over GitHub's ${MAX_BODY}: lower --budget`);
  const existing = (await comments(target)).find((comment) => comment.body?.includes(MARKER));
  if (existing) {
    await request(target, 'PATCH', `/repos/${target.repository}/issues/comments/${existing.id}`, { body });
    return { action: 'updated', id: existing.id };
  }
  if (!create) return { action: 'skipped' };
  const created = await request<IssueComment>(target, 'POST', `/repos/${target.repository}/issues/${target.pr}/comments`, { body });
  return { action: 'created', id: created.id };
}

export function targetFromEnv(env: NodeJS.ProcessEnv): CommentTarget {
  const missing = ['GITHUB_TOKEN', 'GITHUB_REPOSITORY', 'PR_NUMBER'].filter((name) => !env[name]);
  if (missing.length) throw new CommentError(`missing environment: ${missing.join(', ')}`);
  const pr = Number(env['PR_NUMBER']);
  if (!Number.isInteger(pr) || pr < 1) throw new CommentError(`PR_NUMBER must be a pull request number, not ${JSON.stringify(env['PR_NUMBER'])}`);
  return { api: env['GITHUB_API_URL'] || 'https://api.github.com', token: env['GITHUB_TOKEN']!, repository: env['GITHUB_REPOSITORY']!, pr };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { values } = parseArgs({ options: { 'body-file': { type: 'string' }, 'no-create': { type: 'boolean', default: false } } });
    if (!values['body-file']) throw new CommentError('missing --body-file');
    const result = await postStickyComment(targetFromEnv(process.env), readFileSync(values['body-file'], 'utf8'), { create: !values['no-create'] });
    console.log(`pr-comment: ${result.action}${result.id ? ` comment ${result.id}` : ''}`);
  } catch (error) {
    if (!(error instanceof CommentError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') || (error as { code?: string }).code === 'ENOENT')) throw error;
    console.error(`pr-comment: ${(error as Error).message.split('\n')[0]}`);
    process.exitCode = 1;
  }
}
