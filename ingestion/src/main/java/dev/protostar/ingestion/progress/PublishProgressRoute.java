package dev.protostar.ingestion.progress;

import dev.protostar.kafka.message.IngestProgress;
import dev.protostar.routes.KafkaRecord;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Progress onto {@code ingest-progress}, keyed by ingestion id so one ingestion's stages stay in order. */
@Component
class PublishProgressRoute extends RouteBuilder {

    static final String ID = "publish-progress";
    static final String URI = "direct:" + ID;

    @Override
    public void configure() {
        from(URI)
                .routeId(ID)
                .process(KafkaRecord.keyedBy(IngestProgress.class, IngestProgress::ingestionId))
                .to("kafka:{{protostar.topics.ingest-progress}}");
    }
}
