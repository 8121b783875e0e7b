package dev.protostar.routes.keyed;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A group consumer that processes records of different keys concurrently, each on its own virtual
 * thread, one at a time per key, at most {@code maxInFlight} at once; the {@link PollLoop} feeds it.
 * A record the route could not handle — not even by dead-lettering it — is tried again after a
 * back-off, and the commit never passes it: dropping it would lose the record without a trace.
 */
public final class KeyedKafkaConsumer extends DefaultConsumer {

    private static final String UNHANDLED = "Record neither handled nor dead-lettered; it is tried again";

    private final KeyedKafkaEndpoint endpoint;
    private final OffsetTracker offsets = new OffsetTracker();
    private final KeyLanes lanes = new KeyLanes(this::run);
    private final WaitingRecords waiting = new WaitingRecords(System::nanoTime);
    private final Assignments assignments = new Assignments(offsets, lanes, waiting);
    private volatile PollLoop loop;
    private Semaphore slots;
    private ExecutorService workers;
    private Thread poller;

    KeyedKafkaConsumer(KeyedKafkaEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    /** Records received and not yet finished: running plus waiting behind their key. */
    public int outstanding() {
        return offsets.outstanding();
    }

    /** Age of the oldest record received and not yet started (behind its key or for a slot), 0 if none. */
    public long oldestWaitingMillis() {
        return waiting.oldestMillis();
    }

    /**
     * False before the first poll, while the poll loop rejoins the group after a failure, and once
     * stopped: this consumer takes no new records then, so it offers no capacity.
     */
    public boolean consuming() {
        PollLoop current = loop;
        return current != null && current.consuming();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        workers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(endpoint.getTopic() + "-", 0).factory());
        slots = new Semaphore(endpoint.getMaxInFlight());
        loop = new PollLoop(endpoint, assignments, offsets, this::receive, workers, getExceptionHandler());
        poller = Thread.ofPlatform()
                .name("kafka-keyed-" + endpoint.getTopic())
                .daemon()
                .start(loop);
    }

    @Override
    protected void doStop() throws Exception {
        if (loop != null) {
            loop.stop();
        }
        if (poller != null) {
            poller.join(Duration.ofMillis(endpoint.getShutdownTimeoutMs() + 10_000L));
        }
        super.doStop();
    }

    private void receive(Turn turn) {
        waiting.arrived(turn.record());
        lanes.submit(turn);
    }

    /**
     * Runs one turn on a virtual thread until the route handled it; the key's next turn follows it. A
     * turn whose assignment ended meanwhile is not finished: the partition's next owner redoes it.
     */
    private void run(Turn turn) {
        workers.execute(() -> {
            boolean handled = false;
            try {
                slots.acquire();
                try {
                    waiting.started(turn.record());
                    handled = untilHandled(turn);
                } finally {
                    slots.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.started(turn.record());
                if (handled) {
                    offsets.finished(turn.assignment(), turn.offset());
                }
                lanes.next(turn.lane());
            }
        });
    }

    private boolean untilHandled(Turn turn) throws InterruptedException {
        Backoff backoff = new Backoff(endpoint.getBackoffMs(), endpoint.getMaxBackoffMs());
        while (turn.assignment().isOwned()) {
            if (attempt(turn)) {
                return turn.assignment().isOwned();
            }
            turn.assignment().awaitEnd(backoff.next());
        }
        return false;
    }

    /** True if the route handled the record, itself or by dead-lettering it. */
    private boolean attempt(Turn turn) {
        ConsumerRecord<String, byte[]> record = turn.record();
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(record.value());
            exchange.getMessage().setHeader(KafkaConstants.KEY, record.key());
            exchange.getMessage().setHeader(KafkaConstants.TOPIC, record.topic());
            exchange.getMessage().setHeader(KafkaConstants.PARTITION, record.partition());
            exchange.getMessage().setHeader(KafkaConstants.OFFSET, record.offset());
            exchange.getMessage().setHeader(KafkaConstants.TIMESTAMP, record.timestamp());
            exchange.setProperty(KeyedKafkaEndpoint.OWNED, turn.assignment().owned());
            getProcessor().process(exchange);
            if (exchange.getException() == null) {
                return true;
            }
            getExceptionHandler().handleException(UNHANDLED, exchange, exchange.getException());
        } catch (Exception e) {
            getExceptionHandler().handleException(UNHANDLED, exchange, e);
        } finally {
            releaseExchange(exchange, false);
        }
        return false;
    }
}
