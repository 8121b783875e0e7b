package dev.protostar.worker.answer;

import dev.protostar.kafka.Json;
import dev.protostar.kafka.message.ChatEvent;
import dev.protostar.kafka.message.ChatRequest;
import dev.protostar.routes.keyed.KeyedKafkaEndpoint;
import dev.protostar.search.tokens.TokenCounter;
import dev.protostar.worker.WorkerProperties;
import dev.protostar.worker.generate.Ask;
import dev.protostar.worker.generate.Generation;
import dev.protostar.worker.generate.GenerationException;
import dev.protostar.worker.generate.Generator;
import dev.protostar.worker.ground.Citations;
import dev.protostar.worker.ground.Correction;
import dev.protostar.worker.ground.Grounding;
import dev.protostar.worker.ground.Language;
import dev.protostar.worker.ground.NumberCheck;
import dev.protostar.worker.ground.Phrases;
import dev.protostar.worker.ground.Verdict;
import dev.protostar.worker.memory.Memory;
import dev.protostar.worker.memory.MemoryStore;
import dev.protostar.worker.memory.QueryRewriter;
import dev.protostar.worker.memory.TurnRecorder;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * One turn, start to end: skip it if it already ended, drop it if its deadline passed, otherwise
 * announce the attempt (after a {@code reset} if an earlier attempt died), generate and finish with
 * {@code done} or {@code error}. If this worker loses the turn's partition midway it stops silently:
 * the new owner answers the turn again, from a reset.
 */
@Component
class AnswerTurn implements Processor {

    private static final Logger log = LoggerFactory.getLogger(AnswerTurn.class);

    private final TurnLedger ledger;
    private final CancelledTurns cancelled;
    private final MemoryStore memories;
    private final QueryRewriter rewriter;
    private final Grounding grounding;
    private final Generator generator;
    private final TurnRecorder recorder;
    private final ProducerTemplate producer;
    private final WorkerProperties properties;
    private final TurnStages stages;

    AnswerTurn(
            TurnLedger ledger,
            CancelledTurns cancelled,
            MemoryStore memories,
            QueryRewriter rewriter,
            Grounding grounding,
            Generator generator,
            TurnRecorder recorder,
            ProducerTemplate producer,
            WorkerProperties properties,
            TurnStages stages) {
        this.ledger = ledger;
        this.cancelled = cancelled;
        this.memories = memories;
        this.rewriter = rewriter;
        this.grounding = grounding;
        this.generator = generator;
        this.recorder = recorder;
        this.producer = producer;
        this.properties = properties;
        this.stages = stages;
    }

    @Override
    public void process(Exchange exchange) {
        ChatRequest request = Json.read(exchange.getMessage().getBody(byte[].class), ChatRequest.class);
        stages.queued(request.admittedAt(), Instant.now());
        AtomicBoolean owned =
                exchange.getProperty(KeyedKafkaEndpoint.OWNED, new AtomicBoolean(true), AtomicBoolean.class);
        MDC.put("sessionId", request.sessionId());
        MDC.put("requestId", request.requestId());
        try {
            answer(request, owned);
        } finally {
            MDC.remove("sessionId");
            MDC.remove("requestId");
        }
    }

    /**
     * Answers the turn; whatever fails inside it (the database, Redis, the embedder, the model) ends it with an
     * {@code error} naming the cause, so the client is never left waiting and its session is freed. Retrying here
     * would rarely meet the deadline and never beats the client asking again; only when even the error event
     * cannot be sent (Kafka down) does the failure reach the route's redelivery and the DLT.
     */
    private void answer(ChatRequest request, AtomicBoolean owned) {
        String requestId = request.requestId();
        AnswerStream stream = new AnswerStream(
                request,
                producer,
                () -> !owned.get() || cancelled.reason(requestId).isPresent(),
                properties.coalesce(),
                properties.coalesceChars(),
                stages);
        try {
            attempt(request, owned, stream);
        } catch (RuntimeException e) {
            if (!owned.get()) {
                log.info("Partition lost mid-answer; the new owner answers again");
                return;
            }
            String code = TurnFailures.code(e);
            log.warn("Turn ended by a failure ({})", code, e);
            stream.fail(code, TurnFailures.message(code));
            try {
                ledger.end(requestId);
            } catch (RuntimeException ledgerDown) {
                log.debug("Turn's end not recorded: {}", ledgerDown.toString());
            }
        }
    }

