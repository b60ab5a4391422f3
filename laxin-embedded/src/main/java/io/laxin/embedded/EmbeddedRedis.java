package io.laxin.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/** A bundled redis-server (6.2) run as a child process, for the local run when no Redis is named. */
public final class EmbeddedRedis implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param workDir where the binary is unpacked (inside the data folder, not java.io.tmpdir)
     * @param port    0 for any free port
     */
    public static EmbeddedRedis start(Path workDir, int port) throws IOException {
        return start(workDir, port, false);
    }

    /**
     * A Redis that keeps its data in {@code workDir} across restarts (append-only file, synced every second), for the
     * one-command local run whose data must survive a restart: device touches decide attribution there.
     */
    public static EmbeddedRedis startKeepingData(Path workDir, int port) throws IOException {
        return start(workDir, port, true);
    }

    private static EmbeddedRedis start(Path workDir, int port, boolean keepData) throws IOException {
        Files.createDirectories(workDir);
        int actual = port == 0 ? FreePorts.pick() : port;
        RedisServer server = RedisServer.newRedisServer()
                .executableProvider(ExecutableProvider.newJarResourceProvider(workDir.toFile()))
                .bind("127.0.0.1")
                .port(actual)
                .setting("save \"\"")
                .setting(keepData ? "appendonly yes" : "appendonly no")
                .setting("appendfsync everysec")
                .setting("dir " + workDir.toAbsolutePath())
                .onShutdownForceStop(true)
                .build();
        server.start();
        return new EmbeddedRedis(server, actual);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }
}
