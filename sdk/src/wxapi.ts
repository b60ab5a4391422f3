// The slice of the WeChat mini-program API the SDK uses (declared here so the SDK needs no @types package).

export interface WxRequestSuccess {
  statusCode: number
  header?: Record<string, string | string[] | undefined>
  data: unknown
}

export interface WxCallbackError {
  errMsg: string
}

export interface WxRequestOptions {
  url: string
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS' | 'HEAD'
  header?: Record<string, string>
  data?: string | ArrayBuffer | Record<string, unknown>
  dataType?: string
  responseType?: 'text' | 'arraybuffer'
  timeout?: number
  success?: (res: WxRequestSuccess) => void
  fail?: (err: WxCallbackError) => void
}

export interface WxFileSystemManager {
  writeFile(options: {
    filePath: string
    data: string | ArrayBuffer
    encoding?: string
    success?: () => void
    fail?: (err: WxCallbackError) => void
  }): void
}

export interface WxSetting {
  authSetting: Record<string, boolean | undefined>
}

export interface WxApi {
  request(options: WxRequestOptions): unknown
  getStorageSync(key: string): unknown
  setStorageSync(key: string, value: unknown): void
  getFileSystemManager?(): WxFileSystemManager
  env?: { USER_DATA_PATH?: string }
  getSetting?(options: { success?: (res: WxSetting) => void; fail?: (err: WxCallbackError) => void }): void
  authorize?(options: { scope: string; success?: () => void; fail?: (err: WxCallbackError) => void }): void
  openSetting?(options: { success?: (res: WxSetting) => void; fail?: (err: WxCallbackError) => void }): void
  saveImageToPhotosAlbum?(options: { filePath: string; success?: () => void; fail?: (err: WxCallbackError) => void }): void
}

/** The global `wx` when running in a mini-program, else undefined. */
export function globalWx(): WxApi | undefined {
  const g = globalThis as { wx?: unknown }
  const wx = g.wx as WxApi | undefined
  return wx && typeof wx.request === 'function' ? wx : undefined
}
