/** `git config`: the name and e-mail recorded on commits. */
import { gitIn, type GitContext } from './core'

/** The identity git records on commits. */
export interface Identity {
  name: string
  email: string
}

/** A setting's value (any config level), or null when it is not set. */
export async function readConfig(ctx: GitContext, key: string): Promise<string | null> {
  const r = await gitIn(ctx, ['config', '--get', key], { expectedErrors: 'all', readOnly: true })
  return r.errorKind ? null : r.stdout.trim()
}

/** The identity git would use now (any config level), or null when either part is missing. */
export async function getIdentity(ctx: GitContext): Promise<Identity | null> {
  const read = async (key: string) => (await readConfig(ctx, key)) ?? ''
  const [name, email] = await Promise.all([read('user.name'), read('user.email')])
  return name && email ? { name, email } : null
}

/** Records the identity in this repository's own config (never the writer's global config). */
export async function setIdentity(ctx: GitContext, identity: Identity): Promise<void> {
  await gitIn(ctx, ['config', '--local', 'user.name', identity.name])
  await gitIn(ctx, ['config', '--local', 'user.email', identity.email])
}
