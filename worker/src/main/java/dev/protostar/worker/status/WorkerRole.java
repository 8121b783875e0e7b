package dev.protostar.worker.status;

import dev.protostar.kafka.message.WorkerStatus.Role;
import dev.protostar.routes.keyed.KeyedKafkaConsumer;
import dev.protostar.worker.WorkerProperties;
import dev.protostar.worker.answer.AnswerChatRoute;
import dev.protostar.worker.memory.FoldMemoryRoute;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Blue/green: an ACTIVE worker runs {@code answer-chat} (and so is in the consumer group); a STANDBY
 * one has it stopped and consumes nothing until promoted on its management port.
 */
@Component
public class WorkerRole {

    private static final Logger log = LoggerFactory.getLogger(WorkerRole.class);

    private final CamelContext camel;
    private volatile Role role;

    WorkerRole(CamelContext camel, WorkerProperties properties) {
        this.camel = camel;
        this.role = properties.role();
    }

    public Role current() {
        return role;
    }

    public synchronized void promote() throws Exception {
        camel.getRouteController().startRoute(AnswerChatRoute.ID);
        camel.getRouteController().startRoute(FoldMemoryRoute.ID);
        role = Role.ACTIVE;
        log.info("Promoted to ACTIVE: consuming chat-requests");
    }

    /** Stops consuming; running turns finish first (up to the consumer's shutdown timeout). */
    public synchronized void demote() throws Exception {
        camel.getRouteController().stopRoute(AnswerChatRoute.ID);
        camel.getRouteController().stopRoute(FoldMemoryRoute.ID);
        role = Role.STANDBY;
        log.info("Demoted to STANDBY: consuming nothing");
    }

    /**
     * False while an ACTIVE worker's consumer is not consuming (its poll loop rejoining after a failure):
     * it takes no turns then, so it offers no capacity and reports DOWN. A STANDBY one consumes nothing by
     * design and is not stalled.
     */
    public boolean consuming() {
        return role != Role.ACTIVE || (consumer() instanceof KeyedKafkaConsumer consumer && consumer.consuming());
    }

    /** Turns held by this worker now: running plus queued behind their session. */
    public int inFlight() {
        return consumer() instanceof KeyedKafkaConsumer consumer ? consumer.outstanding() : 0;
    }

    /**
     * Age of the oldest turn received and not yet started (waiting behind its session, or for a slot at
     * {@code max-in-flight}). Turns still in Kafka while consumption is paused are not seen here.
     */
    public long oldestQueuedMillis() {
        return consumer() instanceof KeyedKafkaConsumer consumer ? consumer.oldestWaitingMillis() : 0;
    }

    private Object consumer() {
        Route route = camel.getRoute(AnswerChatRoute.ID);
        return route != null ? route.getConsumer() : null;
    }
}
