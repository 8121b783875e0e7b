package dev.protostar.routes.keyed;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only thread that touches the Kafka consumer: it polls, commits below the lowest unfinished record,
 * and pauses every partition while {@code maxInFlight} records are outstanding, so memory stays bounded
 * (at most one poll beyond the limit waits) and the group still sees a live member. Whatever fails — a
 * commit inside a rebalance, a broker gone — ends that Kafka consumer and its assignments; after a
 * back-off a new one joins the group and the loop goes on.
 */
final class PollLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PollLoop.class);

    private final KeyedKafkaEndpoint endpoint;
    private final Assignments assignments;
    private final OffsetTracker offsets;
    private final java.util.function.Consumer<Turn> received;
    private final ExecutorService workers;
    private final ExceptionHandler failures;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean consuming;
    private volatile Consumer<String, byte[]> consumer;

    PollLoop(
            KeyedKafkaEndpoint endpoint,
            Assignments assignments,
            OffsetTracker offsets,
            java.util.function.Consumer<Turn> received,
            ExecutorService workers,
            ExceptionHandler failures) {
        this.endpoint = endpoint;
        this.assignments = assignments;
        this.offsets = offsets;
        this.received = received;
        this.workers = workers;
        this.failures = failures;
    }

    boolean consuming() {
        return consuming;
    }

    /** Ends the loop; it drains running turns and commits before the thread exits. */
    void stop() {
        running = false;
        stopped.countDown();
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public void run() {
        Backoff backoff = new Backoff(endpoint.getBackoffMs(), endpoint.getMaxBackoffMs());
        while (running) {
            try {
                consumer = null;
                consumer = endpoint.createKafkaConsumer(properties());
                consumer.subscribe(List.of(endpoint.getTopic()), assignments.listener(consumer::commitSync));
                pollUntilStopped(backoff);
            } catch (WakeupException e) {
                if (running) {
                    log.warn("Consumer of {} woken up unexpectedly; rejoining", endpoint.getTopic(), e);
                }
            } catch (RuntimeException e) {
                failures.handleException("Consumer of " + endpoint.getTopic() + " failed; rejoining", e);
            } finally {
                consuming = false;
            }
            if (running) {
                closeQuietly();
                assignments.endAll();
                awaitStop(backoff.next());
            }
        }
        drainAndClose();
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoint.getBrokers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, endpoint.getGroupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, endpoint.getAutoOffsetReset());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, endpoint.getMaxPollRecords());
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, endpoint.getSessionTimeoutMs());
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(100, endpoint.getSessionTimeoutMs() / 3));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, endpoint.getClientId());
        // A member joining or leaving moves only the partitions it must, so only their turns are stopped.
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        return props;
    }

    private void pollUntilStopped(Backoff backoff) {
        while (running) {
            commitFinished();
            applyBackPressure();
            var records = consumer.poll(Duration.ofMillis(endpoint.getPollTimeoutMs()));
            consuming = true;
            backoff.reset();
            for (ConsumerRecord<String, byte[]> record : records) {
                Assignment assignment = assignments.of(new TopicPartition(record.topic(), record.partition()));
                offsets.received(assignment, record.offset());
                received.accept(new Turn(record, assignment));
            }
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

    private void awaitStop(long millis) {
        try {
            stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Running turns get the shutdown timeout to finish; those still running then are not committed. */
    private void drainAndClose() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(endpoint.getShutdownTimeoutMs(), TimeUnit.MILLISECONDS)) {
                assignments.stopTurns();
                workers.shutdownNow();
            }
            var committable = offsets.committable();
            if (consumer != null && !committable.isEmpty()) {
                consumer.commitSync(committable);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Final commit of {} failed; the unfinished records come again", endpoint.getTopic(), e);
        } finally {
            closeQuietly();
            assignments.endAll();
        }
    }

    private void closeQuietly() {
        try {
            if (consumer != null) {
                consumer.close(Duration.ofSeconds(5));
            }
        } catch (RuntimeException e) {
            log.debug("Closing the consumer of {} failed", endpoint.getTopic(), e);
        }
    }
}
