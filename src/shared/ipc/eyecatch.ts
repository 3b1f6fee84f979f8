import { z } from 'zod'
import { localizedTextSchema } from '../post'

/**
 * zod schemas of the eyecatch and image IPC channels. The lead spreads {@link eyecatchChannels}
 * into `channels` in `src/shared/ipc/contract.ts` and {@link eyecatchApiShape} into `apiShape`.
 */

/** Largest image file accepted, in bytes (RELIABILITY.md I1). */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024

/** Largest image accepted, in pixels (width × height), checked from the header before decoding. */
export const MAX_IMAGE_PIXELS = 100_000_000

/** Default size budget for an exported eyecatch. */
export const DEFAULT_BUDGET_BYTES = 500 * 1024

const relPath = z.string().min(1).max(1000)

/** Where an image comes from: a file in the repository, or bytes the writer dropped or pasted. */
export const imageSourceSchema = z.discriminatedUnion('kind', [
  /** A repository-relative path (resolved inside the repository by main). */
  z.object({ kind: z.literal('asset'), path: relPath }),
  /** An image staged in main's memory by `images:stage`. */
  z.object({ kind: z.literal('staged'), id: z.string().min(1).max(100) }),
])
/** Where an image comes from. */
export type ImageSource = z.infer<typeof imageSourceSchema>

/** A crop as the crop view holds it (see `crop.ts`). */
export const cropStateSchema = z.object({
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  mirrored: z.boolean(),
  zoom: z.number().positive().max(100),
  centerX: z.number().min(-10).max(10),
  centerY: z.number().min(-10).max(10),
})

/** Output formats for an eyecatch. */
export const eyecatchFormatSchema = z.enum(['webp', 'jpeg', 'png'])
/** Output format of an eyecatch. */
export type EyecatchFormat = z.infer<typeof eyecatchFormatSchema>

/** Facts about an image, read from its header (and a quick decode to catch truncated files). */
export const imageInfoSchema = z.object({
  format: z.string(),
  /** Size as shown: EXIF orientation applied. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Stored size before orientation. */
  storedWidth: z.number().int().positive(),
  storedHeight: z.number().int().positive(),
  /** EXIF Orientation tag 1–8 (1 when absent). */
  orientation: z.number().int().min(1).max(8),
  hasAlpha: z.boolean(),
  bytes: z.number().int().nonnegative(),
  /** True when the file carries EXIF, XMP, IPTC or GPS data (all of it is removed on export). */
  hasMetadata: z.boolean(),
  /** Not fatal: e.g. a file name whose extension does not match its contents. */
  warnings: z.array(localizedTextSchema),
})
/** Facts about an image. */
export type ImageInfo = z.infer<typeof imageInfoSchema>

const errorResult = z.object({ kind: z.literal('error'), message: localizedTextSchema })

/** A title card's inputs (PORTAL.md §4). */
export const titleCardSpecSchema = z.object({
  title: z.string().max(500),
  author: z.string().max(100),
  role: z.string().max(100),
  /** Text in the logo slot; the profile's site name when omitted. */
  logo: z.string().max(60).optional(),
  avatar: imageSourceSchema.nullable(),
  background: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('bundled'), id: z.string().min(1).max(40) }),
    z.object({ kind: z.literal('image'), image: imageSourceSchema }),
  ]),
})
/** A title card's inputs. */
export type TitleCardSpec = z.infer<typeof titleCardSpecSchema>

/** What to turn into an eyecatch: a cropped photo or a title card. */
export const eyecatchSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('photo'), image: imageSourceSchema, crop: cropStateSchema }),
  z.object({ kind: z.literal('titleCard'), card: titleCardSpecSchema }),
])
/** What to turn into an eyecatch. */
export type EyecatchSource = z.infer<typeof eyecatchSourceSchema>

/** Encoding choices shared by the estimate and the export. */
export const eyecatchEncodingSchema = z.object({
  source: eyecatchSourceSchema,
  format: eyecatchFormatSchema,
  /** 1–100; ignored for PNG. */
  quality: z.number().int().min(1).max(100),
  /** 2 writes twice the profile size (e.g. 2400×1260). */
  scale: z.union([z.literal(1), z.literal(2)]),
  /** Colour behind transparent or letterboxed parts, `#rrggbb`. */
  background: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
  budgetBytes: z.number().int().positive().optional(),
})
/** Encoding choices shared by the estimate and the export. */
export type EyecatchEncoding = z.infer<typeof eyecatchEncodingSchema>

/** Result of encoding without writing. */
export const estimateResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ok'),
    bytes: z.number().int().nonnegative(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    overBudget: z.boolean(),
    budgetBytes: z.number().int().positive(),
    warnings: z.array(localizedTextSchema),
  }),
  errorResult,
])
/** Result of encoding without writing. */
export type EstimateResult = z.infer<typeof estimateResultSchema>

/** Export request: the encoding plus where to write. */
export const exportRequestSchema = eyecatchEncodingSchema.extend({
  /** The post's asset folder, repository-relative (`PostDocument.assetDir`). */
  assetDir: relPath,
  /**
   * A file in the asset folder that may be replaced (the current eyecatch), when the writer chose
   * to replace it. Without it a new name is picked (`eyecatch.webp`, `eyecatch-2.webp`, …).
   */
  replace: z.string().min(1).max(255).nullable().optional(),
})
/** Export request. */
export type ExportRequest = z.infer<typeof exportRequestSchema>

