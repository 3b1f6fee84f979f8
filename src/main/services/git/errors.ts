/**
 * The one place where git's error text becomes an error kind, and an error kind becomes a plain
 * message with the next step (RELIABILITY.md G1–G9). Pure.
 */
import type { GitErrorKind } from '../../../shared/git/error-kinds'
import { msg, type LocalizedText } from '../../../shared/localized'

/** Oldest git the app supports (`git switch`, `--pathspec-from-file`, porcelain v2 with `-z`). */
export const MIN_GIT_VERSION = '2.30.0'

/** Files larger than this are refused before committing (GitHub's hard limit, G6). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024

/**
 * git's messages (run with `LC_ALL=C`) that identify a failure, most specific first.
 * The first matching row wins, so "remote rejected … hook declined" is checked before the generic
 * "rejected".
 */
export const GIT_ERROR_PATTERNS: ReadonlyArray<readonly [RegExp, GitErrorKind]> = [
  // The repository is on a read-only disk (D7); before the lock patterns, whose words it shares
  // ("cannot lock ref …: Read-only file system"). A server's own disk ("remote: …") is not ours.
  [/^(?!remote:).*Read-only file system/im, 'read-only-disk'],
  // Remote refused the file size (GitHub GH001, HTTP 413 from a proxy).
  [
    /GH001: Large files detected|exceeds GitHub's file size limit|pack exceeds maximum allowed size|HTTP 413|error: RPC failed; HTTP 413/i,
    'remote-too-large',
  ],
  // Protected branches and server-side hooks (G7).
  [
    /GH006: Protected branch|GH013: Repository rule violations|protected branch hook declined|not allowed to (?:push|force push) (?:code )?to (?:this|protected) branch|\[remote rejected\]|pre-receive hook declined|hook declined/i,
    'protected-branch',
  ],
  // The remote has commits the local branch lacks (G1).
  [
    /\[rejected\].*\((?:fetch first|non-fast-forward)\)|Updates were rejected because (?:the remote contains work|the tip of your current branch is behind)|failed to push some refs.*\n?.*(?:fetch first|non-fast-forward)/i,
    'push-rejected',
  ],
  // Credentials missing, wrong, expired or revoked (G3).
  [
    /Authentication failed|could not read (?:Username|Password) for|terminal prompts disabled|Invalid username or (?:password|token)|HTTP Basic: Access denied|returned error: 40[13]|Permission denied \(publickey|Permission to .* denied to|Support for password authentication was removed|remote: Unauthorized|bad credentials|The requested URL returned error: 401/i,
    'auth-failed',
  ],
  [
    /Repository not found|does not appear to be a git repository|returned error: 404|repository '.*' not found/i,
    'repository-not-found',
  ],
  // Network down, DNS, refused or reset connections (G2).
  [
    /Could not resolve host|Could not resolve hostname|Failed to connect to|Couldn't connect to server|Connection refused|Network is unreachable|No route to host|Connection timed out|Operation timed out|Connection reset|Empty reply from server|Recv failure|SSL_ERROR_SYSCALL|The remote end hung up unexpectedly|unable to access '.*': (?:getaddrinfo|Could not)|Temporary failure in name resolution|Name or service not known|early EOF/i,
    'offline',
  ],
  // A compare-and-swap ref update lost a race: the branch moved meanwhile.
  [/cannot lock ref .*(?:but expected|reference already exists)/i, 'branch-moved'],
  // Locks (G4).
  [
    /index\.lock'?: File exists|Unable to create '.*\.lock'|Another git process seems to be running|cannot lock ref/i,
    'lock-file',
  ],
  [/not a git repository/i, 'not-a-repository'],
  // Conflicts while merging or rebasing (G5).
  [
    /CONFLICT \(|Automatic merge failed|could not apply [0-9a-f]+|Resolve all conflicts manually|Merge conflict in/i,
    'merge-conflict',
  ],
  [
    /Your local changes to the following files would be overwritten|untracked working tree files would be (?:overwritten|removed)|Please commit your changes or stash them/i,
    'would-overwrite',
  ],
  [
    /cannot (?:rebase|pull with rebase): You have unstaged changes|Your index contains uncommitted changes|cannot rebase: Your index contains/i,
    'uncommitted-changes',
  ],
  [
    /You have not concluded your merge|MERGE_HEAD exists|Merging is not possible because you have unmerged files/i,
    'merge-in-progress',
  ],
  [
    /rebase-merge directory|rebase-apply directory|already a rebase-(?:merge|apply)|It seems that there is already a rebase/i,
    'rebase-in-progress',
  ],
  [
    /Please tell me who you are|Author identity unknown|unable to auto-detect email address|empty ident name|auto-detection is disabled/i,
    'identity-missing',
  ],
  [/nothing to commit|nothing added to commit|no changes added to commit/i, 'nothing-to-commit'],
  [/You are not currently on a branch|HEAD detached/i, 'detached-head'],
]

/**
 * Maps git's stderr (and stdout: `push --porcelain` prints ref results there) to an error kind.
 * Returns null when no row matches: the caller reports `unknown` with git's own words.
 */
export function classifyGitError(stderr: string, stdout = ''): GitErrorKind | null {
  const text = `${stderr}\n${stdout}`
  for (const [pattern, kind] of GIT_ERROR_PATTERNS) {
    if (pattern.test(text)) return kind
  }
  return null
}

/** Facts a message may name. */
export interface ErrorContext {
  branch?: string
  baseBranch?: string
  remote?: string
  files?: readonly string[]
  /** Git version found, for `git-too-old`. */
  version?: string
  /** Where the lock file is, for `lock-file`. */
  lockPath?: string
  /** Whether a token was used (auth failures then say the token was refused). */
  usedToken?: boolean
  /** Whether the remote is reached over SSH (a token does not help then). */
  ssh?: boolean
  /** Whether a commit is kept locally (push failures). */
  commitKept?: boolean
  /** Seconds waited, for `timeout`. */
  seconds?: number
  /** The post's file, for `not-a-post`. */
  path?: string
}

function list(files: readonly string[] | undefined, max = 5): string {
  if (!files || files.length === 0) return ''
  const shown = files.slice(0, max).join(', ')
  return files.length > max ? `${shown} …(+${files.length - max})` : shown
}

function kept(ctx: ErrorContext): LocalizedText {
  return ctx.commitKept
    ? msg('コミットはこのパソコンに残っています。', 'Your commit is kept on this computer.')
    : msg('', '')
}

function join(a: LocalizedText, b: LocalizedText): LocalizedText {
  return { ja: [a.ja, b.ja].filter(Boolean).join(''), en: [a.en, b.en].filter(Boolean).join(' ') }
}

/** A path refused by the real-path check (D11): its reason, then what publishing did (nothing). */
export function refusedPathMessage(reason: LocalizedText): LocalizedText {
  return join(reason, describeGitError('path-refused'))
}

/** The plain-language message for an error kind: what happened, and what to do next. */
export function describeGitError(kind: GitErrorKind, ctx: ErrorContext = {}): LocalizedText {
  const branch = ctx.branch ?? ''
  const base = ctx.baseBranch ?? 'main'
  const files = list(ctx.files)
  switch (kind) {
    case 'git-missing':
      return msg(
        'git が見つかりません。git をインストールして（https://git-scm.com/downloads）アプリを再起動してください。記事の編集とプレビューはこのまま使えます。',
        'git was not found. Install git (https://git-scm.com/downloads) and restart the app. Writing and previewing still work.',
      )
    case 'git-too-old':
      return msg(
        `git ${ctx.version ?? ''} は古すぎます。${MIN_GIT_VERSION} 以降に更新してください。記事の編集とプレビューはこのまま使えます。`,
        `git ${ctx.version ?? ''} is too old. Update git to ${MIN_GIT_VERSION} or later. Writing and previewing still work.`,
      )
    case 'not-a-repository':
      return msg(
        'このフォルダーは git リポジトリではありません。ブログのリポジトリを clone したフォルダーを開いてください。',
        'This folder is not a git repository. Open the folder where the blog repository is cloned.',
      )
    case 'detached-head':
      return msg(
        'いまはどのブランチにもいない状態（detached HEAD）です。何も変更していません。ターミナルや git のアプリでブランチに切り替えてから、もう一度押してください。',
        'The repository is not on any branch (detached HEAD). Nothing was changed. Switch to a branch (in a terminal or a git app), then press again.',
      )
    case 'merge-in-progress':
      return msg(
        'リポジトリでマージが途中のままです。何も変更していません。マージを完了するか中止（git merge --abort）してから、もう一度押してください。',
        'A merge is in progress in this repository. Nothing was changed. Finish it or abort it (git merge --abort), then press again.',
      )
    case 'rebase-in-progress':
      return msg(
        'リポジトリでリベースが途中のままです。何も変更していません。リベースを完了するか中止（git rebase --abort）してから、もう一度押してください。',
        'A rebase is in progress in this repository. Nothing was changed. Finish it or abort it (git rebase --abort), then press again.',
      )
    case 'operation-in-progress':
      return msg(
        'リポジトリで cherry-pick か revert が途中のままです。何も変更していません。完了するか中止してから、もう一度押してください。',
        'A cherry-pick or revert is in progress in this repository. Nothing was changed. Finish or abort it, then press again.',
      )
    case 'lock-file':
      return msg(
        `別の git が動いているか、前回の git が異常終了してロックファイル（${ctx.lockPath ?? '.git/index.lock'}）が残っています。何も変更していません。他の git（ターミナル・エディター）を閉じて待ってからもう一度押してください。それでも続くときは、git が動いていないことを確かめてからそのファイルを削除してください。`,
        `Another git program is running, or an earlier one stopped and left a lock file (${ctx.lockPath ?? '.git/index.lock'}). Nothing was changed. Close other git tools, wait, and press again. If it persists, make sure no git is running, then delete that file.`,
      )
    case 'unrelated-changes':
      return msg(
        `この記事と関係のない変更がリポジトリにあります（${files}）。混ざらないよう、何もせずに止めました。その変更をコミットするか元に戻してから、もう一度押してください。`,
        `The repository has changes unrelated to this post (${files}). To keep them out of this post's pull request, nothing was done. Commit or undo them, then press again.`,
      )
    case 'would-overwrite':
      return msg(
        `ブランチを切り替えると、保存されている変更（${files || '作業中のファイル'}）が上書きされるため止めました。ファイルはそのままです。その変更をコミットしてからもう一度押してください。`,
        `Switching branches would overwrite your changes (${files || 'files you are working on'}), so nothing was done; your files are untouched. Commit those changes, then try again.`,
      )
    case 'uncommitted-changes':
      return msg(
        '記事にまだ送っていない変更があるため、取り込みを止めました。ファイルはそのままです。先に変更を送ってから取り込んでください。',
        'The post has changes that are not committed yet, so the update was not started; your files are untouched. Send them first with "Request review", then update.',
      )
    case 'read-only-disk':
      return join(
        msg(
          'リポジトリのフォルダーが読み取り専用のディスクにあるため、git が書き込めませんでした。何も変更していません。書き込めるディスクに置いてから、もう一度押してください。',
          'The repository folder is on a read-only disk, so git could not write to it. Nothing was changed. Move it to a writable disk, then press again.',
        ),
        kept(ctx),
      )
    case 'path-refused':
      return msg(
        'そのため送信も取り込みもせず、何も変更していません。',
        'So nothing was sent or brought in, and nothing was changed.',
      )
    case 'not-a-post':
      return msg(
        `${ctx.path ?? 'このファイル'} はプロファイルの記事の置き場所（postPath）に合わないため、ブランチ名と画像フォルダーを決められません。`,
        `${ctx.path ?? 'This file'} does not match the profile's post location (postPath), so its branch and image folder cannot be determined.`,
      )
    case 'base-missing':
      return msg(
        `公開中の記事のブランチ「${base}」がリポジトリにも送り先にもありません。.portal-writer.yml の baseBranch を確かめてください。`,
        `The base branch "${base}" exists neither locally nor on the remote. Check baseBranch in .portal-writer.yml.`,
      )
    case 'no-remote':
      return msg(
        'このリポジトリには送り先（リモート）が設定されていません。GitHub などのリポジトリから clone したフォルダーを開いてください。',
        'This repository has no remote to push to. Open a folder cloned from GitHub (or another host).',
      )
    case 'save-failed':
      return msg(
        '記事を保存できなかったため、送信を止めました。',
        'The post could not be saved, so nothing was sent.',
      )
    case 'identity-missing':
      return msg(
        'コミットに記録する名前とメールアドレスが git に設定されていません。下の欄に入力してから、もう一度押してください。',
        'git does not know the name and e-mail to record on commits. Enter them below, then press again.',
      )
    case 'hook-failed':
      return msg(
        'リポジトリのコミット前チェック（pre-commit フック）がコミットを止めました。詳細を読んで記事を直してから、もう一度押してください。',
        "The repository's pre-commit check stopped the commit. Read the details, fix the post, and press again.",
      )
    case 'nothing-to-commit':
      return msg('送る変更がありません。', 'There is nothing new to send.')
    case 'file-too-large':
      return msg(
        `100 MB を超えるファイルがあるため、コミットする前に止めました（${files}）。GitHub はこの大きさのファイルを受け付けません。画像を縮小するか、記事から外してください。`,
        `Stopped before committing: files over 100 MB (${files}). GitHub does not accept files this large. Shrink the images or remove them from the post.`,
      )
    case 'push-rejected':
      return join(
        msg(
          `レビュー用の場所（${branch}）に、このパソコンにない新しい変更があるため、送信が拒否されました。`,
          `The review place (${branch}) has newer changes that this computer does not have, so the send was refused.`,
        ),
        join(
          kept(ctx),
          msg(
            '「公開中の記事との差分を取り込む」で取り込んでから、もう一度送ってください（上書きの強制送信はしません）。',
            'Bring them in with "Bring in the published changes", then send again (the app never force-pushes).',
          ),
        ),
      )
    case 'offline':
      return join(
        msg(
          'サーバーにつながりません（オフラインかもしれません）。',
          'The server cannot be reached (you may be offline).',
        ),
        join(
          kept(ctx),
          msg(
            'ネットワークを確かめて、あとでもう一度押してください。',
            'Check your network and press again later.',
          ),
        ),
      )
    case 'timeout':
      return join(
        msg(
          `サーバーが ${ctx.seconds ?? ''} 秒以内に応答しなかったため、中断しました。`,
          `The server did not answer within ${ctx.seconds ?? ''} seconds, so the operation was stopped.`,
        ),
        join(
          kept(ctx),
          msg(
            'ネットワークを確かめて、あとでもう一度押してください。',
            'Check your network and press again later.',
          ),
        ),
      )
    case 'auth-failed':
      if (ctx.ssh) {
        return msg(
          'SSH 鍵でサーバーにログインできませんでした。SSH 鍵が登録され ssh-agent に読み込まれているか確かめてから、もう一度押してください。',
          'The server did not accept your SSH key. Check that your key is registered and loaded in ssh-agent, then press again.',
        )
      }
      return join(
        ctx.usedToken
          ? msg(
              '保存されているアクセストークンが受け付けられませんでした（間違い・期限切れ・取り消し）。',
              'The saved access token was refused (wrong, expired or revoked).',
            )
          : msg('サーバーへのログインに失敗しました。', 'Signing in to the server failed.'),
        join(
          kept(ctx),
          msg(
            '新しいアクセストークン（GitHub なら repo 権限の Personal access token）を入力してから、もう一度押してください。',
            'Enter a new access token (on GitHub: a personal access token with repo access), then press again.',
          ),
        ),
      )
    case 'protected-branch':
      return join(
        msg(
          `サーバーがブランチ「${branch}」への送信を拒否しました（保護されたブランチ、またはサーバー側のルール）。`,
          `The server refused the push to "${branch}" (a protected branch or a server-side rule).`,
        ),
        join(
          kept(ctx),
          msg(
            '.portal-writer.yml の branchPattern が保護されていないブランチ名になっているか、リポジトリの管理者に確かめてください。',
            'Check with the repository admins that branchPattern in .portal-writer.yml names branches you may push to.',
          ),
        ),
      )
    case 'remote-too-large':
      return join(
        msg(
          'サーバーがファイルが大きすぎるとして送信を拒否しました。',
          'The server refused the push because a file is too large.',
        ),
        join(
          kept(ctx),
          msg('画像を縮小してから、もう一度押してください。', 'Shrink the images and press again.'),
        ),
      )
    case 'repository-not-found':
      return msg(
        'リモートのリポジトリが見つかりません。アドレスが正しいか、読み書きの権限があるかを確かめてください。',
        'The remote repository was not found. Check its address and that you have access to it.',
      )
    case 'merge-conflict':
      return msg(
        `公開中の記事で同じ箇所が変わっているため（${files || '同じ箇所の変更'}）、取り込みを止めました。何も変更しておらず、あなたの記事はそのままです。「自分の版を残す」「公開中の版を採る」を選ぶか、「見比べる」で違いを確かめてください。`,
        `The published version changed the same places (${files || 'the same lines'}), so nothing was brought in; your post is untouched. Choose "Keep mine" or "Take the published version", or "Compare" to see the difference.`,
      )
    case 'review-branch-changed':
      return msg(
        `レビュー用の場所（${branch}）に、レビュー担当者など別の人が加えた変更があります${files ? `（${files}）` : ''}。そのまま送るとその変更を消してしまうため、何もせずに止めました。「レビューでの変更を取り込む」を押して取り込んでから、もう一度送ってください。`,
        `Someone else (a reviewer, perhaps) added changes to the review place (${branch})${files ? ` (${files})` : ''}. Sending now would undo them, so nothing was done. Press "Bring in the review changes", then send again.`,
      )
    case 'review-conflict':
      return msg(
        `レビュー用の場所（${branch}）で、レビュー担当者など別の人があなたと同じ箇所を変更しています（${files || '同じ箇所の変更'}）。何も取り込んでおらず、あなたの記事はそのままです。「自分の版を残す」「レビューでの版を採る」を選ぶか、「見比べる」で違いを確かめてください。`,
        `Someone else (a reviewer, perhaps) changed the same places as you in the review place (${branch}) (${files || 'the same lines'}), so nothing was brought in; your post is untouched. Choose "Keep mine" or "Take the reviewer's version", or "Compare" to see the difference.`,
      )
    case 'conflict-outside-post':
      return msg(
        `この記事以外のファイル（${files}）で変更がぶつかっているため、アプリでは取り込めません。何も変更していません。git に慣れた人に手伝ってもらってください。`,
        `Files outside this post (${files}) conflict, which the app cannot settle. Nothing was changed. Ask someone familiar with git for help.`,
      )
    case 'post-missing':
      return msg(
        `記事のファイル（${files}）がフォルダーにありません。エディターで保存すると作り直されます。`,
        `The post file (${files}) is not in the folder. Saving it in the editor recreates it.`,
      )
    case 'post-check-failed':
      return msg(
        `公開前のチェックで、サイトやカードが正しく表示されなくなるエラーが見つかったため（${files}）、送信を止めました。何も送っていません。下の一覧の行を直してから、もう一度押してください。`,
        `The check before publishing found errors that would make the site or the card show the post wrong (${files}), so nothing was sent. Fix the lines listed below, then press again.`,
      )
    case 'branch-moved':
      return msg(
        `送っている間に、レビュー用の場所（${branch}）が別の操作で変わりました。何も失われていません。もう一度押してください。`,
        `The review place (${branch}) was changed by something else while sending. Nothing was lost. Press again.`,
      )
    case 'unknown':
      return msg(
        'git が予期しないエラーで止まりました。何も削除していません。詳細を読んで、もう一度押してください。',
        'git stopped with an unexpected error. Nothing was deleted. Read the details and press again.',
      )
  }
}

/** The warning for a remote address that embeds a password or token (G8); it names no secret. */
export function describeEmbeddedCredentials(remoteName: string, displayUrl: string): LocalizedText {
  const clean = displayUrl.replace('***@', '')
  return msg(
    `リモート「${remoteName}」のアドレスにパスワードかトークンが書き込まれています（.git/config に平文で残ります）。アドレスから取り除き（git remote set-url ${remoteName} ${clean}）、トークンはこのアプリに保存してください。`,
    `The address of remote "${remoteName}" contains a password or token (kept in plain text in .git/config). Remove it (git remote set-url ${remoteName} ${clean}) and let the app store the token instead.`,
  )
}

/** Compares dotted versions (`2.39.5` vs `2.30.0`): negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0)
  const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/** Reads the version out of `git --version` (`git version 2.39.5`, `2.45.1.windows.1`, `2.39.3 (Apple Git-146)`). */
export function parseGitVersion(output: string): string | null {
  const m = /git version (\d+\.\d+(?:\.\d+)?)/.exec(output)
  return m ? m[1]! : null
}
