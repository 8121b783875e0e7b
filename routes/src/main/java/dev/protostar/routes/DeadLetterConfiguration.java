package dev.protostar.routes;

import dev.protostar.kafka.MalformedMessageException;
import dev.protostar.kafka.Topics;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Error handling written once: a route that consumes a topic opts in with
 * {@code .routeConfigurationId(DeadLetterConfiguration.ID)}. A record that fails is parked on the
 * source topic's {@code -dlt} with the reason in {@link Topics#DLT_REASON_HEADER}, as it arrived, and
 * the consumer moves on. A malformed record is parked at once: retrying can never fix it.
 */
public class DeadLetterConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "dead-letter";

    private final int redeliveries;
    private final List<ParkedRecords> listeners;

    /** @param redeliveries retries of a failure that may be transient before it is parked */
    public DeadLetterConfiguration(int redeliveries) {
        this(redeliveries, List.of());
    }

    /** @param listeners told of each parked record, after it is on the DLT */
    public DeadLetterConfiguration(int redeliveries, List<ParkedRecords> listeners) {
        this.redeliveries = redeliveries;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(MalformedMessageException.class)
                .handled(true)
                .useOriginalMessage()
                .process(DeadLetterConfiguration::describe)
                .toD("kafka:${header[" + KafkaConstants.TOPIC + "]}-dlt")
                .process(this::tell)
                .end()
                .onException(Exception.class)
                .maximumRedeliveries(redeliveries)
                .redeliveryDelay(200)
                .handled(true)
                .useOriginalMessage()
                .process(DeadLetterConfiguration::describe)
                .toD("kafka:${header[" + KafkaConstants.TOPIC + "]}-dlt")
                .process(this::tell);
    }

    private void tell(Exchange exchange) {
        listeners.forEach(listener -> listener.parked(exchange));
    }

    private static void describe(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        exchange.getMessage().setHeader(Topics.DLT_REASON_HEADER, reason);
        exchange.getMessage().setHeader(Topics.DLT_ROUTE_HEADER, exchange.getFromRouteId());
    }
}
