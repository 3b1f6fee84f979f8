// @vitest-environment jsdom
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  PublishPanel,
  type PublishActions,
} from '../../../../src/renderer/src/publish/PublishPanel'
import type { PublishProgress, PublishResult, PublishStatus } from '../../../../src/shared/publish'
import { LocaleProvider } from '../../../../src/renderer/src/i18n/locale'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
// jsdom has <dialog> but not its modal methods; the app's Dialog needs them.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.open = true
}
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.open = false
}

const PATH = 'source/blog/2025-01-15-my-post.html.md'

function status(overrides: Partial<PublishStatus> = {}): PublishStatus {
  return {
    path: PATH,
    state: 'draft',
    branch: 'post/my-post',
    branchExists: false,
    currentBranch: 'main',
    baseBranch: 'main',
    behindBase: false,
    newToBase: true,
    tokenStored: false,
    unpushedCommits: 0,
    files: [
      { path: PATH, change: 'added', bytes: 1200 },
      { path: 'source/blog/2025-01-15-my-post/eyecatch.png', change: 'added', bytes: 240_000 },
    ],
    remote: {
      name: 'origin',
      displayUrl: 'https://github.com/acme/blog.git',
      tokenHost: 'github.com',
      local: false,
      hasEmbeddedCredentials: false,
    },
    pullRequestUrl: null,
    suggestedMessage: '記事を追加: 私の記事',
    firstCommit: true,
    blockers: [],
    warnings: [],
    ...overrides,
  }
}

const LINK = 'https://github.com/acme/blog/compare/main...post/my-post?expand=1'

function fakeActions(results: PublishResult[], st: PublishStatus = status()) {
  const listeners = new Set<(p: PublishProgress) => void>()
  const actions = {
    status: vi.fn(async () => ({ kind: 'ok' as const, status: st })),
    publish: vi.fn(async () => {
      for (const l of listeners) l({ path: PATH, phase: 'push', percent: 64 })
      return results.shift()!
    }),
    update: vi.fn(async () => ({
      kind: 'updated' as const,
      changed: true,
      method: 'merge' as const,
      message: { ja: '更新しました', en: 'Updated' },
      workingUpdated: [],
      warnings: [],
    })),
    setToken: vi.fn(async () => ({ kind: 'ok' as const, protection: 'keychain' as const })),
    forgetToken: vi.fn(async () => ({ kind: 'ok' as const })),
    compare: vi.fn(async () => ({
      kind: 'ok' as const,
      versions: { path: PATH, mine: 'mine\n', sent: 'sent\n', base: 'base\n' },
    })),
    setIdentity: vi.fn(async () => ({ kind: 'ok' as const })),
    openExternal: vi.fn(async () => undefined),
    onProgress: vi.fn((l: (p: PublishProgress) => void) => {
      listeners.add(l)
      return () => listeners.delete(l)
    }),
  } satisfies PublishActions
  return actions
}

const published: PublishResult = {
  kind: 'published',
  branch: 'post/my-post',
  commit: 'abc',
  committed: true,
  pullRequestUrl: LINK,
  message: { ja: 'ブランチ「post/my-post」に送りました。', en: 'Pushed to branch "post/my-post".' },
  warnings: [],
}

