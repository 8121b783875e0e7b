package dev.protostar.routes;

import org.apache.camel.Exchange;

/**
 * Told of every record {@link DeadLetterConfiguration} parks, after it is on the DLT: where somebody waits for
 * the record's outcome (a client for a turn's final event), parking it must also tell them.
 */
public interface ParkedRecords {

    /** {@code exchange} holds the record as it arrived and the failure in {@link Exchange#EXCEPTION_CAUGHT}. */
    void parked(Exchange exchange);
}
