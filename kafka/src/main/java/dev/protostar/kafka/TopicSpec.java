package dev.protostar.kafka;

import java.util.Map;

/** A topic as the catalog declares it: name, partition count and topic-level configs. */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    public static TopicSpec of(String name, int partitions, Map<String, String> configs) {
        return new TopicSpec(name, partitions, Map.copyOf(configs));
    }

    /** The dead-letter topic of this one: same name with {@code -dlt}, same partitions, kept longer. */
    public TopicSpec deadLetter() {
        return of(name + "-dlt", partitions, Map.of("retention.ms", String.valueOf(30 * 86_400_000L)));
    }
}
