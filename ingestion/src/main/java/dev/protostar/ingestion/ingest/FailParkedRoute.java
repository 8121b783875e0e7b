package dev.protostar.ingestion.ingest;

import dev.protostar.ingestion.bucket.Bucket;
import dev.protostar.ingestion.bucket.ObjectKeys;
import dev.protostar.ingestion.progress.Progress;
import dev.protostar.kafka.Json;
import dev.protostar.kafka.MalformedMessageException;
import dev.protostar.kafka.Topics;
import dev.protostar.kafka.message.IngestProgress;
import dev.protostar.kafka.message.IngestRequest;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code ingest-requests-dlt} → a final {@code failed} event: whoever waits on an ingestion that could
 * not finish (its failure outlived the retries) hears why instead of waiting forever, and its file is set
 * aside under {@code failed/}, so it is not picked up again until an operator puts it back.
 */
@Component
class FailParkedRoute extends RouteBuilder {

    static final String ID = "fail-parked";

    private static final Logger log = LoggerFactory.getLogger(FailParkedRoute.class);

    private final Progress progress;
    private final Bucket bucket;
    private final EndedElsewhere ended;

    FailParkedRoute(Progress progress, Bucket bucket, EndedElsewhere ended) {
        this.progress = progress;
        this.bucket = bucket;
        this.ended = ended;
    }

    @Override
    public void configure() {
        from("kafka:{{protostar.topics.ingest-requests-dlt}}?groupId=" + ID)
                .routeId(ID)
                .process(this::fail);
    }

    private void fail(Exchange exchange) throws Exception {
        IngestRequest request;
        try {
            request = Json.read(exchange.getMessage().getBody(byte[].class), IngestRequest.class);
        } catch (MalformedMessageException e) {
            log.warn("Parked record is not an ingest request; nothing to report: {}", e.getMessage());
            return;
        }
        byte[] reason = exchange.getMessage().getHeader(Topics.DLT_REASON_HEADER, byte[].class);
        String key = request.objectKey();
        boolean told = progress.report(
                IngestProgress.failed(
                        request.ingestionId(),
                        "INTERNAL",
                        "Ingestion stopped on an internal error and was set aside for an operator ("
                                + (reason == null ? "no reason recorded" : new String(reason, StandardCharsets.UTF_8))
                                + ")."),
                () -> bucket.move(key, ObjectKeys.failed(key)));
        if (!told) {
            // Another owner stored it, or it was deleted, before the retries ran out: that outcome stands.
            ended.settle(request);
        }
    }
}
