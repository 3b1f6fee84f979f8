import { ipcMain, type WebContents } from 'electron'
import { channels, events, type Emit, type HandlerTable } from '../../shared/ipc/contract'
import { dispatch } from './dispatch'

/** Registers every channel of the handler table with ipcMain, behind the sender check. */
export function registerHandlers(handlers: HandlerTable, appOrigin: string): void {
  for (const channel of Object.keys(channels)) {
    ipcMain.handle(channel, (event, request: unknown) =>
      dispatch(
        handlers,
        appOrigin,
        {
          url: event.senderFrame?.url ?? '',
          isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
        },
        channel,
        request,
      ),
    )
  }
}

/** Builds the event sender for one window's web contents, validating payloads. */
export function makeEmitter(contents: () => WebContents | null): Emit {
  return (event, payload) => {
    const target = contents()
    if (!target || target.isDestroyed()) return
    target.send(event, events[event].parse(payload))
  }
}
