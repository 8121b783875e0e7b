package dev.protostar.ingestion.progress;

import dev.protostar.ingestion.store.Ingestions;
import dev.protostar.kafka.message.IngestProgress;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reports an ingestion's stage: onto {@code ingest-progress} for live streams, and into its
 * {@code ingestion} row for anyone who asks after the topic has forgotten.
 */
@Component
public class Progress {

    private static final Logger log = LoggerFactory.getLogger(Progress.class);

    private final ProducerTemplate producer;
    private final Ingestions ingestions;

    Progress(ProducerTemplate producer, Ingestions ingestions) {
        this.producer = producer;
        this.ingestions = ingestions;
    }

    public void report(IngestProgress progress) {
        ingestions.update(progress);
        producer.sendBody(PublishProgressRoute.URI, progress);
        if (IngestProgress.FAILED.equals(progress.stage())) {
            log.info("Ingestion {} failed: {}", progress.ingestionId(), progress.reason());
        } else if (progress.isFinal()) {
            log.info(
                    "Ingestion {} stored document {} ({} chunks)",
                    progress.ingestionId(),
                    progress.documentId(),
                    progress.total());
        }
    }
}
