package dev.protostar.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Policy numbers of documents and their ingestion progress (protostar.documents.*); application.yml says
 * why each default.
 *
 * @param maxFileSize largest file accepted for one document (the ingestion service holds bulk drops to it too)
 * @param recentIngestions how many of a candidate's latest ingestions the list shows
 * @param progressRewind how far back a freshly started instance reads ingestion progress
 * @param progressMemory how long an ingestion nobody watches stays in memory after its last event
 * @param retryAfter what a client is told to wait when the object store did not take a file
 */
@ConfigurationProperties("protostar.documents")
public record DocumentProperties(
        DataSize maxFileSize,
        int recentIngestions,
        Duration progressRewind,
        Duration progressMemory,
        Duration retryAfter) {}