describe('<PublishPanel>', () => {
  let host: HTMLDivElement
  let root: Root
  beforeEach(() => {
    host = document.createElement('div')
    document.body.append(host)
    root = createRoot(host)
  })
  afterEach(() => {
    act(() => root.unmount())
    host.remove()
  })

  const button = (label: string) =>
    [...host.querySelectorAll('button')].find((b) => b.textContent === label)!
  const flush = () =>
    act(async () => {
      await new Promise((r) => setTimeout(r, 0))
    })

  it('shows state, branch, files and message, sends, and opens the pull-request link', async () => {
    const actions = fakeActions([published])
    await act(async () => root.render(<PublishPanel path={PATH} locale="ja" actions={actions} />))
    await flush()
    expect(host.querySelector('[data-state]')?.textContent).toBe('未送信')
    expect(host.querySelector('.pwp-branch')?.textContent).toBe('post/my-post')
    expect([...host.querySelectorAll('.pwp-files li code')].map((c) => c.textContent)).toEqual([
      PATH,
      'source/blog/2025-01-15-my-post/eyecatch.png',
    ])
    expect((host.querySelector('.pwp-message input') as HTMLInputElement).value).toBe(
      '記事を追加: 私の記事',
    )

    await act(async () => button('レビューを依頼').click())
    await flush()
    expect(actions.publish).toHaveBeenCalledWith({ path: PATH, message: undefined })
    expect(host.textContent).toContain('ブランチ「post/my-post」に送りました。')
    const link = host.querySelector('.pwp-result-link a') as HTMLAnchorElement
    expect(link.href).toBe(LINK)
    await act(async () => button('ブラウザーで開く').click())
    expect(actions.openExternal).toHaveBeenCalledWith(LINK)
  })

  it('words a draft that is on the base branch as 「取り込み済み」, never 「公開中」', async () => {
    const actions = fakeActions(
      [published],
      status({ state: 'published', branchExists: false, firstCommit: false }),
    )
    await act(async () =>
      root.render(<PublishPanel path={PATH} locale="ja" actions={actions} draft />),
    )
    await flush()
    expect(host.querySelector('[data-state]')?.textContent).toBe('取り込み済み')
    await act(async () => root.render(<PublishPanel path={PATH} locale="ja" actions={actions} />))
    await flush()
    expect(host.querySelector('[data-state]')?.textContent).toBe('公開中')
  })

  it('shows progress while sending', async () => {
    let finish: (r: PublishResult) => void = () => {}
    const actions = fakeActions([])
    actions.publish.mockImplementation(
      () =>
        new Promise<PublishResult>((resolve) => {
          finish = resolve
        }),
    )
    await act(async () => root.render(<PublishPanel path={PATH} locale="en" actions={actions} />))
    await flush()
    await act(async () => button('Request review').click())
    const listener = actions.onProgress.mock.calls[0]![0]
    await act(async () => listener({ path: PATH, phase: 'push', percent: 64 }))
    const bar = host.querySelector('[role="progressbar"]')!
    expect(bar.getAttribute('aria-valuenow')).toBe('64')
    expect(bar.getAttribute('aria-valuetext')).toBe('Pushing 64%')
    expect(button('Sending…').disabled).toBe(true)
    await act(async () => finish(published))
    await flush()
    expect(host.textContent).toContain('Pushed to branch')
  })

  it('asks for a token on an auth failure and sends again with it', async () => {
    const actions = fakeActions([
      {
        kind: 'error',
        code: 'auth-failed',
        message: {
          ja: 'サーバーへのログインに失敗しました。',
          en: 'Signing in to the server failed.',
        },
        phase: 'fetch',
        commitKept: false,
        files: [],
        tokenHost: 'github.com',
        details:
          "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
      },
      published,
    ])
    await act(async () => root.render(<PublishPanel path={PATH} locale="ja" actions={actions} />))
    await flush()
    await act(async () => button('レビューを依頼').click())
    await flush()
    expect(host.querySelector('[role="alert"]')?.textContent).toContain(
      'サーバーへのログインに失敗しました。',
    )
    const input = host.querySelector('input[type="password"]') as HTMLInputElement
    expect(input).not.toBeNull()
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
      setter.call(input, 'ghp_secret')
      input.dispatchEvent(new Event('input', { bubbles: true }))
    })
    await act(async () => button('保存してもう一度送る').click())
    await flush()
    expect(actions.setToken).toHaveBeenCalledWith('github.com', 'ghp_secret')
    expect(actions.publish).toHaveBeenCalledTimes(2)
    expect(host.textContent).toContain('送りました')
    expect(host.textContent).not.toContain('ghp_secret')
  })

  it('lists the post check’s errors in the chosen language, then sends once fixed', async () => {
    const line = (n: number) => ({
      ja: `${PATH} ${n} 行目: 画像「a.png」が見つかりません。 [image-missing]`,
      en: `${PATH} line ${n}: The image "a.png" was not found. [image-missing]`,
    })
    const actions = fakeActions([
      {
        kind: 'error',
        code: 'post-check-failed',
        message: {
          ja: '公開前のチェックで…送信を止めました。',
          en: 'The check… nothing was sent.',
        },
        phase: 'check',
        commitKept: false,
        files: [PATH],
        tokenHost: null,
        details: null,
        findings: [line(12), line(30)],
      },
      published,
    ])
    await act(async () => root.render(<PublishPanel path={PATH} locale="en" actions={actions} />))
    await flush()
    await act(async () => button('Request review').click())
    await flush()
    const alert = host.querySelector('[role="alert"]')!
    expect(alert.textContent).toContain('nothing was sent')
    expect(alert.textContent).toContain('Errors the check found')
    expect(
      [...alert.querySelectorAll('.pwp-error-findings li')].map((li) => li.textContent),
    ).toEqual([line(12).en, line(30).en])
    await act(async () => button('Request review').click())
    await flush()
    expect(host.querySelector('.pwp-error-findings')).toBeNull()
  })

  it('explains blockers and keeps the button disabled', async () => {
    const actions = fakeActions(
      [],
      status({
        blockers: [
          {
            kind: 'post-missing',
            files: [PATH],
            message: {
              ja: `記事のファイル（${PATH}）がフォルダーにありません。`,
              en: `The post file (${PATH}) is not in the folder.`,
            },
          },
        ],
      }),
    )
    await act(async () => root.render(<PublishPanel path={PATH} locale="ja" actions={actions} />))
    await flush()
    expect(host.textContent).toContain('いまは送れません')
    expect(host.textContent).toContain('フォルダーにありません')
    expect(button('レビューを依頼').disabled).toBe(true)
  })

  it('a conflict offers keep mine, take the published version, and compare', async () => {
    const conflict: PublishResult = {
      kind: 'error',
      code: 'merge-conflict',
      message: { ja: '同じ箇所が変わっています。', en: 'The same places changed.' },
      phase: 'check',
      commitKept: false,
      files: [PATH],
      tokenHost: null,
      details: null,
    }
    const actions = fakeActions(
      [],
      status({ state: 'sent', branchExists: true, firstCommit: false, behindBase: true }),
    )
    actions.update.mockResolvedValueOnce(conflict as never)
    await act(async () =>
      root.render(
        <LocaleProvider initial="ja">
          <PublishPanel path={PATH} locale="ja" actions={actions} />
        </LocaleProvider>,
      ),
    )
    await flush()
    expect(host.textContent).toContain('公開中の記事に新しい変更があります')
    await act(async () => button('公開中の記事との差分を取り込む').click())
    await flush()
    expect(host.querySelector('[data-code="merge-conflict"]')).not.toBeNull()
    await act(async () => button('見比べる').click())
    await flush()
    expect(actions.compare).toHaveBeenCalledWith(PATH)
    expect(document.body.textContent).toContain('あなたの版（このフォルダー）')
    await act(async () => button('閉じる').click())
    await act(async () => button('自分の版を残す').click())
    await flush()
    expect(actions.update).toHaveBeenLastCalledWith({ path: PATH, resolution: 'mine' })
    expect(host.textContent).toContain('更新しました')
  })

  it('a conflict with a reviewer’s commit offers keep mine and take the reviewer’s version (issue 16)', async () => {
    const conflict: PublishResult = {
      kind: 'error',
      code: 'review-conflict',
      message: {
        ja: 'レビューで同じ箇所が変わっています。',
        en: 'A reviewer changed the same places.',
      },
      phase: 'check',
      commitKept: false,
      files: [PATH],
      tokenHost: null,
      details: null,
    }
    const actions = fakeActions(
      [],
      status({ state: 'sent', branchExists: true, firstCommit: false }),
    )
    actions.update.mockResolvedValueOnce(conflict as never)
    await act(async () =>
      root.render(
        <LocaleProvider initial="ja">
          <PublishPanel path={PATH} locale="ja" actions={actions} />
        </LocaleProvider>,
      ),
    )
    await flush()
    await act(async () => button('公開中の記事との差分を取り込む').click())
    await flush()
    expect(host.querySelector('[data-code="review-conflict"]')).not.toBeNull()
    expect(button('自分の版を残す')).toBeDefined()
    expect(host.textContent).not.toContain('公開中の版を採る')
    await act(async () => button('レビューでの版を採る').click())
    await flush()
    expect(actions.update).toHaveBeenLastCalledWith({ path: PATH, resolution: 'theirs' })
  })

  it('shows the saved token with a button to delete it', async () => {
    const actions = fakeActions([], status({ tokenStored: true }))
    await act(async () => root.render(<PublishPanel path={PATH} locale="ja" actions={actions} />))
    await flush()
    expect(host.textContent).toContain('github.com のアクセストークンを保存しています。')
    await act(async () => button('トークンを削除').click())
    await flush()
    expect(actions.forgetToken).toHaveBeenCalledWith('github.com')
    expect(host.textContent).toContain('github.com のアクセストークンを削除しました。')
  })

  it('offers to bring in the published changes after a rejected push', async () => {
    const actions = fakeActions(
      [
        {
          kind: 'error',
          code: 'push-rejected',
          message: { ja: '送信が拒否されました。', en: 'The push was refused.' },
          phase: 'push',
          commitKept: true,
          files: [],
          tokenHost: null,
          details: null,
        },
      ],
      status({ state: 'unsent-commit', branchExists: true, firstCommit: false }),
    )
    await act(async () => root.render(<PublishPanel path={PATH} locale="ja" actions={actions} />))
    await flush()
    await act(async () => button('変更を送る').click())
    await flush()
    const update = button('公開中の記事との差分を取り込む')
    expect(update.className).toBe('pwp-primary')
    await act(async () => update.click())
    await flush()
    expect(actions.update).toHaveBeenCalledWith({ path: PATH })
    expect(host.textContent).toContain('更新しました')
  })
})
