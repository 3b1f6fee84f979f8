import type { EyecatchHandlers } from '../../../shared/ipc/eyecatch'
import type { ImageService } from '../../services/images/image-service'

/** The eyecatch channels' handlers over an {@link ImageService}, to merge into the handler table. */
export function createEyecatchHandlers(service: ImageService): EyecatchHandlers {
  return {
    'images:stage': (req) => service.stage(req.name, req.data),
    'images:probe': (req) => service.probe(req.image),
    'images:list': (req) => service.list(req.assetDir),
    'images:importBody': (req) => service.importBody(req.assetDir, req.data, req.name),
    'eyecatch:estimate': (req) => service.estimate(req),
    'eyecatch:export': (req) => service.export(req),
    'eyecatch:titleCardPreview': (req) => service.titleCardPreview(req.card),
    'eyecatch:backgrounds': () => service.backgroundChoices(),
  }
}
