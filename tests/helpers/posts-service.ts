/** A PostsService over a folder, as main builds it, for tests of saving and reading posts. */
import { AtomicWriter } from '../../src/main/services/fs/atomic-file'
import { KnownFiles } from '../../src/main/services/posts/known-files'
import { PostsService, type PostsServiceDeps } from '../../src/main/services/posts/posts'
import type { RepoInfo } from '../../src/shared/ipc/contract'
import { DEFAULT_PROFILE, type Profile } from '../../src/shared/profile'

/** The open repository `root` with `profile`, as RepoService reports it. */
export function repoInfoFor(root: string, profile: Profile = DEFAULT_PROFILE): RepoInfo {
  return { root, name: 'blog', profile, profileError: null, isSample: false }
}

/** A PostsService for `root` with its own writer and known files; `deps` overrides any of them. */
export function postsServiceFor(
  root: string,
  profile: Profile = DEFAULT_PROFILE,
  deps: Partial<PostsServiceDeps> = {},
): PostsService {
  const repo = repoInfoFor(root, profile)
  return new PostsService({
    repo: () => repo,
    writer: new AtomicWriter(),
    known: new KnownFiles(),
    ...deps,
  })
}
