package dev.protostar.routes;

import dev.protostar.routes.keyed.KeyedKafkaComponent;
import dev.protostar.routes.tail.TailKafkaComponent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/**
 * The shared Camel plumbing every Protostar application gets: Kafka defaults, the {@code kafka-keyed} and
 * {@code kafka-tail} components pointed at the same brokers, and the dead-letter route configuration.
 */
@AutoConfiguration
@PropertySource("classpath:protostar-routes.properties")
public class RoutesAutoConfiguration {

    @Bean("kafka-keyed")
    KeyedKafkaComponent keyedKafkaComponent(
            @Value("${protostar.kafka.bootstrap-servers}") String brokers,
            @Value("${protostar.kafka.keyed.backoff-ms}") long backoffMs,
            @Value("${protostar.kafka.keyed.max-backoff-ms}") long maxBackoffMs) {
        KeyedKafkaComponent component = new KeyedKafkaComponent();
        component.setBrokers(brokers);
        component.setBackoffMs(backoffMs);
        component.setMaxBackoffMs(maxBackoffMs);
        return component;
    }

    @Bean("kafka-tail")
    TailKafkaComponent tailKafkaComponent(@Value("${protostar.kafka.bootstrap-servers}") String brokers) {
        TailKafkaComponent component = new TailKafkaComponent();
        component.setBrokers(brokers);
        return component;
    }

    @Bean
    DeadLetterConfiguration deadLetterConfiguration(
            @Value("${protostar.dead-letter.redeliveries}") int redeliveries, ObjectProvider<ParkedRecords> listeners) {
        return new DeadLetterConfiguration(
                redeliveries, listeners.orderedStream().toList());
    }
}
