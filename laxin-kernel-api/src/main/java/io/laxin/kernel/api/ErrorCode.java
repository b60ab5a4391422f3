package io.laxin.kernel.api;

/**
 * A stable, documented refusal. Each service has one enum implementing this, in its own numeric range
 * (kernel 10000, gateway 11000, invite 20000, reward 30000, poster 40000, antifraud 50000, webhook 60000).
 * {@link #name()} is the stable {@code code} clients switch on.
 */
public interface ErrorCode {

    String name();

    Spec spec();

    default int number() {
        return spec().number();
    }

    /** HTTP status, as a number so api jars need no Spring. */
    default int status() {
        return spec().status();
    }

    /** Short human title; the detail of each occurrence goes in the exception. */
    default String title() {
        return spec().title();
    }

    /** What an error code stands for. */
    record Spec(int number, int status, String title) {}
}
