package dev.protostar.ingestion.ingest;

import dev.protostar.ingestion.parse.UnreadableDocumentException;
import dev.protostar.routes.DeadLetterConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code ingest-requests} → the document's chunks in PostgreSQL, each stage reported on
 * {@code ingest-progress}: fetch → (unless the same bytes are stored already) parse → chunk → embed →
 * store → archive. A file that cannot be read ends {@code failed} with a reason and is moved under
 * {@code failed/}; a record that is not a request, or a failure that survives the retries, is parked on
 * {@code ingest-requests-dlt}. Requests are keyed by candidate: one candidate's files are ingested in
 * order, different candidates' concurrently.
 */
@Component
class IngestDocumentRoute extends RouteBuilder {

    static final String ID = "ingest-document";

    private final IngestStages stages;

    IngestDocumentRoute(IngestStages stages) {
        this.stages = stages;
    }

    @Override
    public void configure() {
        from("kafka-keyed:{{protostar.topics.ingest-requests}}?groupId=ingest-document"
                        + "&clientId={{protostar.ingestion.id}}"
                        + "&maxInFlight={{protostar.ingestion.max-in-flight}}")
                .routeId(ID)
                .routeConfigurationId(DeadLetterConfiguration.ID)
                .onException(UnreadableDocumentException.class)
                .handled(true)
                .process(stages.refuse())
                .end()
                .process(stages.read())
                .process(stages.fetch())
                .choice()
                .when(exchange -> IngestJob.of(exchange).unchanged())
                .process(stages.keep())
                .otherwise()
                .process(stages.parse())
                .process(stages.chunk())
                .process(stages.embed())
                .process(stages.store())
                .end()
                .process(stages.archive());
    }
}
