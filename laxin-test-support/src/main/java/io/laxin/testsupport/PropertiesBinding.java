package io.laxin.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Binds a service's properties record as its start would, and reads the metadata the processor generated. */
public final class PropertiesBinding {

    private PropertiesBinding() {}

    /**
     * Starts a context of {@code configuration} (an {@code @EnableConfigurationProperties} holder) with {@code
     * properties} ({@code name=value}) and returns why it failed; fails if it started.
     */
    public static Throwable startupFailure(Class<?> configuration, String... properties) {
        Throwable[] failure = new Throwable[1];
        new ApplicationContextRunner()
                .withUserConfiguration(configuration)
                .withPropertyValues(properties)
                .run(context -> {
                    assertThat(context)
                            .as("started with %s", String.join(", ", properties))
                            .hasFailed();
                    failure[0] = context.getStartupFailure();
                });
        return failure[0];
    }

    /**
     * Starts {@code configuration} with {@code others} and then {@code setting} ({@code name=value}, a bad value) and
     * checks that the start fails naming the property: as configured ({@code a.b-c}) or as bound ({@code a.bC}, nested
     * records' validation errors name the field path).
     */
    public static void assertRejected(Class<?> configuration, String setting, String... others) {
        String property = setting.substring(0, setting.indexOf('='));
        String[] properties =
                Stream.concat(Arrays.stream(others), Stream.of(setting)).toArray(String[]::new);
        StringWriter trace = new StringWriter();
        startupFailure(configuration, properties).printStackTrace(new PrintWriter(trace));
        assertThat(normalized(trace.toString()))
                .as("why %s failed the start", setting)
                .contains(normalized(property));
    }

    private static String normalized(String text) {
        return text.replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** Runs {@code configuration} with {@code properties} and checks that it starts (the defaults bind and validate). */
    public static void starts(Class<?> configuration, String... properties) {
        new ApplicationContextRunner()
                .withUserConfiguration(configuration)
                .withPropertyValues(properties)
                .run(context -> assertThat(context).hasNotFailed());
    }

    /**
     * Every property in the {@code META-INF/spring-configuration-metadata.json} files on the class path, name →
     * description (empty when it has none).
     */
    public static Map<String, String> documentedProperties() {
        Map<String, String> documented = new TreeMap<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (URL url : Collections.list(PropertiesBinding.class
                    .getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        documented.put(
                                property.path("name").asString(),
                                property.path("description").asString(""));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documented;
    }
}
