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

    /** What happens between recording a stage and telling it, such as moving the file where the stage says. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    /** Records and publishes the stage; false, and nothing published, if the ingestion already ended otherwise. */
    public boolean report(IngestProgress progress) {
        if (!recorded(progress)) {
            return false;
        }
        publish(progress);
        return true;
    }

    /**
     * Records the stage, runs {@code then}, publishes it; false, and neither, if the ingestion already ended otherwise
     * (another owner finished it, or its document was deleted): a late report never overwrites a newer outcome.
     */
    public boolean report(IngestProgress progress, Step then) throws Exception {
        if (!recorded(progress)) {
            return false;
        }
        then.run();
        publish(progress);
        return true;
    }

    private boolean recorded(IngestProgress progress) {
        if (ingestions.update(progress)) {
            return true;
        }
        log.info(
                "Ingestion {} already ended; its late {} {} is dropped",
                progress.ingestionId(),
                progress.stage(),
                progress.code() == null ? "" : progress.code());
        return false;
    }

    /** Publishes a stage its row already holds (recorded by someone else, such as chat-api's delete). */
    public void publish(IngestProgress progress) {
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
