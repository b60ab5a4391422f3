package io.laxin.kernel.config;

import java.nio.file.Path;

/**
 * Sentinel and its EagleEye logger write under {@code ~/logs} unless told otherwise, and read the location once, when
 * their classes load: call this before touching any Sentinel class. An explicit system property wins.
 */
public final class SentinelLogs {

    private SentinelLogs() {}

    /** @param dir where the logs go; null: {@code <java.io.tmpdir>/laxin-sentinel-logs} */
    public static void directTo(Path dir) {
        String d = (dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"), "laxin-sentinel-logs"))
                .toAbsolutePath()
                .toString();
        setIfAbsent("csp.sentinel.log.dir", d);
        setIfAbsent("EAGLEEYE.LOG.PATH", d);
        setIfAbsent("JM.LOG.PATH", d);
    }

    private static void setIfAbsent(String key, String value) {
        String current = System.getProperty(key);
        if (current == null || current.isBlank()) {
            System.setProperty(key, value);
        }
    }
}
