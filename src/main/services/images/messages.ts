import { msg, type LocalizedText } from '../../../shared/localized'

const MB = 1024 * 1024

/** Plain-language messages for image problems (RELIABILITY.md I1–I3). */
export const IMAGE_MESSAGES = {
  empty: msg(
    'ファイルが空です（0 バイト）。保存し直した画像をもう一度選んでください。',
    'The file is empty (0 bytes). Save the image again and choose it once more.',
  ),
  tooLarge: (bytes: number, limit: number): LocalizedText =>
    msg(
      `ファイルが大きすぎます（${(bytes / MB).toFixed(1)} MB、上限 ${Math.round(limit / MB)} MB）。画像編集アプリで小さくしてから使ってください。`,
      `The file is too large (${(bytes / MB).toFixed(1)} MB; the limit is ${Math.round(limit / MB)} MB). Make it smaller in an image editor first.`,
    ),
  tooManyPixels: (width: number, height: number, limit: number): LocalizedText =>
    msg(
      `画像の画素数が多すぎます（${width}×${height}、上限 ${Math.round(limit / 1e6)} メガピクセル）。開くとメモリを使い果たすおそれがあるため読み込みません。縮小してから使ってください。`,
      `The image has too many pixels (${width}×${height}; the limit is ${Math.round(limit / 1e6)} megapixels). It is not opened because decoding it could exhaust memory. Scale it down first.`,
    ),
  svg: msg(
    'SVG はアイキャッチに使えません（X などの共有カードが SVG を表示せず、スクリプトを含められるためです）。PNG か JPEG に書き出してから使ってください。',
    'SVG cannot be used as an eyecatch (share cards such as X do not show SVG, and SVG can carry scripts). Export it as PNG or JPEG first.',
  ),
  svgBody: msg(
    'SVG は本文画像として取り込めません（スクリプトを含められるためです）。PNG に書き出してから貼り付けてください。',
    'SVG cannot be imported as a body image (it can carry scripts). Export it as PNG and paste that.',
  ),
  heic: msg(
    'HEIC/HEIF 画像はこのアプリの画像ライブラリでは読めません。写真アプリで JPEG として書き出してから使ってください。',
    'HEIC/HEIF images cannot be read by this app’s image library. Export the photo as JPEG from your photo app first.',
  ),
  notImage: msg(
    'このファイルは画像として読めません（JPEG・PNG・WebP・GIF・AVIF に対応しています）。拡張子だけ変えたファイルでないか確かめてください。',
    'This file cannot be read as an image (JPEG, PNG, WebP, GIF and AVIF are supported). Check that it is not another kind of file renamed.',
  ),
  corrupt: (detail: string): LocalizedText =>
    msg(
      `画像が壊れているか途中で切れているため読めません（${detail}）。元の画像を保存し直してください。元のファイルは変更していません。`,
      `The image is damaged or cut short and cannot be read (${detail}). Save the original again. The original file was not changed.`,
    ),
  extensionMismatch: (ext: string, format: string): LocalizedText =>
    msg(
      `拡張子は .${ext} ですが、中身は ${format.toUpperCase()} 画像です。中身に合わせて読み込みました。`,
      `The file name ends in .${ext} but it holds a ${format.toUpperCase()} image. It was read as what it really is.`,
    ),
  notFound: msg(
    '画像ファイルが見つかりません。移動または削除されていないか確かめてください。',
    'The image file cannot be found. Check that it was not moved or deleted.',
  ),
  notAFile: msg(
    '画像ではなくフォルダが指定されています。',
    'A folder was given instead of an image file.',
  ),
  stagedGone: msg(
    '読み込んだ画像がもうメモリにありません。もう一度ドロップまたは貼り付けしてください。',
    'The image you brought in is no longer in memory. Drop or paste it again.',
  ),
  noRepo: msg(
    'リポジトリが開かれていません。先にリポジトリを開いてください。',
    'No repository is open. Open one first.',
  ),
  readFailed: (detail: string): LocalizedText =>
    msg(`画像を読み込めませんでした（${detail}）。`, `The image could not be read (${detail}).`),
  writeFailed: (detail: string): LocalizedText =>
    msg(
      `画像を書き出せませんでした（${detail}）。ディスクの空きと書き込み権限を確かめてください。元の画像は変更していません。`,
      `The image could not be written (${detail}). Check free disk space and write permission. The original image was not changed.`,
    ),
  tooManyNames: msg(
    'アイキャッチの名前の候補を使い切りました。アセットフォルダの古い eyecatch ファイルを整理してください。',
    'No free eyecatch file name is left. Tidy up old eyecatch files in the asset folder.',
  ),
  replaceSource: msg(
    '元の画像には上書きしません。別の名前で保存しました。',
    'The original image is never overwritten, so the eyecatch was saved under a new name.',
  ),
  upscaled: (width: number, height: number): LocalizedText =>
    msg(
      `切り抜いた範囲が書き出しサイズ（${width}×${height}）より小さいため、ぼやけて見えることがあります。ズームを下げるか、大きな画像を使ってください。`,
      `The cropped area is smaller than the output size (${width}×${height}), so it may look blurry. Zoom out or use a larger image.`,
    ),
  overBudget: (bytes: number, budget: number): LocalizedText =>
    msg(
      `ファイルサイズが ${Math.round(bytes / 1024)} KB で、目安の ${Math.round(budget / 1024)} KB を超えています。品質を下げるか WebP を選んでください。`,
      `The file is ${Math.round(bytes / 1024)} KB, over the ${Math.round(budget / 1024)} KB budget. Lower the quality or choose WebP.`,
    ),
  unknownBackground: msg(
    '選んだ背景が見つかりません。別の背景を選んでください。',
    'The chosen background cannot be found. Pick another one.',
  ),
  fontMissing: msg(
    'タイトルカード用のフォントが見つかりません。アプリを入れ直してください。',
    'The title-card font is missing. Reinstall the app.',
  ),
} as const
