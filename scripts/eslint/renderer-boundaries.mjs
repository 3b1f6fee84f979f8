// The renderer's import boundaries (docs/ARCHITECTURE.md): arrows point one way.
//
// src/renderer/src/<folder>/ is a feature (card, editor, eyecatch, metadata, posts, preview,
// proofread, publish, save, sync), a leaf (shell, i18n, dialogs, styles) or the composition root
// (app, and main.tsx beside the folders). A feature imports its own folder, the leaves and shared;
// a leaf imports leaves and shared; only the root imports features. Shared and main are outside
// src/renderer/src and judged by the other rules.
import { dirname, relative, resolve, sep } from 'node:path'

/** Folders any renderer module may import. */
export const LEAF_FOLDERS = ['shell', 'i18n', 'dialogs', 'styles']
/** The folders that compose the features (they may import anything in the renderer). */
export const ROOT_FOLDERS = ['app']

const RENDERER_SRC = ['src', 'renderer', 'src']

/** The top folder of `file` inside src/renderer/src, '' for a file directly in it, null outside. */
function folderOf(file, cwd) {
  const parts = relative(cwd, file).split(sep)
  if (RENDERER_SRC.some((p, i) => parts[i] !== p)) return null
  const rest = parts.slice(RENDERER_SRC.length)
  return rest.length > 1 ? rest[0] : ''
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Renderer features import only their own folder, the leaf folders and shared.',
    },
    messages: {
      sideways:
        "'{{from}}/' must not import '{{to}}/': features depend only on {{leaves}} and shared; App composes them (pass a prop or a slot).",
    },
    schema: [],
  },
  create(context) {
    const cwd = context.cwd
    const file = context.filename
    const from = folderOf(file, cwd)
    if (from === null || from === '' || ROOT_FOLDERS.includes(from)) return {}
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return
      const to = folderOf(resolve(dirname(file), source), cwd)
      if (to === null || to === '' || to === from || LEAF_FOLDERS.includes(to)) return
      context.report({
        node,
        messageId: 'sideways',
        data: { from, to, leaves: LEAF_FOLDERS.map((l) => `${l}/`).join(', ') },
      })
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node.source, node.source.value),
    }
  },
}

/** The plugin holding the rule (`renderer/boundaries`). */
export const rendererBoundaries = { rules: { boundaries: rule } }
