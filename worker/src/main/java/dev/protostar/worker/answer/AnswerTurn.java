package dev.protostar.worker.answer;

import dev.protostar.kafka.Json;
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
import dev.protostar.worker.ground.NumberCheck;
import dev.protostar.worker.ground.Phrases;
import dev.protostar.worker.ground.Verdict;
import java.time.Instant;
import java.util.List;
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
    private final Grounding grounding;
    private final Generator generator;
    private final ProducerTemplate producer;
    private final WorkerProperties properties;

    AnswerTurn(
            TurnLedger ledger,
            CancelledTurns cancelled,
            Grounding grounding,
            Generator generator,
            ProducerTemplate producer,
            WorkerProperties properties) {
        this.ledger = ledger;
        this.cancelled = cancelled;
        this.grounding = grounding;
        this.generator = generator;
        this.producer = producer;
        this.properties = properties;
    }

    @Override
    public void process(Exchange exchange) {
        ChatRequest request = Json.read(exchange.getMessage().getBody(byte[].class), ChatRequest.class);
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

    private void answer(ChatRequest request, AtomicBoolean owned) {
        if (ledger.ended(request.requestId())) {
            log.info("Turn already answered; redelivery skipped");
            return;
        }
        String requestId = request.requestId();
        AnswerStream stream = new AnswerStream(
                request,
                producer,
                () -> !owned.get() || cancelled.reason(requestId).isPresent(),
                properties.coalesce(),
                properties.coalesceChars());
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
            ledger.end(request.requestId());
            return;
        }
        int attempt = ledger.begin(request.requestId());
        if (attempt > 1) {
            stream.reset(attempt);
        }
        stream.started(attempt);
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
     * Retrieve, judge, answer: a question the documents do not cover is refused without calling the model;
     * an answer stating a figure no cited chunk contains is corrected (a {@code reset}, then the answer
     * without those statements) before {@code citations} and {@code done}.
     */
    private void grounded(ChatRequest request, int attempt, AnswerStream stream) {
        Verdict verdict = grounding.ground(UUID.fromString(request.candidateId()), request.text());
        Ask ask = new Ask(request.text(), verdict.question().language(), verdict);
        if (verdict.refuse()) {
            log.info("Refused without calling the model; the documents do not mention {}", verdict.uncovered());
            String refusal = Phrases.refusal(ask.language(), verdict.uncovered());
            stream.say(refusal);
            stream.done(
                    new Generation(refusal, TokenCounter.count(request.text()), TokenCounter.count(refusal)),
                    true,
                    false);
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
        stream.citations(Citations.of(answer, verdict.sources()));
        stream.done(generation, false, !ungrounded.isEmpty());
    }
}
