import { describe, expect, it } from 'vitest'
import { decodeScene, parseScene, parseUrl } from '../../src/index'

describe('parseScene', () => {
  it('reads the code and channel of a plain scene', () => {
    expect(parseScene('i=K7PX3MWQ&c=poster')).toEqual({ code: 'K7PX3MWQ', channel: 'poster' })
  })

  it('reads a scene WeChat hands over URL-encoded (onLoad query.scene)', () => {
    expect(parseScene('i%3DK7PX3MWQ%26c%3Dqr')).toEqual({ code: 'K7PX3MWQ', channel: 'qr' })
  })

  it('reads a scene encoded twice', () => {
    expect(parseScene(encodeURIComponent(encodeURIComponent('i=K7PX3MWQ&c=moments')))).toEqual({ code: 'K7PX3MWQ', channel: 'moments' })
  })

  it('normalises the code to upper case and the channel to lower case', () => {
    expect(parseScene('i=k7px3mwq&c=POSTER')).toEqual({ code: 'K7PX3MWQ', channel: 'poster' })
  })

  it('counts an unknown channel as link and a missing one as qr, as the server does', () => {
    expect(parseScene('i=K7PX3MWQ&c=billboard')?.channel).toBe('link')
    expect(parseScene('i=K7PX3MWQ')?.channel).toBe('qr')
    expect(parseScene('i=K7PX3MWQ&c=')?.channel).toBe('qr')
    expect(parseScene('c=poster&i=K7PX3MWQ')).toEqual({ code: 'K7PX3MWQ', channel: 'poster' })
  })

  it('finds no invite without a code', () => {
    expect(parseScene('c=poster')).toBeNull()
    expect(parseScene('i=&c=poster')).toBeNull()
    expect(parseScene('')).toBeNull()
    expect(parseScene(undefined)).toBeNull()
    expect(parseScene('K7PX3MWQ')).toBeNull()
  })

  it('refuses codes with characters or lengths an invite code never has', () => {
    expect(parseScene('i=K7PX-3MWQ&c=qr')).toBeNull()
    expect(parseScene('i=K7P%3Cscript&c=qr')).toBeNull()
    expect(parseScene('i=码码码码&c=qr')).toBeNull()
    expect(parseScene('i=ABC&c=qr')).toBeNull()
    expect(parseScene('i=ABCDEFGHIJKLMNOPQ&c=qr')).toBeNull()
    expect(parseScene('i=ABCD&c=qr')?.code).toBe('ABCD')
    expect(parseScene('i=ABCDEFGHIJKLMNOP&c=qr')?.code).toBe('ABCDEFGHIJKLMNOP')
  })

  it('leaves invalid percent-encoding alone instead of throwing', () => {
    expect(decodeScene('i=K7PX3MWQ%&c=qr')).toBe('i=K7PX3MWQ%&c=qr')
    expect(parseScene('i=K7PX3MWQ%E0&c=qr')).toBeNull()
  })
})

describe('parseUrl', () => {
  it('reads the landing URL the suite redirects to', () => {
    expect(parseUrl('https://brand.example/register?inviteCode=k7px3mwq&channel=moments'))
      .toEqual({ code: 'K7PX3MWQ', channel: 'moments' })
  })

  it('reads a share link', () => {
    expect(parseUrl('https://growth.brand.example/s/K7PX3MWQ?ch=group')).toEqual({ code: 'K7PX3MWQ', channel: 'group' })
    expect(parseUrl('/s/K7PX3MWQ')).toEqual({ code: 'K7PX3MWQ', channel: 'link' })
  })

  it('reads a hash route and a scene handed to the page', () => {
    expect(parseUrl('https://growth.brand.example/h5/#/landing?inviteCode=K7PX3MWQ&channel=qr'))
      .toEqual({ code: 'K7PX3MWQ', channel: 'qr' })
    expect(parseUrl('https://x.example/?scene=i%3DK7PX3MWQ%26c%3Dposter')).toEqual({ code: 'K7PX3MWQ', channel: 'poster' })
  })

  it('finds no invite in a URL without a valid code', () => {
    expect(parseUrl('https://brand.example/register')).toBeNull()
    expect(parseUrl('https://brand.example/register?inviteCode=K7%20PX&channel=qr')).toBeNull()
    expect(parseUrl('https://growth.brand.example/s/K7<>PX')).toBeNull()
    expect(parseUrl('')).toBeNull()
  })
})
