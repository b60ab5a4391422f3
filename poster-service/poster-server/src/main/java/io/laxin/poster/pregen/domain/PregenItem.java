package io.laxin.poster.pregen.domain;

/** One user of a job: whose poster to render, with what nickname and avatar. */
public record PregenItem(int seq, String userId, String nickname, String avatarUrl) {

    public PregenItem {
        if (userId == null || userId.isBlank() || userId.length() > 64) {
            throw new IllegalArgumentException("userId must be 1..64 characters");
        }
        if (nickname != null && nickname.length() > 200) {
            nickname = nickname.substring(0, 200);
        }
        if (avatarUrl != null && avatarUrl.length() > 500) {
            avatarUrl = null;
        }
    }
}
