package dev.protostar.routes.keyed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class KeyedKafkaEndpointTest {

    @Test
    void takes_its_options_from_the_uri_and_brokers_from_the_component() throws Exception {
        try (var camel = new DefaultCamelContext()) {
            KeyedKafkaComponent component = new KeyedKafkaComponent();
            component.setBrokers("127.0.0.1:1234");
            camel.addComponent("kafka-keyed", component);

            var endpoint = camel.getEndpoint(
                    "kafka-keyed:chat-requests?groupId=g&clientId=worker-1&maxInFlight=7&sessionTimeoutMs=3000",
                    KeyedKafkaEndpoint.class);

            assertThat(endpoint.getTopic()).isEqualTo("chat-requests");
            assertThat(endpoint.getBrokers()).isEqualTo("127.0.0.1:1234");
            assertThat(endpoint.getGroupId()).isEqualTo("g");
            assertThat(endpoint.getClientId()).isEqualTo("worker-1");
            assertThat(endpoint.getMaxInFlight()).isEqualTo(7);
            assertThat(endpoint.getSessionTimeoutMs()).isEqualTo(3000);
        }
    }

    @Test
    void refuses_an_endpoint_without_a_group() throws Exception {
        try (var camel = new DefaultCamelContext()) {
            camel.addComponent("kafka-keyed", new KeyedKafkaComponent());
            assertThatThrownBy(() -> camel.getEndpoint("kafka-keyed:t")).hasStackTraceContaining("groupId");
        }
    }
}
