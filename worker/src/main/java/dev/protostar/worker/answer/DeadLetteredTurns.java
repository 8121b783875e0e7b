package dev.protostar.worker.answer;

import dev.protostar.kafka.Json;
import dev.protostar.kafka.message.ChatEvent;
import dev.protostar.kafka.message.ChatRequest;
import dev.protostar.routes.ParkedRecords;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A turn parked on {@code chat-requests-dlt} also ends for its client: an {@code error} naming the failure's cause
 * goes to {@code chat-results}, so nothing the user waits for is parked silently and the session is freed. A
 * record that cannot be read as a turn names no client to tell.
 */
@Component
class DeadLetteredTurns implements ParkedRecords {

    private static final Logger log = LoggerFactory.getLogger(DeadLetteredTurns.class);
    /** After anything an attempt of the turn may have sent: clients order a turn's events by arrival anyway. */
    static final int SEQ = Integer.MAX_VALUE;

    private final ProducerTemplate producer;

    DeadLetteredTurns(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public void parked(Exchange exchange) {
        if (!AnswerChatRoute.ID.equals(exchange.getFromRouteId())) {
            return;
        }
        ChatRequest request;
        try {
            request = Json.read(exchange.getMessage().getBody(byte[].class), ChatRequest.class);
        } catch (RuntimeException unreadable) {
            return;
        }
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String code = failure == null ? "dead_lettered" : TurnFailures.code(failure);
        log.warn("Turn {} parked on the DLT; its client is told ({})", request.requestId(), code);
        producer.sendBodyAndHeader(
                PublishAnswerRoute.URI,
                Json.write(new ChatEvent.Error(request.requestId(), SEQ, code, TurnFailures.message(code))),
                KafkaConstants.KEY,
                request.sessionId());
    }
}
