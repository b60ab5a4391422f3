/**
 * The landing page's part in ADR 0005: a share link (`/s/{code}`) lands here with the device token it issued as
 * `laxinDevice`; the page keeps it (through the SDK) so its own scan and the host's registration carry the same
 * token, and passes the token on to the host's registration page, again as `laxinDevice`.
 */
export const DEVICE_PARAM = 'laxinDevice'

/** The device token on this page's address (`?laxinDevice=`), or null. */
export function linkedDeviceToken(search: string): string | null {
  const token = new URLSearchParams(search).get(DEVICE_PARAM)
  return token ? token : null
}

/** The host's registration page (the scan's landing URL) with the device token the host reports as deviceId. */
export function registrationUrl(landingUrl: string, deviceToken: string): string {
  const target = new URL(landingUrl)
  target.searchParams.set(DEVICE_PARAM, deviceToken)
  return target.toString()
}
