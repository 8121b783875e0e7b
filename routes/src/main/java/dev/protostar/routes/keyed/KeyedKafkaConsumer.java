package dev.protostar.routes.keyed;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A group consumer that processes records of different keys concurrently, each on its own virtual
 * thread, one at a time per key, at most {@code maxInFlight} at once. Only the poll thread touches the
 * {@link KafkaConsumer}: it polls, commits below the lowest unfinished record, and pauses every
 * partition while {@code maxInFlight} records are outstanding, so memory stays bounded (at most one
 * poll beyond the limit waits) and the group still sees a live member.
 */
public final class KeyedKafkaConsumer extends DefaultConsumer {

    private static final Logger log = LoggerFactory.getLogger(KeyedKafkaConsumer.class);

    private final KeyedKafkaEndpoint endpoint;
    private final OffsetTracker offsets = new OffsetTracker();
    private final KeyLanes lanes = new KeyLanes(this::run);
    private final WaitingRecords waiting = new WaitingRecords(System::nanoTime);
    private final Map<TopicPartition, AtomicBoolean> ownership = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile KafkaConsumer<String, byte[]> consumer;
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

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        workers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(endpoint.getTopic() + "-", 0).factory());
        slots = new Semaphore(endpoint.getMaxInFlight());
        consumer = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(), new ByteArrayDeserializer());
        running.set(true);
        poller = Thread.ofPlatform()
                .name("kafka-keyed-" + endpoint.getTopic())
                .daemon()
                .start(this::pollLoop);
    }

    @Override
    protected void doStop() throws Exception {
        running.set(false);
        if (consumer != null) {
            consumer.wakeup();
        }
        if (poller != null) {
            poller.join(Duration.ofMillis(endpoint.getShutdownTimeoutMs() + 5_000L));
        }
        super.doStop();
    }

    private Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoint.getBrokers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, endpoint.getGroupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, endpoint.getAutoOffsetReset());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, endpoint.getMaxPollRecords());
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, endpoint.getSessionTimeoutMs());
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(100, endpoint.getSessionTimeoutMs() / 3));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, endpoint.getClientId());
        return props;
    }

    private void pollLoop() {
        try {
            consumer.subscribe(List.of(endpoint.getTopic()), new Rebalance());
            while (running.get()) {
                commitFinished();
                applyBackPressure();
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(Duration.ofMillis(endpoint.getPollTimeoutMs()))) {
                    offsets.received(partitionOf(record), record.offset());
                    waiting.arrived(record);
                    lanes.submit(record);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                log.warn("Consumer of {} woken up unexpectedly", endpoint.getTopic(), e);
            }
        } catch (RuntimeException e) {
            getExceptionHandler().handleException("Consumer of " + endpoint.getTopic() + " stopped", e);
        } finally {
            drainAndClose();
        }
    }

    private void commitFinished() {
        var committable = offsets.committable();
        if (!committable.isEmpty()) {
            consumer.commitAsync(committable, (done, failure) -> {
                if (failure == null) {
                    offsets.committed(done);
                } else {
                    log.debug("Commit of {} failed, retried with the next one", done, failure);
                }
            });
        }
    }

    private void applyBackPressure() {
        Set<TopicPartition> assigned = consumer.assignment();
        boolean full = offsets.outstanding() >= endpoint.getMaxInFlight();
        if (full && consumer.paused().size() < assigned.size()) {
            consumer.pause(assigned);
        } else if (!full && !consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    /** Runs one record through the route on a virtual thread; the key's next record follows it. */
    private void run(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = partitionOf(record);
        AtomicBoolean owned = ownership.computeIfAbsent(partition, p -> new AtomicBoolean(true));
        workers.execute(() -> {
            Exchange exchange = createExchange(false);
            boolean slot = false;
            try {
                slots.acquire();
                slot = true;
                waiting.started(record);
                exchange.getMessage().setBody(record.value());
                exchange.getMessage().setHeader(KafkaConstants.KEY, record.key());
                exchange.getMessage().setHeader(KafkaConstants.TOPIC, record.topic());
                exchange.getMessage().setHeader(KafkaConstants.PARTITION, record.partition());
                exchange.getMessage().setHeader(KafkaConstants.OFFSET, record.offset());
                exchange.getMessage().setHeader(KafkaConstants.TIMESTAMP, record.timestamp());
                exchange.setProperty(KeyedKafkaEndpoint.OWNED, owned);
                getProcessor().process(exchange);
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("Record failed", exchange, exchange.getException());
                }
            } catch (Exception e) {
                getExceptionHandler().handleException("Record failed", exchange, e);
            } finally {
                waiting.started(record);
                if (slot) {
                    slots.release();
                }
                releaseExchange(exchange, false);
                offsets.finished(partition, record.offset());
                lanes.next(KeyLanes.laneOf(record));
            }
        });
    }

    private void drainAndClose() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(endpoint.getShutdownTimeoutMs(), TimeUnit.MILLISECONDS)) {
                ownership.values().forEach(owned -> owned.set(false));
                workers.shutdownNow();
            }
            var committable = offsets.committable();
            if (!committable.isEmpty()) {
                consumer.commitSync(committable);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Final commit of {} failed; the unfinished records come again", endpoint.getTopic(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static TopicPartition partitionOf(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    /** On revocation the running records of lost partitions are told to stop; a new owner redoes them. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            var committable = offsets.committable();
            committable.keySet().retainAll(revoked);
            if (!committable.isEmpty()) {
                consumer.commitSync(committable);
            }
            release(revoked);
            log.info("Partitions revoked: {}", revoked);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            release(lost);
            log.warn("Partitions lost: {}", lost);
        }

        private void release(Collection<TopicPartition> partitions) {
            Set<TopicPartition> lost = new HashSet<>(partitions);
            lost.forEach(p -> {
                AtomicBoolean owned = ownership.remove(p);
                if (owned != null) {
                    owned.set(false);
                }
            });
            lanes.dropWaiting(lost);
            waiting.forget(lost);
            offsets.forget(lost);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            assigned.forEach(p -> ownership.put(p, new AtomicBoolean(true)));
            log.info("Partitions assigned: {}", assigned);
        }
    }
}
