package dev.protostar.chat.document;

import io.minio.PutObjectArgs;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * An uploaded file into the inbox, as {@code inbox/{candidateId}/{ingestionId}/{fileName}} with the
 * ingestion id in its metadata (ASCII only there; the UTF-8 name is in the key), where the ingestion service
 * picks it up. The content is streamed with its known size; the endpoint creates the bucket if it is missing.
 */
@Component
class UploadDocumentRoute extends RouteBuilder {

    static final String ID = "upload-document";
    static final String URI = "direct:" + ID;

    /** User metadata the ingestion service reads the ingestion id from (S3 sends it as x-amz-meta-…). */
    static final String INGESTION_ID_METADATA = "protostar-ingestion-id";

    private static final String OCTET_STREAM = "application/octet-stream";

    private final S3Properties s3;

    UploadDocumentRoute(S3Properties s3) {
        this.s3 = s3;
    }

    @Override
    public void configure() {
        from(URI)
                .routeId(ID)
                .process(exchange -> {
                    Upload upload = exchange.getMessage().getMandatoryBody(Upload.class);
                    exchange.getMessage().setBody(put(upload));
                })
                .to("minio:{{protostar.s3.bucket}}?pojoRequest=true&autoCreateBucket=true");
    }

    private PutObjectArgs.Builder put(Upload upload) {
        // Part size -1: the client picks it from the known size, so it buffers at most one part.
        PutObjectArgs.Builder put = PutObjectArgs.builder().bucket(s3.bucket()).object(upload.objectKey()).stream(
                        upload.content(), upload.size(), -1)
                .userMetadata(Map.of(INGESTION_ID_METADATA, upload.ingestionId().toString()));
        try {
            return put.contentType(upload.contentType() == null ? OCTET_STREAM : upload.contentType());
        } catch (IllegalArgumentException e) {
            // What the client claimed is not a media type; the ingestion service detects the type anyway.
            return put.contentType(OCTET_STREAM);
        }
    }
}
