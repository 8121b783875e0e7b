package dev.protostar.routes.keyed;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/** The {@code kafka-keyed} component; its brokers are set once, by the routes auto-configuration. */
@Component("kafka-keyed")
public class KeyedKafkaComponent extends DefaultComponent {

    private String brokers = "127.0.0.1:9092";

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KeyedKafkaEndpoint endpoint = new KeyedKafkaEndpoint(uri, this, remaining);
        endpoint.setBrokers(brokers);
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
}
