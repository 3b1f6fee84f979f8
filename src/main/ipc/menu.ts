import type { MenuItemConstructorOptions } from 'electron'

/** Commands the menu forwards to the renderer (the same as its keyboard shortcuts). */
export type MenuCommand = 'save' | 'new-post' | 'open-repo' | 'find' | 'toggle-language'

/**
 * The application menu. Accelerators mirror the editor's shortcuts; the commands themselves run in
 * the renderer, which owns the buffer. Labels are bilingual because the menu is built before the
 * writer picks a language.
 */
export function buildMenuTemplate(
  platform: string,
  send: (command: MenuCommand) => void,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const file: MenuItemConstructorOptions = {
    label: 'ファイル / File',
    submenu: [
      { label: '新しい記事 / New Post', accelerator: 'CmdOrCtrl+N', click: () => send('new-post') },
      {
        label: 'リポジトリを開く… / Open Repository…',
        accelerator: 'CmdOrCtrl+O',
        click: () => send('open-repo'),
      },
      { type: 'separator' },
      { label: '保存 / Save', accelerator: 'CmdOrCtrl+S', click: () => send('save') },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: '終了 / Quit' },
    ],
  }
  const edit: MenuItemConstructorOptions = {
    label: '編集 / Edit',
    submenu: [
      { role: 'undo', label: '元に戻す / Undo' },
      { role: 'redo', label: 'やり直す / Redo' },
      { type: 'separator' },
      { role: 'cut', label: '切り取り / Cut' },
      { role: 'copy', label: 'コピー / Copy' },
      { role: 'paste', label: '貼り付け / Paste' },
      { role: 'selectAll', label: 'すべて選択 / Select All' },
      { type: 'separator' },
      {
        label: '検索と置換 / Find and Replace',
        accelerator: 'CmdOrCtrl+F',
        click: () => send('find'),
      },
    ],
  }
  const view: MenuItemConstructorOptions = {
    label: '表示 / View',
    submenu: [
      { label: '日本語 / English', click: () => send('toggle-language') },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'togglefullscreen' },
    ],
  }
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    file,
    edit,
    view,
    { role: 'windowMenu' },
  ]
}
