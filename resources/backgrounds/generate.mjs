// Generates the bundled title-card backgrounds (2400×1260 JPEG, so 2× cards stay sharp).
// Run from the repository root: `node resources/backgrounds/generate.mjs`. Original artwork drawn
// here from SVG gradients and shapes; released with the app under its licence.
import sharp from 'sharp'
import { writeFile } from 'node:fs/promises'

const W = 2400
const H = 1260
const dir = new URL('.', import.meta.url)

const blobs = (items) =>
  items
    .map(([cx, cy, r, color, opacity]) => `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${color}" opacity="${opacity}"/>`)
    .join('')

const backgrounds = [
  {
    id: 'sunrise',
    name: { ja: '朝焼け', en: 'Sunrise' },
    svg: `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ff6a88"/><stop offset="0.55" stop-color="#ff9a5a"/><stop offset="1" stop-color="#ffd86f"/></linearGradient>
      <filter id="b" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="90"/></filter></defs>
      <rect width="${W}" height="${H}" fill="url(#g)"/>
      <g filter="url(#b)">${blobs([[300, 200, 420, '#ffffff', 0.35], [2100, 1100, 520, '#ff3d77', 0.35], [1900, 150, 300, '#fff3b0', 0.5]])}</g>`,
  },
  {
    id: 'ocean',
    name: { ja: '海', en: 'Ocean' },
    svg: `<defs><linearGradient id="g" x1="0" y1="1" x2="1" y2="0"><stop offset="0" stop-color="#0f2a5c"/><stop offset="0.5" stop-color="#1f6fb5"/><stop offset="1" stop-color="#52c6e8"/></linearGradient>
      <filter id="b" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="70"/></filter></defs>
      <rect width="${W}" height="${H}" fill="url(#g)"/>
      <g filter="url(#b)">${blobs([[2200, 200, 480, '#8ff0ff', 0.35], [200, 1150, 500, '#0a1a40', 0.5]])}</g>
      <g fill="none" stroke="#ffffff" stroke-opacity="0.12" stroke-width="6">${Array.from({ length: 9 }, (_, i) => `<path d="M0 ${260 + i * 110} C 600 ${180 + i * 110}, 1200 ${360 + i * 110}, 2400 ${240 + i * 110}"/>`).join('')}</g>`,
  },
  {
    id: 'mint',
    name: { ja: 'ミント', en: 'Mint' },
    svg: `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#3ad29f"/><stop offset="1" stop-color="#1b6f9e"/></linearGradient>
      <pattern id="d" width="48" height="48" patternUnits="userSpaceOnUse"><circle cx="24" cy="24" r="4" fill="#ffffff" fill-opacity="0.18"/></pattern></defs>
      <rect width="${W}" height="${H}" fill="url(#g)"/><rect width="${W}" height="${H}" fill="url(#d)"/>`,
  },
  {
    id: 'lavender',
    name: { ja: 'ラベンダー', en: 'Lavender' },
    svg: `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="0.6"><stop offset="0" stop-color="#9b8cf2"/><stop offset="1" stop-color="#f6b6e0"/></linearGradient>
      <pattern id="s" width="60" height="60" patternUnits="userSpaceOnUse" patternTransform="rotate(35)"><rect width="22" height="60" fill="#ffffff" fill-opacity="0.09"/></pattern></defs>
      <rect width="${W}" height="${H}" fill="url(#g)"/><rect width="${W}" height="${H}" fill="url(#s)"/>`,
  },
  {
    id: 'graphite',
    name: { ja: 'グラファイト', en: 'Graphite' },
    svg: `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1d2230"/><stop offset="1" stop-color="#3b4357"/></linearGradient>
      <pattern id="p" width="80" height="80" patternUnits="userSpaceOnUse"><path d="M80 0H0V80" fill="none" stroke="#ffffff" stroke-opacity="0.08" stroke-width="2"/></pattern>
      <filter id="b" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="120"/></filter></defs>
      <rect width="${W}" height="${H}" fill="url(#g)"/><rect width="${W}" height="${H}" fill="url(#p)"/>
      <g filter="url(#b)">${blobs([[2000, 300, 420, '#5b8cff', 0.35], [400, 1000, 380, '#35d0a0', 0.25]])}</g>`,
  },
]

const manifest = []
for (const bg of backgrounds) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${bg.svg}</svg>`
  const file = `${bg.id}.jpg`
  const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 90, chromaSubsampling: '4:4:4', mozjpeg: true }).toBuffer()
  await writeFile(new URL(file, dir), jpeg)
  manifest.push({ id: bg.id, name: bg.name, file })
  console.log(file, jpeg.length)
}
await writeFile(new URL('backgrounds.json', dir), JSON.stringify(manifest, null, 2) + '\n')
