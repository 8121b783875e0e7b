package dev.protostar.chat.openai;

import dev.protostar.chat.stream.EventSink;
import dev.protostar.kafka.message.ChatEvent;
import java.util.concurrent.CompletableFuture;

/**
 * Gathers one request's answer for a non-streaming reply: the text since its latest start (a
 * {@code reset} drops what came before) and how it ended.
 */
final class AnswerCollector implements EventSink {

    record Answer(String text, ChatEvent end) {}

    private final String requestId;
    private final StringBuilder text = new StringBuilder();
    final CompletableFuture<Answer> answer = new CompletableFuture<>();

    AnswerCollector(String requestId) {
        this.requestId = requestId;
    }

    @Override
    public boolean send(long id, ChatEvent event, String json) {
        if (!event.requestId().equals(requestId)) {
            return true;
        }
        switch (event) {
            case ChatEvent.Reset reset -> text.setLength(0);
            case ChatEvent.Delta delta -> text.append(delta.text());
            case ChatEvent.Done done -> answer.complete(new Answer(text.toString(), done));
            case ChatEvent.Error error -> answer.complete(new Answer(text.toString(), error));
            default -> {}
        }
        return !answer.isDone();
    }

    @Override
    public void close() {
        answer.completeExceptionally(new IllegalStateException("The answer stream ended before the answer"));
    }
}
