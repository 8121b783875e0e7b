package dev.protostar.routes;

import dev.protostar.kafka.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Publishes the topic catalog as properties ({@code protostar.topics.chat-requests=chat-requests}), so
 * routes write {@code kafka:{{protostar.topics.chat-requests}}} and the names stay declared once.
 */
public class TopicProperties implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> names = new LinkedHashMap<>();
        Topics.ALL.forEach(topic -> names.put("protostar.topics." + topic.name(), topic.name()));
        environment.getPropertySources().addLast(new MapPropertySource("protostar-topics", names));
    }
}
