package io.laxin.kernel.messaging;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's parked messages for operations (staff OPS or ADMIN, through the gateway at
 * {@code /api/v1/admin/<service name>/parked-messages}): list them with their reasons, replay one, or replay a
 * consumer's oldest ones in a bounded batch.
 */
@Tag(name = "Parked messages")
@RestController
@RequestMapping("/api/v1/admin/${spring.application.name}/parked-messages")
public class ParkedMessagesController {

    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_BATCH = 500;

    private final ParkedMessages parked;
    private final ParkedMessageReplay replay;

    public ParkedMessagesController(ParkedMessages parked, ParkedMessageReplay replay) {
        this.parked = parked;
        this.replay = replay;
    }

    /** One parked message as operations see it. */
    public record ParkedMessageResponse(
            long id,
            String consumer,
            String topic,
            String tags,
            String keys,
            String msgId,
            String eventId,
            String body,
            String reason,
            int attempts,
            Instant parkedAt,
            ParkedMessage.State state,
            Instant replayedAt,
            String replayOutcome) {
        static ParkedMessageResponse of(ParkedMessage p) {
            return new ParkedMessageResponse(
                    p.id(),
                    p.consumer(),
                    p.topic(),
                    p.tags(),
                    p.keys(),
                    p.msgId(),
                    p.eventId(),
                    p.body(),
                    p.reason(),
                    p.attempts(),
                    p.parkedAt(),
                    p.state(),
                    p.replayedAt(),
                    p.replayOutcome());
        }
    }

    public record ParkedMessagePageResponse(List<ParkedMessageResponse> items, long total, int page, int size) {}

    /** Newest first; {@code state} PARKED (waiting) or REPLAYED, both when absent. */
    @Operation(summary = "Messages this service's listeners gave up on, newest first, with their reasons")
    @GetMapping
    public ParkedMessagePageResponse list(
            Caller caller,
            @RequestParam(required = false) String consumer,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        caller.requireStaff(Role.OPS);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new LaxinException(
                    CommonErrorCode.VALIDATION_FAILED,
                    "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        ParkedMessages.Page p = parked.page(blankToNull(consumer), state(state), page, size);
        return new ParkedMessagePageResponse(
                p.items().stream().map(ParkedMessageResponse::of).toList(), p.total(), p.page(), p.size());
    }

    @Operation(summary = "One parked message with its body and reason")
    @GetMapping("/{id}")
    public ParkedMessageResponse get(Caller caller, @PathVariable long id) {
        caller.requireStaff(Role.OPS);
        return ParkedMessageResponse.of(
                parked.find(id).orElseThrow(() -> LaxinException.notFound("parked message " + id)));
    }

    /** Runs the message through its consumer again; answers it as it is after the replay (REPLAYED, or still PARKED). */
    @Operation(summary = "Run one parked message through its listener again")
    @PostMapping("/{id}/replay")
    public ParkedMessageResponse replay(Caller caller, @PathVariable long id) {
        caller.requireStaff(Role.OPS);
        return ParkedMessageResponse.of(replay.replay(id));
    }

    /** Replays a consumer's oldest parked messages, at most {@code limit} (up to 500) in this call. */
    @Operation(summary = "Replay a consumer's oldest parked messages, a bounded batch")
    @PostMapping("/replay")
    public ParkedMessageReplay.Batch replayAll(
            Caller caller,
            @RequestParam(required = false) String consumer,
            @RequestParam(defaultValue = "100") int limit) {
        caller.requireStaff(Role.OPS);
        if (consumer == null || consumer.isBlank() || limit < 1 || limit > MAX_BATCH) {
            throw new LaxinException(
                    CommonErrorCode.VALIDATION_FAILED,
                    "consumer is required and limit must be between 1 and " + MAX_BATCH);
        }
        return replay.replayAll(consumer, limit);
    }

    private static ParkedMessage.State state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return ParkedMessage.State.valueOf(state.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "state must be PARKED or REPLAYED");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
