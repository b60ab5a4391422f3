import type { WxApi, WxCallbackError, WxSetting } from './wxapi.js'
import { globalWx } from './wxapi.js'

export const ALBUM_SCOPE = 'scope.writePhotosAlbum'

/** saved; denied (the user refused now or before and did not turn it on in the settings page). */
export type AlbumOutcome = 'saved' | 'denied'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- wx's callback-style options differ per call
type WxCallbackFn = ((options: any) => void) | undefined

const call = <T>(fn: WxCallbackFn, extra: Record<string, unknown> = {}): Promise<T> =>
  new Promise((resolve, reject) => {
    if (!fn) {
      reject(new Error('not available in this base library'))
      return
    }
    fn({ ...extra, success: (r: T) => resolve(r), fail: (e: WxCallbackError) => reject(e) } as never)
  })

/**
 * Saves an image file (PosterImage.tempFilePath) to the phone's album, with WeChat's authorisation dance:
 * never asked → wx.authorize(scope.writePhotosAlbum) shows the system prompt; refused before → wx.openSetting lets
 * the user turn it on (WeChat only opens it from a tap, so call this from a tap handler); then
 * wx.saveImageToPhotosAlbum. Answers 'denied' when the user still says no; rejects on other failures.
 */
export async function saveImageToAlbum(filePath: string, wx: WxApi | undefined = globalWx()): Promise<AlbumOutcome> {
  if (!wx) throw new Error('saveImageToAlbum needs the mini-program `wx` API')
  const setting = await call<WxSetting>(wx.getSetting?.bind(wx))
  const granted = setting.authSetting[ALBUM_SCOPE]
  if (granted === undefined) {
    try {
      await call<void>(wx.authorize?.bind(wx), { scope: ALBUM_SCOPE })
    } catch {
      return 'denied'
    }
  } else if (granted === false) {
    const after = await call<WxSetting>(wx.openSetting?.bind(wx))
    if (!after.authSetting[ALBUM_SCOPE]) return 'denied'
  }
  try {
    await call<void>(wx.saveImageToPhotosAlbum?.bind(wx), { filePath })
  } catch (e) {
    // the user dismissed the save, or the scope was withdrawn between the check and the save
    if (/auth|deny|denied/i.test((e as WxCallbackError).errMsg ?? '')) return 'denied'
    throw e
  }
  return 'saved'
}
