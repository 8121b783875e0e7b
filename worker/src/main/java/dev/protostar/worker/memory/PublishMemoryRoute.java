package dev.protostar.worker.memory;

import dev.protostar.kafka.message.MemoryUpdate;
import dev.protostar.routes.KafkaRecord;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** A recorded turn onto {@code session-memory}, keyed by session. */
@Component
class PublishMemoryRoute extends RouteBuilder {

    static final String ID = "publish-memory";
    static final String URI = "direct:" + ID;

    @Override
    public void configure() {
        from(URI)
                .routeId(ID)
                .process(KafkaRecord.keyedBy(MemoryUpdate.class, MemoryUpdate::sessionId))
                .to("kafka:{{protostar.topics.session-memory}}");
    }
}
