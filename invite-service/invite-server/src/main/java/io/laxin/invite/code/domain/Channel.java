package io.laxin.invite.code.domain;

import java.util.Locale;

/** Where a share travelled: the tag on a share link. Unknown tags count as LINK, so a friend's link never fails. */
public enum Channel {
    POSTER,
    LINK,
    MOMENTS,
    GROUP,
    PRIVATE,
    QR;

    public static Channel parse(String tag) {
        if (tag == null) {
            return LINK;
        }
        try {
            return valueOf(tag.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return LINK;
        }
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
