// The invite page: opened from a scanned mini-program code (onLoad's query.scene carries `i=<code>&c=<channel>`) or a
// shared card (query.i / query.c), it records the scan first; a signed-in user then sees their own invite card and
// poster, and can save the poster to the album.
import { isLaxinProblem, parseScene, saveImageToAlbum } from '@laxin/sdk'

const CAMPAIGN_ID = 12

Page({
  data: { signedIn: false, invite: null, posterPath: '', loading: false, error: '' },

  async onLoad(query) {
    const laxin = getApp().globalData.laxin
    // WeChat passes a code's scene URL-encoded: decode it once here (the SDK also accepts it still encoded)
    const scene = query.scene ? decodeURIComponent(query.scene) : query.i ? `i=${query.i}&c=${query.c || 'private'}` : ''
    if (scene && parseScene(scene)) {
      try {
        await laxin.recordScan({ scene })
      } catch (e) {
        // a revoked or unknown code must not stop the page; the friend can still sign up
        console.warn('scan not recorded', isLaxinProblem(e) ? e.code : e)
      }
    }
    // the brand's sign-up must pass this device id (after the scan: the device token it answered) to its backend,
    // which reports it with the registration
    // (POST /api/v1/host/registrations { deviceId }): that is how the scan above is attributed to the inviter
    this.deviceId = await laxin.deviceId()
    this.setData({ signedIn: !!wx.getStorageSync('brand.jwt') })
    if (this.data.signedIn) await this.loadCard()
  },

  async loadCard() {
    const laxin = getApp().globalData.laxin
    this.setData({ loading: true, error: '' })
    try {
      const invite = await laxin.myInvite(CAMPAIGN_ID)
      // png, saved by the SDK under wx.env.USER_DATA_PATH (named by the poster's content key)
      const poster = await laxin.myPoster(CAMPAIGN_ID, { format: 'png' })
      this.setData({ invite, posterPath: poster.tempFilePath })
    } catch (e) {
      this.setData({ error: isLaxinProblem(e) ? `${e.title}（${e.code}）` : '网络异常，请稍后再试' })
    } finally {
      this.setData({ loading: false })
    }
  },

  copyCode() {
    wx.setClipboardData({ data: this.data.invite.code })
  },

  copyLink() {
    wx.setClipboardData({ data: this.data.invite.shareLink })
  },

  // bound to a tap: WeChat only opens the settings page (after an earlier refusal) from a user's tap
  async savePoster() {
    try {
      const outcome = await saveImageToAlbum(this.data.posterPath)
      if (outcome === 'saved') {
        wx.showToast({ title: '已保存到相册', icon: 'success' })
      } else {
        wx.showModal({ title: '无法保存', content: '请允许“保存到相册”后再试（右上角 ··· → 设置）', showCancel: false })
      }
    } catch (e) {
      wx.showToast({ title: '保存失败', icon: 'none' })
    }
  },

  onShareAppMessage() {
    const code = this.data.invite && this.data.invite.code
    return {
      title: '送你一份新人礼',
      path: code ? `/pages/invite/index?i=${code}&c=private` : '/pages/invite/index',
    }
  },
})
