package dev.protostar.chat.dam;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * The Camel Throttle baseline ({@code protostar.dam.mode: throttle}): Camel's Throttle EIP in concurrent
 * requests mode, failing fast when full. A turn's exchange stays inside the throttled block until the turn's
 * done or error event, so the permit lives as long as the stream, as the dam's slot does (an exchange that
 * only handed the turn to Kafka would free it at once and limit nothing).
 */
class ThrottleTurnRoute extends RouteBuilder implements Baseline {

    static final String ID = "throttle-turn";
    static final String URI = "direct:" + ID;

    private static final String ENTERED = "protostar.entered";

    private final int size;
    private final Map<String, CompletableFuture<Void>> exits = new ConcurrentHashMap<>();
    private final ExecutorService holders = Executors.newVirtualThreadPerTaskExecutor();
    private ProducerTemplate producer;

    ThrottleTurnRoute(int size) {
        this.size = size;
    }

    @Override
    public void configure() {
        // A refusal is the throttle's answer, not an error to log: logging hundreds a second would tax the baseline.
        errorHandler(noErrorHandler());
        // Held turns would keep Camel's graceful shutdown waiting for its whole timeout: let them go first.
        getCamelContext().addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext context) {
                exits.values().forEach(exit -> exit.complete(null));
            }
        });
        from(URI)
                .routeId(ID)
                .throttle(constant(size))
                .concurrentRequestsMode()
                .rejectExecution(true)
                .process(exchange -> {
                    exchange.getProperty(ENTERED, CompletableFuture.class).complete(true);
                    exits.get(exchange.getMessage().getBody(String.class)).join();
                })
                .end();
    }

    @Override
    public boolean tryEnter(Ticket ticket) {
        String requestId = ticket.requestId();
        CompletableFuture<Boolean> entered = new CompletableFuture<>();
        exits.put(requestId, new CompletableFuture<>());
        Exchange exchange = new DefaultExchange(getCamelContext());
        exchange.getMessage().setBody(requestId);
        exchange.setProperty(ENTERED, entered);
        holders.execute(() -> {
            producer().send(URI, exchange);
            entered.complete(false); // refused by the throttle (or failed): a no-op when it had entered
        });
        boolean in = entered.join();
        if (!in) {
            exits.remove(requestId);
        }
        return in;
    }

    @Override
    public void exit(String requestId, String code) {
        CompletableFuture<Void> exit = exits.remove(requestId);
        if (exit != null) {
            exit.complete(null);
        }
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = getCamelContext().createProducerTemplate();
        }
        return producer;
    }
}
