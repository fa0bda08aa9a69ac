// The GitHub edge of the Action: comment calls over the Octokit that @actions/github builds, and GitHub's
// refusals turned into KolmErrors that name the permission the workflow is missing.
import { KolmError } from '../core/errors.ts';
import type { CommentApi } from './comment.ts';

/** The slice of @actions/github's Octokit the comment upsert uses. */
export interface OctokitLike {
  paginate: { iterator: (route: unknown, params: Record<string, unknown>) => AsyncIterable<{ data: { id: number; body?: string | null }[] }> };
  rest: {
    issues: {
      listComments: unknown;
      createComment(params: Record<string, unknown>): Promise<{ data: { id: number; html_url?: string } }>;
      updateComment(params: Record<string, unknown>): Promise<{ data: { id: number; html_url?: string } }>;
    };
  };
}

export function commentApi(octokit: OctokitLike, repo: { owner: string; repo: string }): CommentApi {
  const what = 'the PR comment';
  return {
    async *comments(issue) {
      try {
        for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 })) yield page.data;
      } catch (err) {
        throw githubRefusal(err, `listing the comments of PR #${issue}`, 'pull-requests: read');
      }
    },
    async create(issue, body) {
      try {
        return (await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body })).data;
      } catch (err) {
        throw githubRefusal(err, `creating ${what} on PR #${issue}`, 'pull-requests: write');
      }
    },
    async update(id, body) {
      try {
        return (await octokit.rest.issues.updateComment({ ...repo, comment_id: id, body })).data;
      } catch (err) {
        throw githubRefusal(err, `updating ${what} (id ${id})`, 'pull-requests: write');
      }
    },
  };
}

const NOT_ACCESSIBLE = /Resource not accessible by (integration|personal access token)/i;

/**
 * A GitHub API failure as a KolmError. A 403 "Resource not accessible by integration" means the workflow
 * token lacks a permission: say which one and where to add it.
 */
export function githubRefusal(err: unknown, what: string, permission: string): unknown {
  if (err instanceof KolmError) {
    if (!NOT_ACCESSIBLE.test(err.message)) return err;
  }
  const status = (err as { status?: number })?.status;
  // Octokit appends " - <documentation_url>" to GitHub's message.
  const message = ((err as Error)?.message ?? String(err)).split(' - https://')[0]!;
  if (NOT_ACCESSIBLE.test(message) || status === 403) {
    return new KolmError('E_PUBLISH', `GitHub refused ${what}: the workflow token lacks the \`${permission}\` permission (${status ?? 403} ${message.split('\n')[0]})`, {
      hint: `add \`permissions:\` with \`${permission}\` to the job (any permission not listed there is none); on fork PRs the token is read-only whatever the workflow says`,
      cause: err,
    });
  }
  if (status === 401) return new KolmError('E_PUBLISH', `GitHub refused ${what}: 401 ${message}`, { hint: 'the github-token input is missing or invalid (default: the workflow token)', cause: err });
  if (err instanceof KolmError) return err;
  return new KolmError('E_PUBLISH', `GitHub refused ${what}: ${status ? `${status} ` : ''}${message}`, { hint: 'see the GitHub message; GITHUB_API_URL points the Action at GitHub Enterprise', cause: err });
}
