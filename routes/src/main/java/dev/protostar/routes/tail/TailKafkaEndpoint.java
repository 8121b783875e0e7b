package dev.protostar.routes.tail;

import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** {@code kafka-tail:topic?rewindMs=…}: every partition, no group, from a moment back in time. */
@UriEndpoint(
        scheme = "kafka-tail",
        title = "Kafka, broadcast tail",
        syntax = "kafka-tail:topic",
        consumerOnly = true,
        category = {Category.MESSAGING})
public class TailKafkaEndpoint extends DefaultEndpoint {

    @UriPath
    private final String topic;

    @UriParam
    private String brokers;

    @UriParam(defaultValue = "600000")
    private long rewindMs = 600_000;

    @UriParam(defaultValue = "100")
    private long pollTimeoutMs = 100;

    TailKafkaEndpoint(String uri, Component component, String topic) {
        super(uri, component);
        this.topic = topic;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("kafka-tail only consumes");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        TailKafkaConsumer consumer = new TailKafkaConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
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

    public long getRewindMs() {
        return rewindMs;
    }

    public void setRewindMs(long rewindMs) {
        this.rewindMs = rewindMs;
    }

    public long getPollTimeoutMs() {
        return pollTimeoutMs;
    }

    public void setPollTimeoutMs(long pollTimeoutMs) {
        this.pollTimeoutMs = pollTimeoutMs;
    }
}
