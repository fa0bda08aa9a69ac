// The Action's entry (runs.main → dist/action.js): build the ActionIO from the runner's toolkit and call
// run(). Nothing else lives here; action/main.ts does the work through core.
import * as core from '@actions/core';
import { context, getOctokit } from '@actions/github';
import { DefaultArtifactClient } from '@actions/artifact';
import { commentApi, type OctokitLike } from './github.ts';
import { run } from './main.ts';

await run({
  getInput: (name) => core.getInput(name),
  setOutput: (name, value) => core.setOutput(name, value),
  setSecret: (value) => core.setSecret(value),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  setFailed: (message) => core.setFailed(message),
  writeSummary: async (markdown) => {
    await core.summary.addRaw(markdown, true).write();
  },
  env: process.env,
  cwd: process.cwd(),
  event: { name: context.eventName, payload: context.payload, repo: context.repo },
  comments: (token) => commentApi(getOctokit(token) as unknown as OctokitLike, context.repo),
  uploadArtifact: (name, files, root, options) => new DefaultArtifactClient().uploadArtifact(name, files, root, options),
});
