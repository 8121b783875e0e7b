package dev.protostar.ingestion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Policy numbers of ingestion (protostar.ingestion.*); application.yml says why each default.
 *
 * @param maxFileSize larger files are refused before they are read (the upload endpoint uses the same number)
 * @param maxInFlight documents ingested at once by one instance (parsing and embedding are CPU-bound)
 * @param announceMemory how long an announced object (key + etag) is remembered, so it is announced once
 * @param announceClaim how long an object taken for announcing is held before its request is confirmed sent; an
 *     instance that died in between lets go after this, and another announces the object
 * @param chunkTokens the size a chunk grows to before a new one starts
 * @param maxChunkTokens no chunk is longer: a longer paragraph is split at sentence ends
 */
@ConfigurationProperties("protostar.ingestion")
public record IngestionProperties(
        DataSize maxFileSize,
        int maxInFlight,
        Duration announceMemory,
        Duration announceClaim,
        int chunkTokens,
        int maxChunkTokens) {}
