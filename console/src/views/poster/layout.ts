import type { Layout } from '@/api/poster'

export interface BoxRef { kind: 'qr' | 'avatar' | 'nickname' | 'text'; index: number }

/** A starting layout that passes poster-service's checks: the code centred in the lower half, avatar and name on top. */
export function defaultLayout(width: number, height: number): Layout {
  const size = Math.max(240, Math.min(320, Math.floor(Math.min(width, height) * 0.45)))
  return {
    qr: { x: Math.floor((width - size) / 2), y: Math.max(0, Math.floor(height * 0.62) - Math.floor(size / 2)), size, quietZone: 2, errorCorrection: 'M', foreground: '#000000', background: '#FFFFFF' },
    avatar: { x: 40, y: 40, size: Math.min(120, Math.floor(width / 6)), shape: 'CIRCLE' },
    nickname: { x: 40 + Math.min(120, Math.floor(width / 6)) + 20, y: 70, maxWidth: Math.max(120, width - 260), fontSize: 36, color: '#333333' },
    texts: [],
  }
}

/** Moves a box to (x, y) in poster pixels, kept whole and inside the poster. */
export function moveBox(layout: Layout, box: BoxRef, x: number, y: number, width: number, height: number): void {
  const target = box.kind === 'text' ? layout.texts[box.index] : layout[box.kind]
  if (!target) return
  const w = 'size' in target ? target.size : target.maxWidth
  const h = 'size' in target ? target.size : target.fontSize
  target.x = Math.round(Math.min(Math.max(0, x), Math.max(0, width - w)))
  target.y = Math.round(Math.min(Math.max(0, y), Math.max(0, height - h)))
}
