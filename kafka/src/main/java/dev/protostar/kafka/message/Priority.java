package dev.protostar.kafka.message;

/** Admission priority, highest first: a person waiting beats a batch job beats a replayed load test. */
public enum Priority {
    INTERACTIVE,
    BULK,
    REPLAY
}
