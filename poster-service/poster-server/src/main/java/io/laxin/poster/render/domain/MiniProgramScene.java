package io.laxin.poster.render.domain;

import io.laxin.kernel.error.LaxinException;
import io.laxin.poster.api.PosterErrorCode;
import java.util.regex.Pattern;

/**
 * The {@code scene} of a mini-program code: what the mini-program receives when the code is scanned. WeChat takes
 * at most 32 visible characters from {@code 0-9 a-z A-Z ! # $ & ' ( ) * + , / : ; = ? @ - . _ ~}. Laxin puts the
 * invite code and the channel in it: {@code i=K7M2QX&c=poster}.
 */
public record MiniProgramScene(String value) {

    public static final int MAX_LENGTH = 32;
    private static final Pattern ALLOWED = Pattern.compile("[0-9A-Za-z!#$&'()*+,/:;=?@\\-._~]+");

    public MiniProgramScene {
        if (value == null
                || value.isEmpty()
                || value.length() > MAX_LENGTH
                || !ALLOWED.matcher(value).matches()) {
            throw new LaxinException(
                    PosterErrorCode.WECHAT_SCENE_INVALID,
                    "scene '" + value + "' must be 1.." + MAX_LENGTH
                            + " characters from 0-9 a-z A-Z !#$&'()*+,/:;=?@-._~");
        }
    }

    /** The scene carrying an invite code and a channel. */
    public static MiniProgramScene of(String inviteCode, String channel) {
        return new MiniProgramScene("i=" + inviteCode + "&c=" + channel);
    }
}
