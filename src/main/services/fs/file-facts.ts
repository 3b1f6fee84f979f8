import { stat } from 'node:fs/promises'

/** The errno code of a failed file-system call (`ENOENT`, `EACCES`…), or `UNKNOWN`. */
export function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? 'UNKNOWN'
}

/** Whether something exists at `path` (a file, a folder, or what a link points at). */
export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}
