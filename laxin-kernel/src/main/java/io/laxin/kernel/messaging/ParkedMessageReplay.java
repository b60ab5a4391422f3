package io.laxin.kernel.messaging;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import java.nio.charset.StandardCharsets;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Replays parked messages: the same consumer handles the stored body again in-process (its dedup on the event id
 * keeps this idempotent). Success marks the message replayed; a failure keeps it parked with the new reason.
 */
public class ParkedMessageReplay {

    private static final Logger log = LoggerFactory.getLogger(ParkedMessageReplay.class);

    private final ParkedMessages parked;
    private final MessageDelivery delivery;
    private final ObjectProvider<MessageConsumer<?>> consumers;

    public ParkedMessageReplay(
            ParkedMessages parked, MessageDelivery delivery, ObjectProvider<MessageConsumer<?>> consumers) {
        this.parked = parked;
        this.delivery = delivery;
        this.consumers = consumers;
    }

    /** Replays one message; 404 when there is none, 409 when a replay already applied it. */
    public ParkedMessage replay(long id) {
        ParkedMessage p = parked.find(id).orElseThrow(() -> LaxinException.notFound("parked message " + id));
        if (p.state() == ParkedMessage.State.REPLAYED) {
            throw new LaxinException(
                    CommonErrorCode.CONFLICT, "Parked message " + id + " was replayed at " + p.replayedAt());
        }
        run(p);
        return parked.find(id).orElseThrow();
    }

    /** The result of a bulk replay. */
    public record Batch(String consumer, int attempted, int replayed, int failed, long stillParked) {}

    /** Replays the oldest {@code limit} parked messages of a consumer, one after the other. */
    public Batch replayAll(String consumer, int limit) {
        int replayed = 0;
        int failed = 0;
        var batch = parked.parked(consumer, limit);
        for (ParkedMessage p : batch) {
            if (run(p)) {
                replayed++;
            } else {
                failed++;
            }
        }
        return new Batch(consumer, batch.size(), replayed, failed, parked.countParked(consumer));
    }

    private boolean run(ParkedMessage p) {
        try {
            MessageConsumer<?> consumer = consumers
                    .orderedStream()
                    .filter(c -> c.consumer().equals(p.consumer()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No consumer " + p.consumer() + " in this service"));
            delivery.replay(consumer, message(p));
        } catch (RuntimeException e) {
            String reason = MessageDelivery.reason(e);
            parked.replayFailed(p.id(), reason);
            log.warn("{}: replay of parked message #{} failed, it stays parked: {}", p.consumer(), p.id(), reason);
            return false;
        }
        parked.replayed(p.id());
        log.info("{}: parked message #{} (event {}) replayed", p.consumer(), p.id(), p.eventId());
        return true;
    }

    private static MessageExt message(ParkedMessage p) {
        MessageExt m = new MessageExt();
        m.setTopic(p.topic());
        m.setTags(p.tags());
        if (p.keys() != null) {
            m.setKeys(p.keys());
        }
        m.setMsgId(p.msgId());
        m.setBody(p.body().getBytes(StandardCharsets.UTF_8));
        return m;
    }
}
