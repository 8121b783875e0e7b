package dev.protostar.worker.answer;

import dev.protostar.kafka.message.WorkerStatus.Role;
import dev.protostar.routes.DeadLetterConfiguration;
import dev.protostar.worker.WorkerProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code chat-requests} → answer → {@code chat-results}. Sessions of one partition are answered
 * concurrently (one turn per session at a time), so a worker's concurrency is {@code max-in-flight},
 * not its partition count. A standby worker does not start this route: it joins no group.
 */
@Component
public class AnswerChatRoute extends RouteBuilder {

    public static final String ID = "answer-chat";

    private final AnswerTurn answerTurn;
    private final WorkerProperties properties;

    AnswerChatRoute(AnswerTurn answerTurn, WorkerProperties properties) {
        this.answerTurn = answerTurn;
        this.properties = properties;
    }

    @Override
    public void configure() {
        from("kafka-keyed:{{protostar.topics.chat-requests}}?groupId={{protostar.worker.group}}"
                        + "&clientId={{protostar.worker.id}}"
                        + "&maxInFlight={{protostar.worker.max-in-flight}}"
                        + "&sessionTimeoutMs={{protostar.worker.session-timeout-ms}}")
                .routeId(ID)
                .routeConfigurationId(DeadLetterConfiguration.ID)
                .autoStartup(properties.role() == Role.ACTIVE)
                .process(answerTurn);
    }
}
