import { channels, type Channel, type HandlerTable } from '../../shared/ipc/contract'
import { isTrustedSender, type SenderFacts } from './sender'

/** Why a call was refused before reaching its handler. */
export class IpcRefusedError extends Error {}

/**
 * Validates and runs one IPC call against a handler table: sender check, request schema, handler,
 * response schema. Used by Electron's ipcMain registration and by the e2e harness alike.
 */
export async function dispatch(
  handlers: HandlerTable,
  appOrigin: string,
  sender: SenderFacts,
  channel: string,
  request: unknown,
): Promise<unknown> {
  if (!isTrustedSender(sender, appOrigin)) {
    throw new IpcRefusedError(`IPC refused: untrusted sender ${sender.url}`)
  }
  if (!Object.hasOwn(channels, channel))
    throw new IpcRefusedError(`IPC refused: unknown channel ${channel}`)
  const spec = channels[channel as Channel]
  const parsed = spec.request.safeParse(request)
  if (!parsed.success) throw new IpcRefusedError(`IPC refused: invalid request for ${channel}`)
  const handler = handlers[channel as Channel] as (req: unknown) => Promise<unknown>
  const response = await handler(parsed.data)
  return spec.response.parse(response)
}
