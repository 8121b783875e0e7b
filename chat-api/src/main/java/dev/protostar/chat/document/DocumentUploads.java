package dev.protostar.chat.document;

import dev.protostar.chat.DocumentProperties;
import dev.protostar.chat.ingestion.Ingestions;
import dev.protostar.chat.problem.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

/**
 * The one way a file enters: its ingestion row first (stage {@code uploaded}, so progress and lists know it
 * at once), then its object in the inbox through {@code upload-document}. Whether the file is readable,
 * empty or of a known type is the ingestion service's call, answered as a {@code failed} event.
 */
@Component
public class DocumentUploads {

    private static final Logger log = LoggerFactory.getLogger(DocumentUploads.class);

    private final Ingestions ingestions;
    private final ProducerTemplate producer;
    private final DocumentProperties properties;

    DocumentUploads(Ingestions ingestions, ProducerTemplate producer, DocumentProperties properties) {
        this.ingestions = ingestions;
        this.producer = producer;
        this.properties = properties;
    }

    /**
     * Puts the file into the candidate's inbox and returns its ingestion id; 503 (and no row) if the object
     * store did not take it. The caller has checked that the candidate is the caller's.
     */
    public UUID upload(UUID candidateId, String fileName, String contentType, long size, InputStreamSource content) {
        String name = FileNames.sanitize(fileName);
        UUID ingestionId = UUID.randomUUID();
        String objectKey = "inbox/" + candidateId + "/" + ingestionId + "/" + name;
        ingestions.insertUploaded(ingestionId, candidateId, objectKey, name);
        try (InputStream in = content.getInputStream()) {
            producer.requestBody(UploadDocumentRoute.URI, new Upload(objectKey, ingestionId, contentType, size, in));
        } catch (IOException | RuntimeException e) {
            Throwable cause = e instanceof CamelExecutionException && e.getCause() != null ? e.getCause() : e;
            log.warn("Upload {} to {} failed: {}", ingestionId, objectKey, cause.toString());
            ingestions.delete(ingestionId);
            throw ApiProblem.unavailable(
                            "object-store-unavailable",
                            "The document store did not take the file; try again shortly.",
                            properties.retryAfter())
                    .with("gate", "object-store");
        }
        log.info("Uploaded {} as ingestion {} ({} bytes)", objectKey, ingestionId, size);
        return ingestionId;
    }

    /** Whether a file of this name (as it would be stored) was ever uploaded for the candidate. */
    public boolean uploadedBefore(UUID candidateId, String fileName) {
        return ingestions.exists(candidateId, FileNames.sanitize(fileName));
    }
}
