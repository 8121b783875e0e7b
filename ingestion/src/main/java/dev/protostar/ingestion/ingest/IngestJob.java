package dev.protostar.ingestion.ingest;

import dev.protostar.ingestion.chunk.Chunk;
import dev.protostar.ingestion.parse.ParsedDocument;
import dev.protostar.ingestion.store.Documents;
import dev.protostar.kafka.message.IngestRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;

/** One ingest request on its way through {@code ingest-document}, kept in the exchange variable {@value #VARIABLE}. */
final class IngestJob {

    static final String VARIABLE = "job";

    /**
     * Part of every content hash: bump it when parsing, chunking or embedding changes what a file becomes,
     * so the same bytes are indexed again instead of skipped as unchanged.
     */
    static final String INDEX_VERSION = "protostar-index-3";

    final IngestRequest request;
    final String fileName;
    UUID candidateId;
    long size;
    byte[] content;
    String contentHash;
    Optional<Documents.Current> current = Optional.empty();
    ParsedDocument parsed;
    List<Chunk> chunks;
    List<float[]> vectors;
    UUID documentId;

    IngestJob(IngestRequest request, String fileName) {
        this.request = request;
        this.fileName = fileName;
    }

    static IngestJob of(Exchange exchange) {
        return exchange.getVariable(VARIABLE, IngestJob.class);
    }

    String ingestionId() {
        return request.ingestionId();
    }

    /** The same bytes as the stored version: nothing to parse, embed or store. */
    boolean unchanged() {
        return current.map(c -> c.contentHash().equals(contentHash)).orElse(false);
    }
}
