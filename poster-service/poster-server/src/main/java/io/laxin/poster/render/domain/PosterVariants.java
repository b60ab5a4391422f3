package io.laxin.poster.render.domain;

import java.time.LocalDate;

/**
 * Port: how many different posters each user had rendered in a day. A poster is cached by what it shows, so a client
 * that sends a new nickname (or avatar) each time would make every request a render; this bounds that per user.
 */
public interface PosterVariants {

    /**
     * Whether the user may have the poster {@code key} rendered on {@code day}: yes when it is one they had today, or
     * they had fewer than {@code perDay} others. Counts it when admitted.
     */
    boolean admit(String userId, String key, LocalDate day, int perDay);
}
