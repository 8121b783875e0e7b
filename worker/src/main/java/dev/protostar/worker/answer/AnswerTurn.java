package dev.protostar.worker.answer;

import dev.protostar.kafka.Json;
import dev.protostar.kafka.message.ChatRequest;
import dev.protostar.routes.keyed.KeyedKafkaEndpoint;
import dev.protostar.worker.WorkerProperties;
import dev.protostar.worker.generate.GenerationException;
import dev.protostar.worker.generate.Generator;
import dev.protostar.worker.generate.Prompt;
import java.time.Instant;
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

    static final String SYSTEM_RULES =
            """
            You answer a recruiter's questions about one job candidate, using only the candidate's own \
            documents given to you. If the documents do not say, answer that they do not say. Never use \
            outside knowledge and never guess.""";

    private final TurnLedger ledger;
    private final CancelledTurns cancelled;
    private final Generator generator;
    private final ProducerTemplate producer;
    private final WorkerProperties properties;

    AnswerTurn(
            TurnLedger ledger,
            CancelledTurns cancelled,
            Generator generator,
            ProducerTemplate producer,
            WorkerProperties properties) {
        this.ledger = ledger;
        this.cancelled = cancelled;
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
            stream.done(generator.generate(new Prompt(SYSTEM_RULES, request.text(), request.candidateId()), stream));
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
}
