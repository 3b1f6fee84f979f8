import { useEffect, useId, useMemo, useState } from 'react'
import type { CreateResult, PortalApi, RepoInfo } from '../../../shared/ipc/contract'
import type { Locale } from '../../../shared/localized'
import type { SuggestionEntry } from '../../../shared/metadata/fuzzy'
import { metadataSchemaFor } from '../../../shared/metadata/schema'
import type { PostSummary } from '../../../shared/post'
import { Dialog } from '../dialogs/Dialog'
import { NewPostWizard, type NewPostRequest } from './NewPostWizard'

/** Props of {@link NewPostWizardDialog}. */
export interface NewPostWizardDialogProps {
  portal: PortalApi
  repo: RepoInfo
  posts: readonly PostSummary[]
  locale: Locale
  onClose(): void
  /** Creates the post and opens it. */
  onCreate(request: NewPostRequest): Promise<CreateResult>
}

/** The new-post wizard in a modal dialog, with the repository's authors as suggestions. */
export function NewPostWizardDialog(props: NewPostWizardDialogProps) {
  const { portal, repo, posts, locale, onClose, onCreate } = props
  const headingId = useId()
  const [suggestions, setSuggestions] = useState<{
    authors: SuggestionEntry[]
    tags: SuggestionEntry[]
    categories: SuggestionEntry[]
  }>({ authors: [], tags: [], categories: [] })
  const tagsRequired = useMemo(
    () => metadataSchemaFor(repo.profile).fields.find((f) => f.key === 'tags')?.required ?? false,
    [repo.profile],
  )
  const takenSlugs = useMemo(() => posts.map((p) => p.slug), [posts])

  useEffect(() => {
    let live = true
    portal.metadata
      .suggestions({})
      .then((s) => live && setSuggestions(s))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [portal])

  return (
    <Dialog
      open
      onClose={onClose}
      labelledBy={headingId}
      className="dialog-narrow pwm-wizard-dialog"
    >
      <NewPostWizard
        headingId={headingId}
        locale={locale}
        profile={repo.profile}
        takenSlugs={takenSlugs}
        authors={suggestions.authors}
        tags={suggestions.tags}
        categories={suggestions.categories}
        tagsRequired={tagsRequired}
        onCancel={onClose}
        onCreate={async (request) => {
          const result = await onCreate(request)
          if (result.kind === 'created') onClose()
          return result
        }}
      />
    </Dialog>
  )
}
