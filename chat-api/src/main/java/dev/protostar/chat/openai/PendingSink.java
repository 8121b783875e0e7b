package dev.protostar.chat.openai;

import dev.protostar.chat.stream.EventSink;
import dev.protostar.kafka.message.ChatEvent;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A sink subscribed before the turn is submitted (so no event can be missed) whose real target is
 * known only once the requestId is: deliveries wait for {@link #attach}.
 */
final class PendingSink implements EventSink {

    /** For a turn that was never admitted: takes nothing. */
    static final EventSink DISCARD = new EventSink() {
        @Override
        public boolean send(long id, ChatEvent event, String json) {
            return false;
        }

        @Override
        public void close() {}
    };

    private final CompletableFuture<EventSink> target = new CompletableFuture<>();

    void attach(EventSink sink) {
        target.complete(sink);
    }

    @Override
    public boolean send(long id, ChatEvent event, String json) throws IOException {
        return target().send(id, event, json);
    }

    @Override
    public void heartbeat() throws IOException {
        if (target.isDone()) {
            target().heartbeat();
        }
    }

    @Override
    public void close() {
        target.thenAccept(EventSink::close);
    }

    private EventSink target() throws IOException {
        try {
            return target.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }
}
