package dev.protostar.kafka.message;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * One event of an answer on {@code chat-results}, keyed by session. The JSON carries {@code type},
 * which is also the SSE event name. {@code seq} orders the events of one attempt of one request.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ChatEvent.Started.class),
    @JsonSubTypes.Type(ChatEvent.Delta.class),
    @JsonSubTypes.Type(ChatEvent.Citations.class),
    @JsonSubTypes.Type(ChatEvent.Done.class),
    @JsonSubTypes.Type(ChatEvent.Error.class),
    @JsonSubTypes.Type(ChatEvent.Reset.class)
})
public sealed interface ChatEvent {

    String requestId();

    int seq();

    /** The SSE event name: the JSON type. */
    @JsonIgnore
    default String name() {
        return getClass().getAnnotation(JsonTypeName.class).value();
    }

    /** True for the events after which a request produces nothing more. */
    @JsonIgnore
    default boolean isFinal() {
        return this instanceof Done || this instanceof Error;
    }

    /** A worker began attempt {@code attempt} of this request. */
    @JsonTypeName("started")
    record Started(String requestId, int seq, int attempt) implements ChatEvent {}

    /** Answer text, several tokens coalesced. */
    @JsonTypeName("delta")
    record Delta(String requestId, int seq, String text) implements ChatEvent {}

    /** The chunks the answer cites, by their number {@code [n]} in the text. */
    @JsonTypeName("citations")
    record Citations(String requestId, int seq, List<Citation> citations) implements ChatEvent {}

    /**
     * The answer is complete. {@code refused} tells a refusal (the documents do not say) apart;
     * {@code corrected} says statements with figures no cited document contains were removed (after a
     * {@code reset}, the corrected answer was sent again).
     */
    @JsonTypeName("done")
    record Done(String requestId, int seq, boolean refused, boolean corrected, Usage usage, Timings timings)
            implements ChatEvent {}

    /** The request ended without an answer; {@code code} is stable, {@code message} is for people. */
    @JsonTypeName("error")
    record Error(String requestId, int seq, String code, String message) implements ChatEvent {}

    /** Drop this request's deltas so far: attempt {@code attempt} starts over (a worker died). */
    @JsonTypeName("reset")
    record Reset(String requestId, int seq, int attempt) implements ChatEvent {}

    /**
     * A cited chunk: {@code [n]} in the answer's text. {@code title} is the document's, {@code section} the
     * heading path within it, {@code snippet} the cited words; {@code chunkId} names the stored chunk.
     * {@code ocr} says its text was recognised from a scan or a photo, so a client can say so ("text recognised
     * from a scan"); added later, it reads as false from a worker that does not send it.
     */
    record Citation(
            int n, String documentId, String title, String section, String snippet, String chunkId, boolean ocr) {}

    /**
     * BPE tokens of the answer: the model's input and output, and of the input, how many carried the
     * conversation so far (its summary and recent turns).
     */
    record Usage(int inputTokens, int outputTokens, int historyTokens) {}

    /** Milliseconds from admission to the first token and to the end. */
    record Timings(long ttftMs, long totalMs) {}
}
