package dev.protostar.worker.status;

import dev.protostar.kafka.message.WorkerStatus;
import dev.protostar.routes.KafkaRecord;
import dev.protostar.worker.WorkerProperties;
import dev.protostar.worker.generate.LlmBreaker;
import dev.protostar.worker.generate.LlmProperties;
import dev.protostar.worker.generate.ModelStreams;
import java.time.Instant;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * A heartbeat every second on the compacted {@code worker-status}: what the dam may count on — capacity
 * (max-in-flight, or the streams the model provider holds for this worker once it refused more; 0 while its
 * consumer is not consuming, as it takes no turns then), turns held,
 * the age of the oldest one not yet started, and the LLM breaker. An open breaker is reported as
 * {@code OPEN_OFFLINE} when this worker answers in the offline mode meanwhile, because the dam sheds
 * only while every worker reports {@code OPEN}, and this one still answers.
 */
@Component
class PublishStatusRoute extends RouteBuilder {

    static final String ID = "publish-status";

    private final WorkerRole role;
    private final WorkerProperties properties;
    private final LlmBreaker breaker;
    private final LlmProperties llm;
    private final ModelStreams streams;

    PublishStatusRoute(
            WorkerRole role, WorkerProperties properties, LlmBreaker breaker, LlmProperties llm, ModelStreams streams) {
        this.role = role;
        this.properties = properties;
        this.breaker = breaker;
        this.llm = llm;
        this.streams = streams;
    }

    @Override
    public void configure() {
        from("timer:worker-status?period={{protostar.worker.status-interval-ms}}")
                .routeId(ID)
                .process(exchange -> exchange.getMessage().setBody(status()))
                .process(KafkaRecord.keyedBy(WorkerStatus.class, WorkerStatus::workerId))
                .to("kafka:{{protostar.topics.worker-status}}");
    }

    private WorkerStatus status() {
        String state = breaker.state();
        if (state.equals("OPEN") && llm.onBreakerOpen() == LlmProperties.OnBreakerOpen.OFFLINE) {
            state = "OPEN_OFFLINE";
        }
        return new WorkerStatus(
                properties.id(),
                role.current(),
                role.consuming() ? streams.capacity(properties.maxInFlight()) : 0,
                role.inFlight(),
                role.oldestQueuedMillis(),
                state,
                breaker.openRemainingMillis(),
                Instant.now());
    }
}
