package io.laxin.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.store.ReadOffsetType;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.spring.support.DefaultRocketMQListenerContainer;
import org.springframework.context.ApplicationContext;

/** Test helpers on the real broker: send raw messages, capture what is published, and see a consumer's progress. */
public final class RocketMqProbe {

    private RocketMqProbe() {}

    /** Sends one message as a producer would (body = JSON text, key = event id). */
    public static void send(String namesrv, String topic, String tag, String key, String body) {
        DefaultMQProducer producer = new DefaultMQProducer("test-producer-" + UUID.randomUUID());
        producer.setNamesrvAddr(namesrv);
        try {
            producer.start();
            producer.send(new Message(topic, tag, key, body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("Test send to " + topic + " failed", e);
        } finally {
            producer.shutdown();
        }
    }

    /** Sends many messages through one producer (key = event id, body = JSON text), as a busy producer would. */
    public static void sendAll(String namesrv, String topic, String tag, Map<String, String> bodiesByKey) {
        DefaultMQProducer producer = new DefaultMQProducer("test-producer-" + UUID.randomUUID());
        producer.setNamesrvAddr(namesrv);
        try {
            producer.start();
            for (var e : bodiesByKey.entrySet()) {
                producer.send(new Message(topic, tag, e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8)));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Test send to " + topic + " failed", e);
        } finally {
            producer.shutdown();
        }
    }

    /** A consumer in its own group that keeps every message of a topic, from the first. */
    public static final class Capture implements AutoCloseable {
        private final DefaultMQPushConsumer consumer;
        private final List<MessageExt> messages = new CopyOnWriteArrayList<>();

        public Capture(String namesrv, String topic) {
            consumer = new DefaultMQPushConsumer("test-capture-" + UUID.randomUUID());
            consumer.setNamesrvAddr(namesrv);
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            try {
                consumer.subscribe(topic, "*");
                consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                    messages.addAll(msgs);
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
                consumer.start();
            } catch (MQClientException e) {
                throw new IllegalStateException(e);
            }
        }

        public List<MessageExt> messages() {
            return List.copyOf(messages);
        }

        public List<MessageExt> withKey(String key) {
            return messages.stream().filter(m -> key.equals(m.getKeys())).toList();
        }

        @Override
        public void close() {
            consumer.shutdown();
        }
    }

    /**
     * How many messages of the topic the app's listener has finished consuming (the committed offsets of its
     * consumer group, summed over queues). Equal to the number sent once every copy was consumed.
     */
    public static long consumed(ApplicationContext context, String topic) {
        long total = 0;
        for (DefaultRocketMQListenerContainer container :
                context.getBeansOfType(DefaultRocketMQListenerContainer.class).values()) {
            if (!topic.equals(container.getTopic())) {
                continue;
            }
            DefaultMQPushConsumer consumer = container.getConsumer();
            var impl = consumer.getDefaultMQPushConsumerImpl();
            for (MessageQueue mq :
                    impl.getRebalanceImpl().getProcessQueueTable().keySet()) {
                long offset = impl.getOffsetStore().readOffset(mq, ReadOffsetType.MEMORY_FIRST_THEN_STORE);
                total += Math.max(0, offset);
            }
        }
        return total;
    }
}
