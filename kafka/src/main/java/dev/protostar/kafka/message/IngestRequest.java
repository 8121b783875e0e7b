package dev.protostar.kafka.message;

import java.time.Instant;

/** An object in the inbox bucket to ingest, on {@code ingest-requests} keyed by candidate. */
public record IngestRequest(
        String ingestionId, String candidateId, String bucket, String objectKey, String etag, Instant at) {}
