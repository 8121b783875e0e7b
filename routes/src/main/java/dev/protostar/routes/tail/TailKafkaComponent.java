package dev.protostar.routes.tail;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/** The {@code kafka-tail} component; its brokers are set once, by the routes auto-configuration. */
@Component("kafka-tail")
public class TailKafkaComponent extends DefaultComponent {

    private String brokers = "127.0.0.1:9092";

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TailKafkaEndpoint endpoint = new TailKafkaEndpoint(uri, this, remaining);
        endpoint.setBrokers(brokers);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public String getBrokers() {
        return brokers;
    }

    public void setBrokers(String brokers) {
        this.brokers = brokers;
    }
}