/** Export result: the new file, ready to go into the front matter's `eyecatch`. */
export const exportResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ok'),
    /** File name inside the asset folder: the front matter's `eyecatch` value. */
    fileName: z.string(),
    /** Repository-relative path of the written file. */
    path: z.string(),
    bytes: z.number().int().nonnegative(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    overBudget: z.boolean(),
    warnings: z.array(localizedTextSchema),
  }),
  errorResult,
])
/** Export result. */
export type ExportResult = z.infer<typeof exportResultSchema>

const probeResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ok'), info: imageInfoSchema }),
  errorResult,
])
/** Result of reading an image's facts. */
export type ProbeResult = z.infer<typeof probeResultSchema>

const bytesSchema = z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_IMAGE_BYTES, {
  message: 'image too large',
})

const stageResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ok'), id: z.string(), info: imageInfoSchema }),
  errorResult,
])
/** Result of staging dropped or pasted bytes. */
export type StageResult = z.infer<typeof stageResultSchema>

/** An image file in a post's asset folder. */
export const assetImageSchema = z.object({
  name: z.string(),
  /** Repository-relative path. */
  path: z.string(),
  bytes: z.number().int().nonnegative(),
})
/** An image file in a post's asset folder. */
export type AssetImage = z.infer<typeof assetImageSchema>

const listResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ok'), images: z.array(assetImageSchema) }),
  errorResult,
])

/** A bundled title-card background. */
export const backgroundChoiceSchema = z.object({
  id: z.string(),
  name: localizedTextSchema,
  /** A small preview as a data: URL. */
  thumbnail: z.string(),
})
/** A bundled title-card background. */
export type BackgroundChoice = z.infer<typeof backgroundChoiceSchema>

/** Title-card preview: an image plus how the title was fitted. */
export const titleCardPreviewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ok'),
    /** The card as a data: URL (WebP, 1×). */
    dataUrl: z.string(),
    fontSize: z.number(),
    lines: z.array(z.string()),
    overflow: z.boolean(),
    warnings: z.array(localizedTextSchema),
  }),
  errorResult,
])
/** Title-card preview. */
export type TitleCardPreview = z.infer<typeof titleCardPreviewSchema>

const bodyImageResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ok'),
    /** File name inside the asset folder: use it as the Markdown link target. */
    fileName: z.string(),
    /** Repository-relative path. */
    path: z.string(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    bytes: z.number().int().nonnegative(),
    /** True when the same image was already in the folder and nothing new was written. */
    reused: z.boolean(),
  }),
  errorResult,
])
/** Result of saving a body image. */
export type BodyImageResult = z.infer<typeof bodyImageResultSchema>

const none = z.undefined()

/** Request/response channels for images and eyecatches, to merge into the IPC contract. */
export const eyecatchChannels = {
  /** Keeps dropped or pasted bytes in main's memory for cropping; checks them first (I1–I3). */
  'images:stage': {
    request: z.object({ name: z.string().max(255), data: bytesSchema }),
    response: stageResultSchema,
  },
  /** Reads an image's facts (size, orientation, format) without decoding all of it. */
  'images:probe': { request: z.object({ image: imageSourceSchema }), response: probeResultSchema },
  /** Lists the image files in a post's asset folder. */
  'images:list': { request: z.object({ assetDir: relPath }), response: listResultSchema },
  /** Saves a pasted or dropped body image into the asset folder (≤ 1200 px, no metadata, de-duplicated). */
  'images:importBody': {
    request: z.object({
      assetDir: relPath,
      data: bytesSchema,
      name: z.string().max(255).optional(),
    }),
    response: bodyImageResultSchema,
  },
  /** Encodes an eyecatch in memory and reports its size against the budget. */
  'eyecatch:estimate': { request: eyecatchEncodingSchema, response: estimateResultSchema },
  /** Writes an eyecatch into the post's asset folder (never over the source). */
  'eyecatch:export': { request: exportRequestSchema, response: exportResultSchema },
  /** Renders a title card preview and reports how the title was fitted. */
  'eyecatch:titleCardPreview': {
    request: z.object({ card: titleCardSpecSchema }),
    response: titleCardPreviewSchema,
  },
  /** The bundled title-card backgrounds. */
  'eyecatch:backgrounds': { request: none, response: z.array(backgroundChoiceSchema) },
} as const

/** Methods to merge into `apiShape` (`window.portal.images.*`, `window.portal.eyecatch.*`). */
export const eyecatchApiShape = {
  images: {
    stage: 'images:stage',
    probe: 'images:probe',
    list: 'images:list',
    importBody: 'images:importBody',
  },
  eyecatch: {
    estimate: 'eyecatch:estimate',
    export: 'eyecatch:export',
    titleCardPreview: 'eyecatch:titleCardPreview',
    backgrounds: 'eyecatch:backgrounds',
  },
} as const

/** Channel names of {@link eyecatchChannels}. */
export type EyecatchChannel = keyof typeof eyecatchChannels

/** Handlers for the eyecatch channels, with the contract's request/response types. */
export type EyecatchHandlers = {
  [C in EyecatchChannel]: (
    request: z.input<(typeof eyecatchChannels)[C]['request']>,
  ) => Promise<z.output<(typeof eyecatchChannels)[C]['response']>>
}
