package dev.protostar.ingestion.watch;

import dev.protostar.ingestion.bucket.ObjectKeys;
import dev.protostar.kafka.message.IngestRequest;
import dev.protostar.routes.KafkaRecord;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.minio.MinioConstants;
import org.springframework.stereotype.Component;

/**
 * The inbox bucket → {@code ingest-requests}: every new object under {@code inbox/} (an upload or a bulk
 * drop, the same path) becomes exactly one request, however many ingestion instances watch the bucket —
 * the first to claim the object's key + etag in the shared Redis repository announces it, the others skip.
 * The claim is confirmed only once Kafka took the request ({@link AnnouncedObjects}): a crash in between never
 * loses the file. The object stays where it is; {@code ingest-document} moves it once it is done.
 */
@Component
class WatchDropsRoute extends RouteBuilder {

    static final String ID = "watch-drops";

    private final AnnouncedObjects announced;
    private final AnnounceDrop announce;

    WatchDropsRoute(AnnouncedObjects announced, AnnounceDrop announce) {
        this.announced = announced;
        this.announce = announce;
    }

    @Override
    public void configure() {
        from("minio:{{protostar.s3.bucket}}?prefix=" + ObjectKeys.INBOX
                        + "&recursive=true&includeBody=false&deleteAfterRead=false&moveAfterRead=false"
                        + "&delay={{protostar.ingestion.watch-delay-ms}}&maxMessagesPerPoll=100")
                .routeId(ID)
                .filter(exchange ->
                        !ObjectKeys.isFolder(exchange.getMessage().getHeader(MinioConstants.OBJECT_NAME, String.class)))
                .idempotentConsumer(
                        simple("${header." + MinioConstants.OBJECT_NAME + "}|${header." + MinioConstants.E_TAG + "}"),
                        announced)
                .process(announce)
                .process(KafkaRecord.keyedBy(IngestRequest.class, IngestRequest::candidateId))
                .to("kafka:{{protostar.topics.ingest-requests}}");
    }
}
