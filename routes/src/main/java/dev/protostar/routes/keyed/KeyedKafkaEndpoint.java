package dev.protostar.routes.keyed;

import java.util.Properties;
import java.util.function.Function;
import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code kafka-keyed:topic?groupId=…&maxInFlight=…}: consume a topic in a group, records of different
 * keys concurrently, one at a time per key. Consumer only; produce with the {@code kafka} component.
 */
@UriEndpoint(
        scheme = "kafka-keyed",
        title = "Kafka, key-ordered parallel",
        syntax = "kafka-keyed:topic",
        consumerOnly = true,
        category = {Category.MESSAGING})
public class KeyedKafkaEndpoint extends DefaultEndpoint {

    /**
     * Exchange property: an {@code AtomicBoolean} that turns false when this consumer loses the record's
     * partition; long-running work checks it and stops, since the new owner processes the record again.
     */
    public static final String OWNED = "protostar.kafka.owned";

    @UriPath
    private final String topic;

    @UriParam
    private String brokers;

    @UriParam
    private String groupId;

    @UriParam
    private String clientId;

    @UriParam(defaultValue = "256")
    private int maxInFlight = 256;

    @UriParam(defaultValue = "100")
    private int maxPollRecords = 100;

    @UriParam(defaultValue = "200")
    private long pollTimeoutMs = 200;

    @UriParam(defaultValue = "10000")
    private int sessionTimeoutMs = 10_000;

    @UriParam(defaultValue = "earliest")
    private String autoOffsetReset = "earliest";

    @UriParam(defaultValue = "10000")
    private long shutdownTimeoutMs = 10_000;

    @UriParam(defaultValue = "500")
    private long backoffMs = 500;

    @UriParam(defaultValue = "30000")
    private long maxBackoffMs = 30_000;

    private Function<Properties, org.apache.kafka.clients.consumer.Consumer<String, byte[]>> kafkaConsumers =
            props -> new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());

    KeyedKafkaEndpoint(String uri, Component component, String topic) {
        super(uri, component);
        this.topic = topic;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("kafka-keyed only consumes; produce with the kafka component");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        KeyedKafkaConsumer consumer = new KeyedKafkaConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** A new Kafka consumer for one round of the poll loop. */
    org.apache.kafka.clients.consumer.Consumer<String, byte[]> createKafkaConsumer(Properties props) {
        return kafkaConsumers.apply(props);
    }

    /** Tests wrap the real Kafka consumer to inject faults the broker cannot be made to produce on cue. */
    void setKafkaConsumers(
            Function<Properties, org.apache.kafka.clients.consumer.Consumer<String, byte[]>> kafkaConsumers) {
        this.kafkaConsumers = kafkaConsumers;
    }

    public String getTopic() {
        return topic;
    }

    public String getBrokers() {
        return brokers;
    }

    public void setBrokers(String brokers) {
        this.brokers = brokers;
    }

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    /** How this member shows in the consumer group; defaults to groupId-pid. */
    public String getClientId() {
        return clientId != null
                ? clientId
                : groupId + "-" + ProcessHandle.current().pid();
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public int getMaxPollRecords() {
        return maxPollRecords;
    }

    public void setMaxPollRecords(int maxPollRecords) {
        this.maxPollRecords = maxPollRecords;
    }

    public long getPollTimeoutMs() {
        return pollTimeoutMs;
    }

    public void setPollTimeoutMs(long pollTimeoutMs) {
        this.pollTimeoutMs = pollTimeoutMs;
    }

    public int getSessionTimeoutMs() {
        return sessionTimeoutMs;
    }

    public void setSessionTimeoutMs(int sessionTimeoutMs) {
        this.sessionTimeoutMs = sessionTimeoutMs;
    }

    public String getAutoOffsetReset() {
        return autoOffsetReset;
    }

    public void setAutoOffsetReset(String autoOffsetReset) {
        this.autoOffsetReset = autoOffsetReset;
    }

    public long getShutdownTimeoutMs() {
        return shutdownTimeoutMs;
    }

    public void setShutdownTimeoutMs(long shutdownTimeoutMs) {
        this.shutdownTimeoutMs = shutdownTimeoutMs;
    }

    /** The first wait after a failure the consumer cannot skip: a record not even dead-lettered, a failed poll loop. */
    public long getBackoffMs() {
        return backoffMs;
    }

    public void setBackoffMs(long backoffMs) {
        this.backoffMs = backoffMs;
    }

    /** The longest such wait; the waits double up to it. */
    public long getMaxBackoffMs() {
        return maxBackoffMs;
    }

    public void setMaxBackoffMs(long maxBackoffMs) {
        this.maxBackoffMs = maxBackoffMs;
    }
}
