package dev.protostar.chat.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.kafka.message.ChatEvent;
import java.time.Duration;
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
    void a_cursor_inside_the_latest_turn_gets_what_followed_it_then_live_events() {
        log.append(env(10, new ChatEvent.Started("r1", 0, 1)));
        log.append(env(11, new ChatEvent.Delta("r1", 1, "a")));
        log.append(env(12, new ChatEvent.Delta("r1", 2, "b")));
        Recorder client = new Recorder(11);
        log.joinAfter(client.subscriber);
        log.append(env(13, done("r1", 3)));

        assertThat(client.offsets()).containsExactly(12L, 13L);
    }

    @Test
    void a_cursor_before_the_latest_turn_gets_that_turn_from_its_start_even_when_it_ended() {
        log.append(env(5, new ChatEvent.Started("r0", 0, 1)));
        log.append(env(6, done("r0", 1)));
        log.append(env(10, new ChatEvent.Started("r1", 0, 1)));
        log.append(env(11, done("r1", 1)));
        Recorder client = new Recorder(0);

        log.joinAfter(client.subscriber);

        assertThat(client.offsets()).containsExactly(10L, 11L);
    }

    @Test
    void a_cursor_at_the_last_event_replays_nothing() {
        log.append(env(10, new ChatEvent.Started("r1", 0, 1)));
        log.append(env(11, done("r1", 1)));
        Recorder client = new Recorder(11);

        long known = log.joinAfter(client.subscriber);

        assertThat(known).isEqualTo(11);
        assertThat(client.offsets()).isEmpty();
    }

    @Test
    void a_cursor_ahead_of_this_instance_is_kept_once_the_instance_reaches_it() throws Exception {
        log.append(env(10, new ChatEvent.Started("r1", 0, 1)));
        Recorder client = new Recorder(12); // sent by an instance a few events ahead
        long known = log.joinAfter(client.subscriber);
        log.append(env(11, new ChatEvent.Delta("r1", 1, "a")));
        log.append(env(12, new ChatEvent.Delta("r1", 2, "b")));
        log.append(env(13, new ChatEvent.Delta("r1", 3, "c")));

        boolean reached = log.awaitReaching(12, Duration.ZERO);
        log.resumeFrom(client.subscriber, 12, known);

        assertThat(reached).isTrue();
        assertThat(client.offsets()).containsExactly(13L);
    }

    @Test
    void a_cursor_this_instance_never_reaches_goes_on_from_what_it_holds() throws Exception {
        log.append(env(10, new ChatEvent.Started("r1", 0, 1)));
        Recorder client = new Recorder(Long.MAX_VALUE - 1);
        long known = log.joinAfter(client.subscriber);
        log.append(env(11, new ChatEvent.Delta("r1", 1, "a")));

        boolean reached = log.awaitReaching(Long.MAX_VALUE - 1, Duration.ZERO);
        log.resumeFrom(client.subscriber, Long.MAX_VALUE - 1, known);
        log.append(env(12, new ChatEvent.Delta("r1", 2, "b")));

        assertThat(reached).isFalse();
        assertThat(client.offsets()).containsExactly(11L, 12L);
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

    @Test
    void the_cursor_a_message_is_accepted_with_gives_a_late_client_its_whole_turn() {
        SessionLog fresh = new SessionLog();
        long beforeFirst = fresh.lastOffset();
        fresh.append(env(0, new ChatEvent.Started("r1", 0, 1)));
        fresh.append(env(1, done("r1", 1)));
        Recorder first = new Recorder(beforeFirst);
        fresh.joinAfter(first.subscriber);
        assertThat(first.offsets())
                .as("a session with no event yet: the cursor before every event, -1")
                .containsExactly(0L, 1L);

        long beforeSecond = fresh.lastOffset();
        fresh.append(env(7, new ChatEvent.Started("r2", 0, 1)));
        fresh.append(env(8, new ChatEvent.Delta("r2", 1, "answer")));
        fresh.append(env(9, done("r2", 2)));
        Recorder late = new Recorder(beforeSecond);
        fresh.joinAfter(late.subscriber);
        assertThat(late.offsets()).containsExactly(7L, 8L, 9L);
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
