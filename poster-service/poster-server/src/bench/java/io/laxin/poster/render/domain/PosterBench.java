package io.laxin.poster.render.domain;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.util.Statistics;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link PosterBenchmark} and prints the figures docs/benchmarks/poster.md records: p50/p99 of each benchmark
 * (sample time, 1 thread) and their ratio to the blank-JPEG baseline measured in the same run, the QR share of an
 * uncached render, and throughput of uncached render and cached serving with 1 and 2 threads.
 *
 * <p>Arguments: {@code forks warmupIterations measurementIterations secondsPerIteration} (defaults 1 3 5 2).
 * With {@code -Dbench.redis=host:port} it also measures cached serving through Redis ({@link RedisServeBenchmark}).
 */
public final class PosterBench {

    private PosterBench() {
    }

    public static void main(String[] args) throws RunnerException {
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 2;

        String redis = System.getProperty("bench.redis");
        String include = redis == null ? PosterBenchmark.class.getName() + ".*"
                : "(" + PosterBenchmark.class.getName() + "|" + RedisServeBenchmark.class.getName() + ").*";
        Map<String, Statistics> latency = new LinkedHashMap<>();
        Collection<RunResult> sampled = new Runner(base(forks, warmups, iterations, seconds, redis)
                .include(include)
                .mode(Mode.SampleTime).timeUnit(TimeUnit.MICROSECONDS).threads(1).build()).run();
        for (RunResult r : sampled) {
            latency.put(name(r), r.getPrimaryResult().getStatistics());
        }

        Map<String, Result<?>> throughput = new LinkedHashMap<>();
        for (int threads : new int[] {1, 2}) {
            Collection<RunResult> tp = new Runner(base(forks, warmups, iterations, seconds, redis)
                    .include(".*(renderUncached|cachedServe|cachedServeRedis|blankJpegBaseline)$")
                    .mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS).threads(threads).build()).run();
            for (RunResult r : tp) {
                throughput.put(name(r) + " ×" + threads, r.getPrimaryResult());
            }
        }

        double base50 = latency.get("blankJpegBaseline").getPercentile(50);
        double base99 = latency.get("blankJpegBaseline").getPercentile(99);
        StringBuilder out = new StringBuilder("\n| benchmark | p50 µs | p99 µs | p50 / baseline p50 | p99 / baseline p99 |\n"
                + "| --- | ---: | ---: | ---: | ---: |\n");
        latency.forEach((name, s) -> out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %.2f |%n",
                name, s.getPercentile(50), s.getPercentile(99), s.getPercentile(50) / base50,
                s.getPercentile(99) / base99)));
        double qrShare = latency.get("qrEncode").getPercentile(50) / latency.get("renderUncached").getPercentile(50);
        out.append(String.format(Locale.ROOT, "%nQR encoding (with read-back) share of an uncached render (p50): %.1f %%%n",
                qrShare * 100));
        out.append("\n| throughput | ops/s | ± |\n| --- | ---: | ---: |\n");
        throughput.forEach((name, r) -> out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", name,
                r.getScore(), r.getScoreError())));
        PosterBenchmark one = new PosterBenchmark();
        one.setUp();
        out.append(String.format(Locale.ROOT, "%nOne rendered poster: %d bytes (JPEG q0.9, 750×1334)%n",
                one.renderUncached().length));
        System.out.println(out);
    }

    private static ChainedOptionsBuilder base(int forks, int warmups, int iterations, int seconds, String redis) {
        java.util.List<String> jvmArgs = new java.util.ArrayList<>(
                java.util.List.of("-XX:+UseG1GC", "-Xmx1g", "-Djava.awt.headless=true"));
        if (redis != null) {
            jvmArgs.add("-Dbench.redis=" + redis);
        }
        return new OptionsBuilder().forks(forks).warmupIterations(warmups).measurementIterations(iterations)
                .warmupTime(TimeValue.seconds(seconds)).measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend(jvmArgs.toArray(String[]::new)).shouldFailOnError(true);
    }

    private static String name(RunResult r) {
        String label = r.getParams().getBenchmark();
        return label.substring(label.lastIndexOf('.') + 1);
    }
}
