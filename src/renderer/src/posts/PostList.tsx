import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { PostSummary } from '../../../shared/post'
import type { RepoInfo } from '../../../shared/ipc/contract'
import { useI18n } from '../i18n/locale'
import { SearchIcon, WarningIcon } from '../shell/icons'
import { displayDate, filterPosts } from './post-filter'
import { publishStateText } from '../i18n/publish-states'
import type { PublishState } from '../../../shared/publish'
import { revealWithin } from '../shell/reveal'

/** Props of {@link PostList}. */
export interface PostListProps {
  repo: RepoInfo | null
  posts: PostSummary[]
  currentPath: string | null
  /** Each post's lifecycle state (from main's publish service); missing while loading. */
  states?: Readonly<Record<string, PublishState>>
  onOpen(path: string): void
}

/**
 * The post list: repository name, profile error banner, search by title or tag, and a listbox
 * navigable with the arrow keys (Enter opens).
 */
export function PostList({ repo, posts, currentPath, states = {}, onOpen }: PostListProps) {
  const { t, text, locale } = useI18n()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState<string | null>(null)
  const listRef = useRef<HTMLUListElement>(null)
  const baseId = useId()
  const filtered = useMemo(() => filterPosts(posts, query), [posts, query])
  // The option the keys point at must be one that is shown: the open post may be filtered out.
  const shown = (path: string | null) => path !== null && filtered.some((p) => p.path === path)
  const activePath = shown(active)
    ? active
    : shown(currentPath)
      ? currentPath
      : (filtered[0]?.path ?? null)
  const activeIndex = filtered.findIndex((p) => p.path === activePath)
  const optionId = (i: number) => `${baseId}-post-${i}`

  useEffect(() => {
    const list = listRef.current
    const option = activeIndex < 0 ? null : list?.querySelector(`[data-index="${activeIndex}"]`)
    if (list && option) revealWithin(list, option)
  }, [activeIndex])

  const moveTo = (index: number) => {
    const p = filtered[Math.max(0, Math.min(filtered.length - 1, index))]
    if (p) setActive(p.path)
  }

  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        moveTo(activeIndex + 1)
        break
      case 'ArrowUp':
        if (activeIndex <= 0) document.getElementById(`${baseId}-search`)?.focus()
        else moveTo(activeIndex - 1)
        break
      case 'Home':
        moveTo(0)
        break
      case 'End':
        moveTo(filtered.length - 1)
        break
      case 'PageDown':
        moveTo(activeIndex + 10)
        break
      case 'PageUp':
        moveTo(activeIndex - 10)
        break
      case 'Enter':
      case ' ':
        if (activePath) onOpen(activePath)
        break
      default:
        return
    }
    e.preventDefault()
  }

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.nativeEvent.isComposing)) {
      e.preventDefault()
      if (e.key === 'Enter' && filtered[0]) onOpen(filtered[0].path)
      else listRef.current?.focus()
    } else if (e.key === 'Escape' && query !== '') {
      e.preventDefault()
      setQuery('')
    }
  }

  return (
    <div className="post-list">
      <div className="pane-header">
        <h2 className="pane-title" title={repo?.root}>
          {repo ? repo.name : t('list.label')}
          {repo?.isSample && <span className="badge badge-muted">{t('list.sample')}</span>}
        </h2>
        <span className="pane-meta">{repo ? t('list.count', { n: posts.length }) : ''}</span>
      </div>
      {repo?.profileError && (
        <div className="banner banner-warning" role="alert">
          <WarningIcon />
          <div>
            <strong>{t('profile.error', { line: repo.profileError.line })}</strong>
            <div>{text(repo.profileError.message)}</div>
          </div>
        </div>
      )}
      {repo?.warning && (
        <div className="banner banner-warning" role="alert" data-testid="not-a-blog">
          <WarningIcon />
          <div>{text(repo.warning)}</div>
        </div>
      )}
      <div className="search">
        <SearchIcon />
        <input
          id={`${baseId}-search`}
          type="search"
          value={query}
          placeholder={t('list.search')}
          aria-label={t('list.searchLabel')}
          // Only while the list is there: an id that points nowhere is invalid ARIA.
          aria-controls={repo && filtered.length > 0 ? `${baseId}-list` : undefined}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
          disabled={!repo}
        />
      </div>
      {!repo ? (
        <p className="list-empty">{t('list.noRepo')}</p>
      ) : filtered.length === 0 ? (
        <p className="list-empty">
          {posts.length === 0 ? t('list.empty') : t('list.noMatch', { q: query })}
        </p>
      ) : (
        <ul
          id={`${baseId}-list`}
          ref={listRef}
          className="post-options"
          role="listbox"
          aria-label={t('list.label')}
          tabIndex={0}
          aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
          onKeyDown={onListKey}
        >
          {filtered.map((p, i) => {
            const date = displayDate(p.date)
            return (
              <li
                key={p.path}
                id={optionId(i)}
                data-index={i}
                role="option"
                aria-selected={p.path === currentPath}
                className={`post-option${p.path === activePath ? ' is-active' : ''}${p.path === currentPath ? ' is-current' : ''}`}
                onClick={() => {
                  setActive(p.path)
                  onOpen(p.path)
                }}
                title={p.path}
              >
                <span className="post-title">{p.title || p.slug}</span>
                <span className="post-meta">
                  <span className={date ? '' : 'post-nodate'}>{date ?? t('list.noDate')}</span>
                  {p.draft && <span className="badge badge-draft">{t('list.draft')}</span>}
                  {states[p.path] && (
                    <span
                      className={`badge badge-state badge-state--${states[p.path]}`}
                      data-state={states[p.path]}
                      title={publishStateText(states[p.path]!, p.draft).hint[locale]}
                    >
                      {publishStateText(states[p.path]!, p.draft).label[locale]}
                    </span>
                  )}
                  {p.problem && (
                    <span className="badge badge-warning" title={text(p.problem)}>
                      {t('list.problem')}
                    </span>
                  )}
                </span>
                {p.tags.length > 0 && (
                  <span className="post-tags">
                    {p.tags.map((tag) => (
                      <span key={tag} className="post-tag">{`#${tag} `}</span>
                    ))}
                  </span>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
