import { describe, expect, it } from 'vitest'
import { isMacPlatform, shortcut } from '../../../../src/renderer/src/shell/shortcut'
import { ecText } from '../../../../src/renderer/src/eyecatch/strings'

describe('shortcut hints name the keys of the platform the app runs on', () => {
  it.each([
    ['Linux x86_64', 'S', 'Ctrl+S'],
    ['Win32', 'V', 'Ctrl+V'],
    ['MacIntel', 'S', '⌘S'],
  ])('%s: %s → %s', (platform, key, label) => {
    expect(shortcut(key, platform)).toBe(label)
  })

  it('knows macOS', () => {
    expect(isMacPlatform('MacIntel')).toBe(true)
    expect(isMacPlatform('Linux x86_64')).toBe(false)
  })

  it('the studio’s paste hint shows no ⌘ on Linux', () => {
    const hint = ecText('ja', 'dropHere', { paste: shortcut('V', 'Linux x86_64') })
    expect(hint).toBe('画像をここにドロップ、貼り付け（Ctrl+V）、または')
    expect(ecText('en', 'dropHere', { paste: shortcut('V', 'MacIntel') })).toBe(
      'Drop an image here, paste it (⌘V), or',
    )
  })
})
