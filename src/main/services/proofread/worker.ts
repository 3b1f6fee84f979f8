/**
 * Entry of the proofreading worker thread (`out/main/proofread-worker.js`): textlint runs here so
 * neither the window nor main's file saving ever waits for it. `workerData.dicPath` is where the
 * Japanese morphological dictionary lives (outside the app's archive when packaged).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { runInBackground } from './background-priority'
import { ProofreadEngine } from './engine'
import type { WorkerRequest, WorkerResponse } from './protocol'
import { defaultEngineConfig } from './default-config'

// Typing and the preview come first; linting gets most of the time they leave (see the module).
runInBackground()

const data = (workerData ?? {}) as { dicPath?: string | null }
if (data.dicPath) process.env.KUROMOJIN_DIC_PATH = data.dicPath

let engine = new ProofreadEngine(defaultEngineConfig())
const port = parentPort
if (!port) throw new Error('proofread worker started outside a worker thread')

const reply = (response: WorkerResponse) => port.postMessage(response)

// One request at a time, in order: the service sends small batches, so a new request waits at
// most for one batch.
let queue = Promise.resolve()
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => {
    try {
      if (request.type === 'configure') {
        engine = new ProofreadEngine(request.config)
        reply({ id: request.id, type: 'configured' })
        return
      }
      const results = []
      for (const text of request.texts) results.push(await engine.lint(text, request.scope))
      reply({ id: request.id, type: 'linted', results })
    } catch (error) {
      reply({
        id: request.id,
        type: 'failed',
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      })
    }
  })
})
