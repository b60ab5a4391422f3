package io.laxin.webhook.endpoint.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The registered endpoints (port). */
public interface Endpoints {

    long add(String url, String description, List<String> eventTypes, String secret, String createdBy, Instant now);

    Optional<Endpoint> find(long id);

    List<Endpoint> all();

    List<Endpoint> enabled();

    int count();

    void change(long id, String url, String description, List<String> eventTypes, Instant now);

    /** Enables it, clearing the disabled reason and the failure count. */
    void enable(long id, Instant now);

    /** Disables it with a reason; false when it was already disabled. */
    boolean disable(long id, String reason, Instant now);

    void rotateSecret(long id, String newSecret, String previousSecret, Instant previousUntil, Instant now);

    /** A delivery succeeded: the failure streak ends. */
    void resetFailures(long id);

    /** A delivery attempt failed: the streak grows by one; answers its new length. */
    int addFailure(long id);
}
