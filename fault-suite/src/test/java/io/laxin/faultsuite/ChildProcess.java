package io.laxin.faultsuite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One process of the suite (an app, the broker, MariaDB): started with a fixed command line, its output appended to a
 * log file under target/, and killed (SIGKILL), paused (SIGSTOP) or started again with the same command line.
 */
final class ChildProcess {

    private final String name;
    private final List<String> command;
    private final Path log;
    private final String readyLine;
    private Process process;
    private int starts;

    /** @param readyLine a line (substring) the process prints once it serves; null to wait for nothing */
    ChildProcess(String name, List<String> command, Path log, String readyLine) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
        this.readyLine = readyLine;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " runs already");
        }
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    "\n===== start #" + (++starts) + " of " + name + " =====\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Waits until the process printed its ready line in this start (the log's last start section). */
    void awaitReady(Duration timeout) {
        if (readyLine == null) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited before it was ready:\n" + tail(60));
            }
            String text = currentStartOutput();
            if (text.contains(readyLine)) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + tail(60));
    }

    private String currentStartOutput() {
        try {
            String all = Files.readString(log, StandardCharsets.ISO_8859_1);
            int at = all.lastIndexOf("===== start #");
            return at < 0 ? all : all.substring(at);
        } catch (IOException e) {
            return "";
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process.pid();
    }

    /** SIGKILL (what {@code destroyForcibly} sends on Linux), and waits until it is gone. */
    void kill9() {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p == null) {
            return;
        }
        resume(); // a stopped process dies on SIGKILL too, but make sure no one is left stopped
        p.destroyForcibly();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, then SIGKILL after a grace period. */
    void stop(Duration grace) {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p == null || !p.isAlive()) {
            return;
        }
        resume();
        p.destroy();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill9();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill9();
        }
    }

    void pause() {
        signal("-STOP");
    }

    void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p == null || !p.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", signal, Long.toString(p.pid()))
                    .redirectErrorStream(true)
                    .start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of its log, for a failure message. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return "----- " + log + " (last " + lines + " lines) -----\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "----- " + log + ": " + e + " -----";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
