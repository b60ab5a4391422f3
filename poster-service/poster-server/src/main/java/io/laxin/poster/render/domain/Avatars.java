package io.laxin.poster.render.domain;

import java.util.Optional;

/** Port: avatar images by URL. Never fails: anything wrong (host not allowed, slow, too big) is empty. */
public interface Avatars {

    Optional<byte[]> fetch(String url);
}
