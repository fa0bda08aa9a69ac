// Publishing signed artifacts: attach a .kolm and its Sigstore bundle to a GitHub release (DESIGN §8).
export { DEFAULT_GITHUB_API_URL, publishRelease } from './github.ts';
export type { PublishOptions, PublishResult, PublishedAsset, ReleaseAsset } from './github.ts';
