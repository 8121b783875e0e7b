package dev.protostar.routes.keyed;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record received, with the assignment it was received under: its turn finishes under that one only. */
record Turn(ConsumerRecord<String, byte[]> record, Assignment assignment) {

    /** The turn's lane: its key; a record without a key is a lane of its own. */
    String lane() {
        return record.key() != null ? record.key() : "\0" + record.partition() + ":" + record.offset();
    }

    long offset() {
        return record.offset();
    }
}
