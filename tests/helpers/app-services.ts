import { join } from 'node:path'
import {
  createServices,
  type CreateServicesOptions,
  type Services,
} from '../../src/main/create-services'
import { events, type EventName } from '../../src/shared/ipc/contract'
import { makeSampleSource, makeTempDir } from './temp-repo'

/** An event main sent to the renderer, checked against the contract. */
export interface EmittedEvent {
  event: EventName
  payload: unknown
}

/**
 * The app's services as main builds them, on a fresh data folder and sample blog, with short
 * watcher timings; every event they send is parsed by the contract and recorded in `emitted`.
 */
export async function startAppServices(
  options: Partial<CreateServicesOptions> = {},
): Promise<{ services: Services; emitted: EmittedEvent[] }> {
  const emitted: EmittedEvent[] = []
  const services = await createServices({
    dataDir: await makeTempDir('pw-data-'),
    sampleSourceDir: await makeSampleSource(),
    resourcesDir: join(process.cwd(), 'resources'),
    emit: (event, payload) => emitted.push({ event, payload: events[event].parse(payload) }),
    watch: { debounceMs: 40, pollMs: 0 },
    ...options,
  })
  return { services, emitted }
}
