package dev.protostar.routes.keyed;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/** The {@code kafka-keyed} component; its brokers and back-offs are set once, by the routes auto-configuration. */
@Component("kafka-keyed")
public class KeyedKafkaComponent extends DefaultComponent {

    private String brokers = "127.0.0.1:9092";
    private long backoffMs = 500;
    private long maxBackoffMs = 30_000;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KeyedKafkaEndpoint endpoint = new KeyedKafkaEndpoint(uri, this, remaining);
        endpoint.setBrokers(brokers);
        endpoint.setBackoffMs(backoffMs);
        endpoint.setMaxBackoffMs(maxBackoffMs);
        setProperties(endpoint, parameters);
        if (endpoint.getGroupId() == null) {
            throw new IllegalArgumentException("kafka-keyed needs a groupId: " + uri);
        }
        return endpoint;
    }

    public String getBrokers() {
        return brokers;
    }

    public void setBrokers(String brokers) {
        this.brokers = brokers;
    }

    public long getBackoffMs() {
        return backoffMs;
    }

    public void setBackoffMs(long backoffMs) {
        this.backoffMs = backoffMs;
    }

    public long getMaxBackoffMs() {
        return maxBackoffMs;
    }

    public void setMaxBackoffMs(long maxBackoffMs) {
        this.maxBackoffMs = maxBackoffMs;
    }
}
