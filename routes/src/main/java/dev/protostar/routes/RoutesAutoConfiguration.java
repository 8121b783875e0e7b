package dev.protostar.routes;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/** The shared Camel plumbing every Protostar application gets: Kafka defaults and the dead-letter route. */
@AutoConfiguration
@PropertySource("classpath:protostar-routes.properties")
public class RoutesAutoConfiguration {

    @Bean
    DeadLetterConfiguration deadLetterConfiguration(@Value("${protostar.dead-letter.redeliveries}") int redeliveries) {
        return new DeadLetterConfiguration(redeliveries);
    }
}
