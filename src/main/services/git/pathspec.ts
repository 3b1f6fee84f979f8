/** Paths handed to git on stdin (`--pathspec-from-file=- --pathspec-file-nul`). */

/** NUL-separated paths: no file name is ever read as an option, and none needs quoting. */
export function pathspecInput(paths: readonly string[]): string {
  return paths.map((p) => `${p}\0`).join('')
}
