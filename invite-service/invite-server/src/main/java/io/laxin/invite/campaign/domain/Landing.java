package io.laxin.invite.campaign.domain;

import java.util.regex.Pattern;

/**
 * Where a campaign's share links bring a friend: an H5 landing URL, a WeChat mini-program page, or both (at least
 * one). The page is a relative path as WeChat names pages — {@code pages/invite/index}: letters, digits, {@code _} and
 * {@code -} in {@code /}-separated parts, no leading slash, no query (the code travels as a parameter WeChat adds),
 * at most {@value #MAX_PAGE_LENGTH} characters.
 */
public record Landing(String url, String miniProgramPage) {

    public static final int MAX_PAGE_LENGTH = 128;
    public static final String PAGE_PATTERN = "[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*";
    private static final Pattern PAGE = Pattern.compile(PAGE_PATTERN);

    public Landing {
        url = blankToNull(url);
        miniProgramPage = blankToNull(miniProgramPage);
        if (url == null && miniProgramPage == null) {
            throw new IllegalArgumentException("A campaign needs a landingUrl and/or a miniProgramPage");
        }
        if (miniProgramPage != null
                && (miniProgramPage.length() > MAX_PAGE_LENGTH
                        || !PAGE.matcher(miniProgramPage).matches())) {
            throw new IllegalArgumentException("miniProgramPage '" + miniProgramPage + "' is not a mini-program page "
                    + "path like pages/invite/index (letters, digits, _ and - in /-separated parts, no leading slash, "
                    + "no query, at most " + MAX_PAGE_LENGTH + " characters)");
        }
    }

    /** This landing with an edit applied: null keeps a field, an empty string clears it. */
    public Landing revised(String newUrl, String newPage) {
        return new Landing(newUrl == null ? url : newUrl, newPage == null ? miniProgramPage : newPage);
    }

    /** Whether a browser can be sent somewhere: the campaign has an H5 landing URL. */
    public boolean hasUrl() {
        return url != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
