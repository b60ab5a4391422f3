package io.laxin.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.store.config.FlushDiskType;
import org.apache.rocketmq.store.config.MessageStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real RocketMQ 5 name server and broker, started in this JVM (the classic remoting protocol; no proxy). Used by the
 * one-command local run and by integration tests. See {@code shared/design/stack.md} for why each setting is here.
 */
public final class EmbeddedRocketMq implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRocketMq.class);
    private static final String CLUSTER = "LaxinCluster";
    private static final String BROKER = "laxin-broker-a";
    private static final int QUEUES = 4;

    private final NamesrvController namesrv;
    private final BrokerController broker;
    private final String namesrvAddress;

    private EmbeddedRocketMq(NamesrvController namesrv, BrokerController broker, String namesrvAddress) {
        this.namesrv = namesrv;
        this.broker = broker;
        this.namesrvAddress = namesrvAddress;
    }

    /**
     * Starts a name server and a broker.
     *
     * @param storeDir      where the broker keeps its commit log (kept across restarts of the local run)
     * @param namesrvPort   0 for any free port
     * @param brokerPort    0 for any free port (port − 2 must be free too: the VIP channel)
     */
    public static EmbeddedRocketMq start(Path storeDir, int namesrvPort, int brokerPort) throws Exception {
        return start(storeDir, namesrvPort, brokerPort, null);
    }

    /**
     * As {@link #start(Path, int, int)}, with the broker's delay levels, which also space a failed message's
     * redeliveries (retry N waits level 3 + N). Tests pass short levels so a redelivery takes a second, not the
     * default 10 s, 30 s, 1 min, ...
     *
     * @param messageDelayLevels e.g. {@code "1s 1s 1s 2s"}; null for RocketMQ's defaults
     */
    public static EmbeddedRocketMq start(Path storeDir, int namesrvPort, int brokerPort, String messageDelayLevels)
            throws Exception {
        System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        Files.createDirectories(storeDir);
        String home = storeDir.toAbsolutePath().toString();

        NamesrvConfig namesrvConfig = new NamesrvConfig();
        namesrvConfig.setRocketmqHome(home);
        namesrvConfig.setKvConfigPath(storeDir.resolve("namesrv/kvConfig.json").toString());
        namesrvConfig.setConfigStorePath(
                storeDir.resolve("namesrv/namesrv.properties").toString());
        NettyServerConfig namesrvNetty = new NettyServerConfig();
        namesrvNetty.setBindAddress("127.0.0.1");
        namesrvNetty.setListenPort(namesrvPort == 0 ? FreePorts.pick() : namesrvPort);
        NamesrvController namesrv = new NamesrvController(namesrvConfig, namesrvNetty, new NettyClientConfig());
        if (!namesrv.initialize()) {
            throw new IllegalStateException("RocketMQ name server did not initialise");
        }
        namesrv.start();
        String namesrvAddress = "127.0.0.1:" + namesrvNetty.getListenPort();

        BrokerConfig brokerConfig = new BrokerConfig();
        brokerConfig.setRocketmqHome(home);
        brokerConfig.setBrokerClusterName(CLUSTER);
        brokerConfig.setBrokerName(BROKER);
        brokerConfig.setBrokerId(0);
        brokerConfig.setNamesrvAddr(namesrvAddress);
        brokerConfig.setBrokerIP1("127.0.0.1");
        brokerConfig.setAutoCreateTopicEnable(true);
        brokerConfig.setAutoCreateSubscriptionGroup(true);
        brokerConfig.setEnablePropertyFilter(true);
        NettyServerConfig brokerNetty = new NettyServerConfig();
        brokerNetty.setBindAddress("127.0.0.1");
        brokerNetty.setListenPort(brokerPort == 0 ? FreePorts.pickWithVipChannel() : brokerPort);
        MessageStoreConfig store = new MessageStoreConfig();
        store.setStorePathRootDir(storeDir.resolve("store").toString());
        store.setStorePathCommitLog(storeDir.resolve("store/commitlog").toString());
        store.setMappedFileSizeCommitLog(16 * 1024 * 1024);
        store.setMappedFileSizeConsumeQueue(200 * 1024);
        store.setMappedFileSizeTimerLog(4 * 1024 * 1024);
        store.setTimerWheelEnable(true);
        store.setFlushDiskType(FlushDiskType.ASYNC_FLUSH);
        if (messageDelayLevels != null) {
            store.setMessageDelayLevel(messageDelayLevels);
        }
        store.setHaListenPort(FreePorts.pick());
        store.setDiskMaxUsedSpaceRatio(95);
        BrokerController broker = new BrokerController(brokerConfig, brokerNetty, new NettyClientConfig(), store);
        if (!broker.initialize()) {
            namesrv.shutdown();
            throw new IllegalStateException("RocketMQ broker did not initialise (store " + storeDir + ")");
        }
        broker.start();
        EmbeddedRocketMq mq = new EmbeddedRocketMq(namesrv, broker, namesrvAddress);
        mq.awaitRoute("TBW102", Duration.ofSeconds(30));
        log.info(
                "In-process RocketMQ ready: name server {}, broker port {}",
                namesrvAddress,
                brokerNetty.getListenPort());
        return mq;
    }

    public String namesrvAddress() {
        return namesrvAddress;
    }

    /** Creates topics (idempotent) and waits until the name server routes them. */
    public void createTopics(Collection<String> topics) {
        for (String topic : topics) {
            TopicConfig config = new TopicConfig(topic, QUEUES, QUEUES);
            broker.getTopicConfigManager().updateTopicConfig(config);
        }
        broker.registerBrokerAll(true, false, true);
        topics.forEach(t -> awaitRoute(t, Duration.ofSeconds(10)));
    }

    private void awaitRoute(String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (namesrv.getRouteInfoManager().pickupTopicRouteData(topic) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The name server has no route for " + topic + " after " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Broker, then its transaction check listener (its pool is not a daemon), then the name server. */
    @Override
    public void close() {
        try {
            broker.shutdown();
        } catch (RuntimeException e) {
            log.warn("Broker shutdown: {}", e.toString());
        }
        if (broker.getTransactionalMessageCheckListener() != null) {
            broker.getTransactionalMessageCheckListener().shutDown();
        }
        namesrv.shutdown();
    }

    /** Closes on a daemon thread: broker shutdown takes 10–17 s and nobody needs to wait for it. */
    public void closeInBackground() {
        Thread t = new Thread(this::close, "embedded-rocketmq-shutdown");
        t.setDaemon(true);
        t.start();
    }
}
