package io.laxin.invite.shared;

/** How other people's ids are shown to end users: enough to recognise a friend, not enough to find them. */
public final class Masks {

    private Masks() {}

    public static String userId(String id) {
        if (id == null || id.length() <= 2) {
            return "**";
        }
        return id.charAt(0) + "***" + id.charAt(id.length() - 1);
    }
}
