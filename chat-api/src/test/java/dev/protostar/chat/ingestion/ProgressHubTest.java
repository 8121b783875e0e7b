package dev.protostar.chat.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.kafka.Json;
import dev.protostar.kafka.message.IngestProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressHubTest {

    private static final Duration MEMORY = Duration.ofHours(1);

    private final AtomicLong now = new AtomicLong(1_000_000);
    private ProgressHub hub = hub(1_000);

    @Test
    void a_client_gets_every_event_so_far_then_live_ones_in_order_and_the_stream_ends_after_stored() throws Exception {
        hub.accept(event("i1", 10, IngestProgress.RECEIVED));
        hub.accept(event("i1", 11, IngestProgress.PARSED));
        Recorder client = subscribe("i1", -1);
        hub.accept(event("i1", 13, IngestProgress.CHUNKED));
        hub.accept(embedded("i1", 14, 1, 2));
        hub.accept(embedded("i1", 15, 2, 2));
        hub.accept(event("i1", 16, IngestProgress.STORED));
        hub.accept(event("i1", 17, IngestProgress.EMBEDDED)); // after the end: not sent

        assertThat(client.awaitEnd()).containsExactly(10L, 11L, 13L, 14L, 15L, 16L);
        assertThat(client.stages()).containsExactly("received", "parsed", "chunked", "embedded", "embedded", "stored");
    }

    @Test
    void other_ingestions_are_not_mixed_in() throws Exception {
        Recorder client = subscribe("i1", -1);
        hub.accept(event("i2", 10, IngestProgress.RECEIVED));
        hub.accept(event("i1", 11, IngestProgress.RECEIVED));
        hub.accept(event("i2", 12, IngestProgress.FAILED));
        hub.accept(event("i1", 13, IngestProgress.STORED));

        assertThat(client.awaitEnd()).containsExactly(11L, 13L);
    }

    @Test
    void a_cursor_resumes_after_the_last_seen_event_without_duplicates() throws Exception {
        hub.accept(event("i1", 10, IngestProgress.RECEIVED));
        hub.accept(event("i1", 11, IngestProgress.PARSED));
        hub.accept(event("i1", 12, IngestProgress.CHUNKED));
        Recorder resumed = subscribe("i1", 11);
        hub.accept(event("i1", 12, IngestProgress.CHUNKED)); // a rewind reading it again
        hub.accept(event("i1", 13, IngestProgress.STORED));

        assertThat(resumed.awaitEnd()).containsExactly(12L, 13L);
    }

    @Test
    void the_stream_ends_after_a_failed_event_with_its_reason() throws Exception {
        hub.accept(event("i1", 10, IngestProgress.RECEIVED));
        hub.accept(new Progress(
                11,
                new IngestProgress("i1", null, IngestProgress.FAILED, 0, 0, "The PDF is encrypted.", null),
                "{\"reason\":\"The PDF is encrypted.\"}"));

        Recorder client = subscribe("i1", -1);

        assertThat(client.awaitEnd()).containsExactly(10L, 11L);
        assertThat(client.sent.getLast().event().reason()).isEqualTo("The PDF is encrypted.");
    }

    @Test
    void a_client_whose_cursor_is_at_the_final_event_ends_at_once_with_nothing() throws Exception {
        hub.accept(event("i1", 10, IngestProgress.RECEIVED));
        hub.accept(event("i1", 11, IngestProgress.STORED));

        assertThat(subscribe("i1", 11).awaitEnd()).isEmpty();
    }

    @Test
    void with_nothing_in_memory_a_final_row_answers_with_one_event_without_an_id() throws Exception {
        var row = new IngestProgress("i1", "d1", IngestProgress.STORED, 7, 7, null, null);

        Recorder client = subscribe("i1", -1, Optional.of(row));

        assertThat(client.awaitEnd()).containsExactly(Progress.NO_OFFSET);
        assertThat(client.sent.getFirst().event()).isEqualTo(row);
        assertThat(client.sent.getFirst().json()).contains("\"documentId\":\"d1\"");
        assertThat(hub.size()).isZero();
    }

    @Test
    void with_nothing_in_memory_and_a_running_row_the_client_waits_for_live_events() throws Exception {
        var row = new IngestProgress("i1", null, "uploaded", 0, 0, null, null);
        Recorder client = subscribe("i1", -1, Optional.of(row));

        assertThat(client.next()).isNull();
        hub.accept(event("i1", 10, IngestProgress.RECEIVED));
        hub.accept(event("i1", 11, IngestProgress.STORED));

        assertThat(client.awaitEnd()).containsExactly(10L, 11L);
    }

    @Test
    void events_in_memory_win_over_the_row() throws Exception {
        hub.accept(event("i1", 10, IngestProgress.RECEIVED));
        hub.accept(event("i1", 11, IngestProgress.FAILED));
        var row = new IngestProgress("i1", null, IngestProgress.FAILED, 0, 0, "from the row", null);

        assertThat(subscribe("i1", -1, Optional.of(row)).awaitEnd()).containsExactly(10L, 11L);
    }

    @Test
    void a_new_attempt_after_a_final_event_replaces_the_earlier_one() throws Exception {
        hub.accept(event("i1", 10, IngestProgress.RECEIVED));
        hub.accept(event("i1", 11, IngestProgress.FAILED));
        hub.accept(event("i1", 20, IngestProgress.RECEIVED));
        hub.accept(event("i1", 21, IngestProgress.STORED));

        assertThat(subscribe("i1", -1).awaitEnd()).containsExactly(20L, 21L);
    }

    @Test
    void a_client_with_more_to_catch_up_than_its_queue_gets_a_queue_full_per_connection_and_resumes_from_there()
            throws Exception {
        hub = hub(4);
        for (int offset = 10; offset < 19; offset++) {
            hub.accept(embedded("i1", offset, offset - 9, 9));
        }
        hub.accept(event("i1", 19, IngestProgress.STORED));

        List<Long> first = subscribe("i1", -1).awaitEnd();
        List<Long> second = subscribe("i1", first.getLast()).awaitEnd();
        List<Long> third = subscribe("i1", second.getLast()).awaitEnd();

        assertThat(first).containsExactly(10L, 11L, 12L, 13L);
        assertThat(second).containsExactly(14L, 15L, 16L, 17L);
        assertThat(third).containsExactly(18L, 19L);
    }

    @Test
    void forgets_an_ingestion_nobody_watches_once_it_was_quiet_for_the_memory_window() {
        hub.accept(event("old", 10, IngestProgress.STORED));
        now.addAndGet(MEMORY.toMillis() / 2);
        hub.accept(event("recent", 11, IngestProgress.RECEIVED));
        now.addAndGet(MEMORY.toMillis() / 2 + 1);

        hub.forgetQuiet();

        assertThat(hub.size()).isOne();
        now.addAndGet(MEMORY.toMillis());
        hub.forgetQuiet();
        assertThat(hub.size()).isZero();
    }

    @Test
    void keeps_an_ingestion_while_a_client_waits_for_it() throws Exception {
        Recorder client = subscribe("i1", -1);
        now.addAndGet(MEMORY.toMillis() * 3);

        hub.forgetQuiet();

        assertThat(hub.size()).isOne();
        hub.accept(event("i1", 10, IngestProgress.STORED));
        assertThat(client.awaitEnd()).containsExactly(10L);
    }

    private ProgressHub hub(int clientQueue) {
        return new ProgressHub(
                now::get,
                MEMORY,
                Duration.ofMillis(50),
                task -> Thread.ofVirtual().start(task),
                clientQueue);
    }

    private Recorder subscribe(String ingestionId, long cursor) {
        return subscribe(ingestionId, cursor, Optional.empty());
    }

    private Recorder subscribe(String ingestionId, long cursor, Optional<IngestProgress> row) {
        Recorder recorder = new Recorder();
        hub.subscribe(ingestionId, cursor, recorder, row);
        return recorder;
    }

    private static Progress event(String ingestionId, long offset, String stage) {
        return record(offset, new IngestProgress(ingestionId, null, stage, 0, 0, null, null));
    }

    private static Progress embedded(String ingestionId, long offset, int done, int total) {
        return record(offset, new IngestProgress(ingestionId, null, IngestProgress.EMBEDDED, done, total, null, null));
    }

    private static Progress record(long offset, IngestProgress event) {
        return Progress.of(offset, Json.write(event));
    }

    /** A client: what was sent, in order, and whether the stream ended. */
    private static final class Recorder implements ProgressSink {

        final List<Progress> sent = new ArrayList<>();
        private final BlockingQueue<Progress> arrivals = new LinkedBlockingQueue<>();
        private final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public synchronized void send(Progress progress) {
            sent.add(progress);
            arrivals.add(progress);
        }

        @Override
        public void heartbeat() {}

        @Override
        public void close() {
            closed.countDown();
        }

        List<Long> awaitEnd() throws InterruptedException {
            assertThat(closed.await(5, TimeUnit.SECONDS)).as("the stream ended").isTrue();
            synchronized (this) {
                return sent.stream().map(Progress::offset).toList();
            }
        }

        synchronized List<String> stages() {
            return sent.stream().map(p -> p.event().stage()).toList();
        }

        /** The next event within 200 ms, or null. */
        Progress next() throws InterruptedException {
            return arrivals.poll(200, TimeUnit.MILLISECONDS);
        }
    }
}
