package io.laxin.webhook.delivery.infra;

import io.laxin.webhook.delivery.application.Dispatching;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the dispatcher on its own thread: a round, then a pause of {@code poll-interval} when nothing was due. */
public class DispatchLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchLoop.class);

    private final Dispatching dispatching;
    private final Duration pollInterval;
    private volatile boolean running;
    private volatile Thread worker;

    public DispatchLoop(Dispatching dispatching, Duration pollInterval) {
        this.dispatching = dispatching;
        this.pollInterval = pollInterval;
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, "webhook-dispatch-loop");
        worker.setDaemon(true);
        worker.start();
    }

    private void loop() {
        while (running) {
            try {
                if (dispatching.runOnce() == 0) {
                    Thread.sleep(pollInterval.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Webhook dispatch round failed (retrying in {}): {}", pollInterval, e.toString());
                try {
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
