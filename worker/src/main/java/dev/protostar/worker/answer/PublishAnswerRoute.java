package dev.protostar.worker.answer;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Answer events onto {@code chat-results}, keyed by session; returns once the broker has them. */
@Component
class PublishAnswerRoute extends RouteBuilder {

    static final String ID = "publish-answer";
    static final String URI = "direct:" + ID;

    @Override
    public void configure() {
        from(URI).routeId(ID).to("kafka:{{protostar.topics.chat-results}}");
    }
}
