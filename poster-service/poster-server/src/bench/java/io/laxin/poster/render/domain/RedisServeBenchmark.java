package io.laxin.poster.render.domain;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.charset.StandardCharsets;

/**
 * Cached serving as poster-service does it: the content key, then a Redis GET of the poster's bytes (a real
 * rendered JPEG). Needs Redis at {@code -Dbench.redis=host:port} (PosterBench passes it on).
 */
@State(Scope.Benchmark)
public class RedisServeBenchmark {

    private RedisClient client;
    private StatefulRedisConnection<byte[], byte[]> connection;
    private RedisCommands<byte[], byte[]> redis;

    @Setup
    public void setUp() {
        String address = System.getProperty("bench.redis", "127.0.0.1:6379");
        client = RedisClient.create("redis://" + address);
        connection = client.connect(ByteArrayCodec.INSTANCE);
        redis = connection.sync();
        PosterBenchmark poster = new PosterBenchmark();
        poster.setUp();
        redis.set(key(), poster.renderUncached());
    }

    private static byte[] key() {
        return ("laxin-bench:poster:poster:" + PosterKey.of("template", "1v1", PosterBenchmark.LINK, "-",
                PosterBenchmark.NICKNAME, "JPEG")).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] cachedServeRedis() {
        return redis.get(key());
    }

    @TearDown
    public void tearDown() {
        redis.del(key());
        connection.close();
        client.shutdown();
    }
}
