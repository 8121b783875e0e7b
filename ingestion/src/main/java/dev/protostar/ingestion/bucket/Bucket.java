package dev.protostar.ingestion.bucket;

import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The few object operations ingestion needs beyond the watch route's listing: stat, read, move. */
@Component
public class Bucket {

    /** User metadata an upload carries: the ingestion id its uploader already handed out. */
    public static final String INGESTION_ID_METADATA = "protostar-ingestion-id";

    public record ObjectInfo(String key, long size, String etag, Map<String, String> metadata) {}

    private final MinioClient client;
    private final String bucket;

    Bucket(MinioClient client, BucketProperties properties) {
        this.client = client;
        this.bucket = properties.bucket();
    }

    public String name() {
        return bucket;
    }

    /** The object's size, etag and user metadata; empty if it is gone. */
    public Optional<ObjectInfo> stat(String key) throws Exception {
        try {
            StatObjectResponse stat = client.statObject(
                    StatObjectArgs.builder().bucket(bucket).object(key).build());
            return Optional.of(new ObjectInfo(key, stat.size(), stat.etag(), stat.userMetadata()));
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** At most {@code limit} bytes of the object; callers check the size first. */
    public byte[] read(String key, long limit) throws Exception {
        try (InputStream in = client.getObject(
                GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        }
    }

    /**
     * Copies then removes (S3 has no rename); a copy already made by an earlier try is simply made again. False if
     * the object is gone: another owner of the same ingestion moved it first.
     */
    public boolean move(String from, String to) throws Exception {
        try {
            client.copyObject(CopyObjectArgs.builder()
                    .bucket(bucket)
                    .object(to)
                    .source(CopySource.builder().bucket(bucket).object(from).build())
                    .build());
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return false;
            }
            throw e;
        }
        remove(from);
        return true;
    }

    /** Removes the object; one already gone is no error. */
    public void remove(String key) throws Exception {
        client.removeObject(
                RemoveObjectArgs.builder().bucket(bucket).object(key).build());
    }
}
