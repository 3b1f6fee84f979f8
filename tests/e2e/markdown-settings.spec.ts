import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { freshSampleCopy, launchApp } from './harness/launch-app'
import { cursorToEnd, openPost, previewArticle, saveScreenshot } from './ui-helpers'

test('the preview follows config.rb’s markdown options and says where they come from (screenshot)', async () => {
  const repo = await freshSampleCopy()
  await writeFile(
    join(repo, 'config.rb'),
    [
      'activate :blog',
      "set :markdown, input: 'GFM', hard_wrap: false,",
      "  smart_quotes: %w[lsquo rsquo ldquo rdquo], toc_levels: 2..3, auto_id_prefix: 'h-'",
      '',
    ].join('\n'),
  )
  const app = await launchApp({ repo })
  try {
    const { page } = app
    await openPost(page, 'はこにわを Rails 8.1 に上げるまでの3週間')
    await cursorToEnd(page)
    await page.keyboard.type('\n\nIt\'s "quoted" here.\n')
    // config.rb's smart_quotes turn the typed quotes curly; its prefix is on every heading id.
    await expect(previewArticle(page).getByText('It’s “quoted” here.')).toBeVisible()
    await expect(previewArticle(page).locator('h2').first()).toHaveAttribute('id', /^h-/)

    const note = page.getByTestId('markdown-settings')
    await expect(note.locator('summary')).toHaveText('Markdown の設定: config.rb')
    await note.locator('summary').click()
    const row = (name: string) => note.locator('tbody tr', { hasText: name })
    await expect(row('smart_quotes')).toContainText('lsquo,rsquo,ldquo,rdquo')
    await expect(row('smart_quotes')).toContainText('config.rb')
    await expect(row('auto_id_prefix')).toContainText('"h-"')
    await expect(row('hard_wrap')).toContainText('config.rb')
    await expect(row('footnote_backlink')).toContainText('ブログの標準')
    await saveScreenshot(page, 'markdown-settings.png')
  } finally {
    await app.close()
  }
})

test('config.rb edited while the app runs: the preview and the settings shown follow', async () => {
  const repo = await freshSampleCopy()
  const config = (quotes: string) =>
    writeFile(
      join(repo, 'config.rb'),
      `activate :blog\nset :markdown, input: 'GFM', smart_quotes: '${quotes}'\n`,
    )
  await config('apos,apos,quot,quot')
  const app = await launchApp({ repo })
  try {
    const { page } = app
    await openPost(page, 'はこにわを Rails 8.1 に上げるまでの3週間')
    await cursorToEnd(page)
    await page.keyboard.type('\n\nIt\'s "live" here.\n')
    await expect(previewArticle(page).getByText('It\'s "live" here.')).toBeVisible()
    const note = page.getByTestId('markdown-settings')
    await note.locator('summary').click()
    const quotes = note.locator('tbody tr', { hasText: 'smart_quotes' })
    await expect(quotes).toContainText('apos,apos,quot,quot')

    // Someone edits config.rb (a pull, another editor): no reopening needed.
    await config('lsquo,rsquo,ldquo,rdquo')
    await expect(previewArticle(page).getByText('It’s “live” here.')).toBeVisible()
    await expect(quotes).toContainText('lsquo,rsquo,ldquo,rdquo')
    await expect(quotes).toContainText('config.rb')
  } finally {
    await app.close()
  }
})
