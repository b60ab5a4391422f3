package io.laxin.kernel.config;

/**
 * This app's name ({@code spring.application.name}): the producer of its events, the prefix of its consumer groups,
 * the signer of its calls. A bean, so code reads it without {@code @Value}.
 */
public record ServiceName(String value) {

    public ServiceName {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("spring.application.name is not set");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
