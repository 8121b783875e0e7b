package dev.protostar.routes.tail;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of a topic without a consumer group (each instance sees everything), starting
 * {@code rewindMs} back in time so an instance that just started knows the turns already running.
 * Records go through the route one by one, in partition order.
 */
final class TailKafkaConsumer extends DefaultConsumer {

    private static final Logger log = LoggerFactory.getLogger(TailKafkaConsumer.class);

    private final TailKafkaEndpoint endpoint;
    private final AtomicBoolean running = new AtomicBoolean();
    private KafkaConsumer<String, byte[]> consumer;
    private Thread poller;

    TailKafkaConsumer(TailKafkaEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoint.getBrokers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(endpoint.getTopic()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        rewind(partitions);
        running.set(true);
        poller = Thread.ofPlatform()
                .name("kafka-tail-" + endpoint.getTopic())
                .daemon()
                .start(this::pollLoop);
    }

    private void rewind(List<TopicPartition> partitions) {
        long since = System.currentTimeMillis() - endpoint.getRewindMs();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, since));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        List<TopicPartition> none =
                partitions.stream().filter(p -> found.get(p) == null).toList();
        found.forEach((p, at) -> {
            if (at != null) {
                consumer.seek(p, at.offset());
            }
        });
        consumer.seekToEnd(none);
    }

    @Override
    protected void doStop() throws Exception {
        running.set(false);
        if (consumer != null) {
            consumer.wakeup();
        }
        if (poller != null) {
            poller.join(Duration.ofSeconds(10));
        }
        super.doStop();
    }

    private void pollLoop() {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(Duration.ofMillis(endpoint.getPollTimeoutMs()))) {
                    deliver(record);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                log.warn("Tail of {} woken up unexpectedly", endpoint.getTopic(), e);
            }
        } catch (RuntimeException e) {
            getExceptionHandler().handleException("Tail of " + endpoint.getTopic() + " stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void deliver(ConsumerRecord<String, byte[]> record) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(record.value());
            exchange.getMessage().setHeader(KafkaConstants.KEY, record.key());
            exchange.getMessage().setHeader(KafkaConstants.TOPIC, record.topic());
            exchange.getMessage().setHeader(KafkaConstants.PARTITION, record.partition());
            exchange.getMessage().setHeader(KafkaConstants.OFFSET, record.offset());
            exchange.getMessage().setHeader(KafkaConstants.TIMESTAMP, record.timestamp());
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Record failed", exchange, exchange.getException());
            }
        } catch (Exception e) {
            getExceptionHandler().handleException("Record failed", exchange, e);
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