    private void attempt(ChatRequest request, AtomicBoolean owned, AnswerStream stream) {
        long taken = System.nanoTime();
        String requestId = request.requestId();
        OptionalInt begun = ledger.begin(requestId);
        if (begun.isEmpty()) {
            log.info("Turn already answered; redelivery skipped");
            return;
        }
        int attempt = begun.getAsInt();
        if (cancelled.reason(requestId).isPresent()) {
            stream.error(
                    "cancelled",
                    "Cancelled before the model was called: "
                            + cancelled.reason(requestId).get());
            ledger.end(requestId);
            return;
        }
        if (request.deadline() != null && Instant.now().isAfter(request.deadline())) {
            stream.error(
                    "deadline_exceeded",
                    "The turn waited past its deadline and was dropped before the model was called.");
            ledger.end(requestId);
            return;
        }
        if (attempt > 1) {
            stream.reset(attempt);
        }
        stream.started(attempt);
        stages.took(TurnStages.ANNOUNCE, taken, System.nanoTime());
        try {
            grounded(request, attempt, stream);
        } catch (GenerationException e) {
            if (!owned.get()) {
                log.info("Partition lost mid-answer; the new owner answers again");
                return;
            }
            String why = cancelled
                    .reason(requestId)
                    .map(reason -> "Cancelled: " + reason)
                    .orElse(e.getMessage());
            log.info("Turn ended without an answer: {} {}", e.code(), why);
            stream.error(e.code(), why);
        }
        ledger.end(request.requestId());
    }

    /**
     * Remember, retrieve, judge, answer, record: the session's memory resolves a follow-up into the query
     * retrieval sees; a question the documents do not cover is refused without calling the model; an answer
     * stating a figure no cited chunk contains is corrected (a {@code reset}, then the answer without those
     * statements) before {@code citations} and {@code done}; the turn is then recorded and its session's
     * memory folded asynchronously.
     */
    private void grounded(ChatRequest request, int attempt, AnswerStream stream) {
        long recalling = System.nanoTime();
        Memory memory = memories.recall(UUID.fromString(request.sessionId()));
        String query = rewriter.rewrite(request.text(), memory);
        long judging = System.nanoTime();
        stages.took(TurnStages.RECALL, recalling, judging);
        Verdict verdict = grounding.ground(UUID.fromString(request.candidateId()), query, memory.latest());
        stages.took(TurnStages.GROUND, judging, System.nanoTime());
        stream.asking();
        Ask ask = new Ask(request.text(), Language.of(request.text()), verdict, memory);
        if (verdict.refuseBefore(generator.judgesCoverage())) {
            log.info("Refused without calling the model; the documents do not mention {}", verdict.uncovered());
            String refusal = verdict.documentsStored()
                    ? Phrases.refusal(ask.language(), verdict.uncovered())
                    : Phrases.noDocuments(ask.language(), verdict.uncovered());
            stream.say(refusal);
            ChatEvent.Done done = stream.done(
                    new Generation(refusal, TokenCounter.count(request.text()), TokenCounter.count(refusal), 0),
                    true,
                    false);
            recorder.record(request, refusal, List.of(), done);
            return;
        }
        Generation generation = generator.generate(ask, stream);
        String answer = generation.text();
        List<String> ungrounded = NumberCheck.ungrounded(answer, verdict.sources());
        if (!ungrounded.isEmpty()) {
            log.warn("Answer states figures no cited chunk contains {}; corrected", ungrounded);
            answer = Correction.apply(answer, ungrounded, ask.language());
            stream.reset(attempt);
            stream.say(answer);
        }
        List<ChatEvent.Citation> citations = Citations.of(answer, verdict.sources());
        stream.citations(citations);
        recorder.record(request, answer, citations, stream.done(generation, false, !ungrounded.isEmpty()));
    }
}
