package io.laxin.poster.render.domain;

/** Port: WeChat mini-program codes (wxacode.getUnlimited). */
public interface MiniProgramCodes {

    /**
     * The code image (JPEG or PNG bytes) that opens {@code page} with {@code scene}.
     *
     * @throws io.laxin.kernel.error.LaxinException WECHAT_UNAVAILABLE with WeChat's errcode and errmsg
     */
    byte[] unlimited(MiniProgramScene scene, String page, int width);
}
