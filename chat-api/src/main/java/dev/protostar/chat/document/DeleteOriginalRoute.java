package dev.protostar.chat.document;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.minio.MinioConstants;
import org.springframework.stereotype.Component;

/** Removes a deleted document's archived original from the object store; the body is its object key. */
@Component
class DeleteOriginalRoute extends RouteBuilder {

    static final String ID = "delete-original";
    static final String URI = "direct:" + ID;

    @Override
    public void configure() {
        from(URI)
                .routeId(ID)
                .setHeader(MinioConstants.OBJECT_NAME, body())
                .to("minio:{{protostar.s3.bucket}}?operation=deleteObject");
    }
}
