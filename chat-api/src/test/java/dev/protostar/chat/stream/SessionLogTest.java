package dev.protostar.chat.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.kafka.message.ChatEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class SessionLogTest {

    private final SessionLog log = new SessionLog();

    @Test
    void a_client_joining_mid_turn_gets_the_turn_from_its_start_then_live_events() {
        log.append(env(10, new ChatEvent.Started("r1", 0, 1)));
        log.append(env(11, new ChatEvent.Delta("r1", 1, "Hel")));
        Recorder client = new Recorder(-1);
        log.joinLive(client.subscriber);
        log.append(env(12, new ChatEvent.Delta("r1", 2, "lo")));

        assertThat(client.offsets()).containsExactly(10L, 11L, 12L);
    }

    @Test
    void a_client_joining_between_turns_gets_only_live_events() {
        log.append(env(10, new ChatEvent.Started("r1", 0, 1)));
        log.append(env(11, done("r1", 1)));
        Recorder client = new Recorder(-1);
        log.joinLive(client.subscriber);
        log.append(env(12, new ChatEvent.Started("r2", 0, 1)));

        assertThat(client.offsets()).containsExactly(12L);
    }

    @Test
    void catching_up_merges_history_and_live_events_without_gap_or_duplicate() {
        Recorder client = new Recorder(10);
        log.joinCatchingUp(client.subscriber);
        // live events arrive while history is read; 12 is in both
        log.append(env(12, new ChatEvent.Delta("r1", 2, "b")));
        log.append(env(13, new ChatEvent.Delta("r1", 3, "c")));
        log.finishCatchUp(
                client.subscriber,
                List.of(env(11, new ChatEvent.Delta("r1", 1, "a")), env(12, new ChatEvent.Delta("r1", 2, "b"))));
        log.append(env(14, done("r1", 4)));

        assertThat(client.offsets()).containsExactly(11L, 12L, 13L, 14L);
    }

    @Test
    void drops_events_of_a_request_after_its_end() {
        Recorder client = new Recorder(-1);
        log.joinLive(client.subscriber);
        log.append(env(10, new ChatEvent.Started("r1", 0, 1)));
        log.append(env(11, done("r1", 1)));
        boolean appended = log.append(env(12, new ChatEvent.Reset("r1", 0, 2)));

        assertThat(appended).isFalse();
        assertThat(client.offsets()).containsExactly(10L, 11L);
    }

    @Test
    void a_reset_starts_the_turn_buffer_over() {
        log.append(env(10, new ChatEvent.Started("r1", 0, 1)));
        log.append(env(11, new ChatEvent.Delta("r1", 1, "old")));
        log.append(env(12, new ChatEvent.Reset("r1", 0, 2)));
        log.append(env(13, new ChatEvent.Started("r1", 1, 2)));
        Recorder client = new Recorder(-1);
        log.joinLive(client.subscriber);

        assertThat(client.offsets()).containsExactly(12L, 13L);
    }

    private static ChatEvent.Done done(String requestId, int seq) {
        return new ChatEvent.Done(
                requestId, seq, false, false, new ChatEvent.Usage(1, 1, 0), new ChatEvent.Timings(1, 2));
    }

    private static Envelope env(long offset, ChatEvent event) {
        return new Envelope(offset, event, "{}");
    }

    /** A subscriber whose queue is inspected instead of written to a client. */
    private static final class Recorder {
        final Subscriber subscriber;

        Recorder(long lastEventId) {
            subscriber = new Subscriber(new SseSink(new SseEmitter()), lastEventId, 100);
        }

        List<Long> offsets() {
            return subscriber.queued().stream().map(Envelope::offset).toList();
        }
    }
}
