import { describe, expect, it } from 'vitest'
import { linkedDeviceToken, registrationUrl } from '@/landing'

const TOKEN = 'ldt1.AbCdEfGhIjKlMnOpQrStUv.0123456789abcdefghij_-'

describe('the landing page passes the device token on', () => {
  it('takes the device token a share link put on the address (laxinDevice)', () => {
    expect(linkedDeviceToken(`?code=K7PX3MWQ&ch=poster&laxinDevice=${TOKEN}`)).toBe(TOKEN)
    expect(linkedDeviceToken('?code=K7PX3MWQ')).toBeNull()
    expect(linkedDeviceToken('?laxinDevice=')).toBeNull()
  })

  it('sends the friend to the host registration page with the device token as laxinDevice, replacing any other', () => {
    expect(registrationUrl('https://brand.example/register?src=laxin&inviteCode=K7PX3MWQ&channel=poster', TOKEN))
      .toBe(`https://brand.example/register?src=laxin&inviteCode=K7PX3MWQ&channel=poster&laxinDevice=${TOKEN}`)
    expect(registrationUrl('https://brand.example/register?laxinDevice=stale&inviteCode=K7PX3MWQ', TOKEN))
      .toBe(`https://brand.example/register?laxinDevice=${TOKEN}&inviteCode=K7PX3MWQ`)
  })
})
