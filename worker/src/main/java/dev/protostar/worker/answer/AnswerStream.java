package dev.protostar.worker.answer;

import dev.protostar.kafka.Json;
import dev.protostar.kafka.message.ChatEvent;
import dev.protostar.kafka.message.ChatRequest;
import dev.protostar.worker.generate.Generation;
import dev.protostar.worker.generate.TokenSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The events of one attempt of one turn, numbered by {@code seq}. Tokens are coalesced into deltas —
 * the first at once (it is the time to first token), then one per {@code coalesce} interval or
 * {@code coalesceChars} characters — so Kafka carries a handful of records per second per answer.
 */
final class AnswerStream implements TokenSink {

    private final ChatRequest request;
    private final ProducerTemplate producer;
    private final BooleanSupplier cancelled;
    private final long coalesceNanos;
    private final int coalesceChars;
    private final TurnStages stages;
    private final StringBuilder pending = new StringBuilder();
    private int seq;
    private long lastFlush;
    private Instant firstToken;
    private long asked = -1;
    /** The {@code started} event on its way, until the next event is published. */
    private CompletableFuture<Void> sending;
    /** Whether this attempt's {@code done} or {@code error} was published: a turn has one final event. */
    private boolean ended;

    AnswerStream(
            ChatRequest request,
            ProducerTemplate producer,
            BooleanSupplier cancelled,
            Duration coalesce,
            int coalesceChars,
            TurnStages stages) {
        this.request = request;
        this.producer = producer;
        this.cancelled = cancelled;
        this.coalesceNanos = coalesce.toNanos();
        this.coalesceChars = coalesceChars;
        this.stages = stages;
    }

    /** Tells the client to drop this request's text so far (a new attempt, or a corrected answer, follows). */
    void reset(int attempt) {
        pending.setLength(0);
        publish(new ChatEvent.Reset(request.requestId(), seq++, attempt));
    }

    /**
     * Sent beside the turn's memory and retrieval rather than before them: the broker's acknowledgement is a
     * round trip on the way to the first token. The next event waits for it, so the order holds.
     */
    void started(int attempt) {
        ChatEvent.Started started = new ChatEvent.Started(request.requestId(), seq++, attempt);
        sending = CompletableFuture.runAsync(() -> send(started), Thread::startVirtualThread);
    }

    /** The answer is asked for now (of the model, or of the refusal): its first token times that stage. */
    void asking() {
        asked = System.nanoTime();
    }

    @Override
    public void token(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        pending.append(text);
        long now = System.nanoTime();
        if (firstToken == null) {
            firstToken = Instant.now();
            if (asked >= 0) {
                stages.took(TurnStages.FIRST_TOKEN, asked, now);
            }
            flush(now);
        } else if (pending.length() >= coalesceChars || now - lastFlush >= coalesceNanos) {
            flush(now);
        }
    }

    /** Fixed text (a refusal, a corrected answer), streamed word by word like a model's. */
    void say(String text) {
        for (String word : text.split("(?<=\\s)")) {
            token(word);
        }
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    void citations(List<ChatEvent.Citation> citations) {
        flush(System.nanoTime());
        if (!citations.isEmpty()) {
            publish(new ChatEvent.Citations(request.requestId(), seq++, citations));
        }
    }

    ChatEvent.Done done(Generation generation, boolean refused, boolean corrected) {
        flush(System.nanoTime());
        Instant end = Instant.now();
        Instant first = firstToken == null ? end : firstToken;
        ChatEvent.Done done = new ChatEvent.Done(
                request.requestId(),
                seq++,
                refused,
                corrected,
                new ChatEvent.Usage(generation.inputTokens(), generation.outputTokens(), generation.historyTokens()),
                new ChatEvent.Timings(
                        Duration.between(request.admittedAt(), first).toMillis(),
                        Duration.between(request.admittedAt(), end).toMillis()));
        publish(done);
        ended = true;
        return done;
    }

    void error(String code, String message) {
        flush(System.nanoTime());
        publish(new ChatEvent.Error(request.requestId(), seq++, code, message));
        ended = true;
    }

    /**
     * Ends the turn after a failure with an {@code error} naming its cause, unless it already ended (a failure
     * after {@code done}, recording it, changes nothing the client sees). Text not yet sent is dropped, and a
     * {@code started} that failed on its way is not waited for: the error event is what must get out.
     */
    void fail(String code, String message) {
        if (ended) {
            return;
        }
        pending.setLength(0);
        sending = null;
        send(new ChatEvent.Error(request.requestId(), seq++, code, message));
        ended = true;
    }

    private void flush(long now) {
        if (!pending.isEmpty()) {
            publish(new ChatEvent.Delta(request.requestId(), seq++, pending.toString()));
            pending.setLength(0);
        }
        lastFlush = now;
    }

    private void publish(ChatEvent event) {
        if (sending != null) {
            try {
                sending.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            } finally {
                sending = null;
            }
        }
        send(event);
    }

    private void send(ChatEvent event) {
        producer.sendBodyAndHeader(PublishAnswerRoute.URI, Json.write(event), KafkaConstants.KEY, request.sessionId());
    }
}
