package dev.protostar.chat.ingestion;

import dev.protostar.chat.ChatApiProperties;
import dev.protostar.chat.DocumentProperties;
import dev.protostar.chat.stream.Subscription;
import dev.protostar.kafka.message.IngestProgress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fans ingestion progress out to the SSE clients of this instance. Fed by {@code stream-progress} in
 * partition order; a client first gets every event of its ingestion so far (after its cursor), then live
 * ones, and its stream ends after the final event. Memory is bounded by time: an ingestion nobody watches
 * is forgotten {@code progress-memory} after its last event, and its database row answers from then on.
 */
@Component
class ProgressHub {

    /** Events a client may have queued before its stream ends to resume; an ingestion sends a few dozen. */
    private static final int CLIENT_QUEUE = 1_000;

    private final ConcurrentHashMap<String, ProgressLog> logs = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final Duration memory;
    private final Duration heartbeat;
    private final Executor writers;
    private final int clientQueue;

    @Autowired
    ProgressHub(DocumentProperties documents, ChatApiProperties chat) {
        this(
                System::currentTimeMillis,
                documents.progressMemory(),
                chat.heartbeat(),
                task -> Thread.ofVirtual().name("progress-subscriber").start(task),
                CLIENT_QUEUE);
    }

    /** @param clock milliseconds; {@code writers} runs each client's writing loop (it blocks) */
    ProgressHub(LongSupplier clock, Duration memory, Duration heartbeat, Executor writers, int clientQueue) {
        this.clock = clock;
        this.memory = memory;
        this.heartbeat = heartbeat;
        this.writers = writers;
        this.clientQueue = clientQueue;
    }

    void accept(Progress progress) {
        long now = clock.getAsLong();
        logs.compute(progress.event().ingestionId(), (id, log) -> {
            ProgressLog target = log == null ? new ProgressLog(now) : log;
            target.append(progress, now);
            return target;
        });
    }

    /**
     * Streams the ingestion's progress to {@code sink} until its final event or until the client leaves.
     * {@code lastEventId} -1 gets everything; a cursor gets what came after it. {@code storedFinal}, the
     * row's state if it is final, is what a client gets when nothing of the ingestion is in memory any more.
     */
    Subscription subscribe(
            String ingestionId, long lastEventId, ProgressSink sink, Optional<IngestProgress> storedFinal) {
        ProgressSubscriber subscriber = new ProgressSubscriber(sink, lastEventId, clientQueue);
        Optional<Progress> stored = storedFinal.filter(IngestProgress::isFinal).map(Progress::stored);
        AtomicReference<ProgressLog> joined = new AtomicReference<>();
        logs.compute(ingestionId, (id, log) -> {
            if ((log == null || log.isEmpty()) && stored.isPresent()) {
                subscriber.offerStored(stored.get());
                return log;
            }
            ProgressLog target = log == null ? new ProgressLog(clock.getAsLong()) : log;
            target.join(subscriber);
            joined.set(target);
            return target;
        });
        writers.execute(() -> {
            try {
                subscriber.write(heartbeat);
            } finally {
                if (joined.get() != null) {
                    joined.get().leave(subscriber);
                }
            }
        });
        return subscriber;
    }

    /** Forgets ingestions nobody listens to and nothing happened in for {@code progress-memory}. */
    @Scheduled(fixedDelayString = "${protostar.documents.progress-memory}")
    void forgetQuiet() {
        long cutoff = clock.getAsLong() - memory.toMillis();
        for (String id : logs.keySet()) {
            logs.computeIfPresent(id, (key, log) -> log.isQuietSince(cutoff) ? null : log);
        }
    }

    /** How many ingestions are in memory. */
    int size() {
        return logs.size();
    }
}
