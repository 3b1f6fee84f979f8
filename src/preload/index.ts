import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { apiShape, events } from '../shared/ipc/contract'
import { makeApi } from './api'

const eventNames = new Set<string>(Object.keys(events))

const api = makeApi(
  (channel, request) => ipcRenderer.invoke(channel, request),
  (event, listener) => {
    // Only contract events can be subscribed to; the renderer never sees ipcRenderer itself.
    if (!eventNames.has(event)) throw new Error(`Unknown event: ${event}`)
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(event, wrapped)
    return () => ipcRenderer.removeListener(event, wrapped)
  },
  apiShape,
)

contextBridge.exposeInMainWorld('portal', api)
