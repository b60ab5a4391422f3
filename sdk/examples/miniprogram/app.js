// One SDK client for the whole mini-program. The gateway's https origin must be on the mini-program's request and
// downloadFile legal-domain lists (WeChat admin console → 开发管理 → 开发设置 → 服务器域名).
import { init } from '@laxin/sdk'

App({
  globalData: { laxin: null },
  onLaunch() {
    this.globalData.laxin = init({
      baseUrl: 'https://growth.brand.example',
      // the brand's own login (wx.login → the brand's backend → a JWT for the suite); null until the user signs in
      getToken: () => wx.getStorageSync('brand.jwt') || null,
    })
  },
})
