package io.laxin.standalone;

import io.laxin.embedded.EmbeddedRocketMq;
import io.laxin.kernel.messaging.Topics;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The in-process RocketMQ name server and broker as a process of its own: {@code OneBroker <storeDir> <namesrvPort>
 * <brokerPort> <topicSuffix> [delayLevels]}. Started again with the same arguments it keeps its store (messages,
 * consumer offsets), so the suite's fault tests can kill and restart the broker while the apps keep running. Creates
 * the suite's topics (for that suffix) at every start.
 */
public final class OneBroker {

    private OneBroker() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("Usage: OneBroker <storeDir> <namesrvPort> <brokerPort> <topicSuffix> [delayLevels]");
            System.exit(2);
        }
        EmbeddedRocketMq mq = EmbeddedRocketMq.start(
                Path.of(args[0]),
                Integer.parseInt(args[1]),
                Integer.parseInt(args[2]),
                args.length > 4 ? args[4] : null);
        mq.createTopics(Topics.withSuffix(args[3]).all());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            mq.close();
                            stopped.countDown();
                        },
                        "laxin-broker-shutdown"));
        System.out.println("LAXIN-BROKER-READY " + mq.namesrvAddress());
        stopped.await();
    }
}
