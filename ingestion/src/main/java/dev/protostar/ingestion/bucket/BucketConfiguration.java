package dev.protostar.ingestion.bucket;

import io.minio.MinioClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One MinIO client for the whole application; camel-minio's endpoints pick it up by autowiring (and the
 * watch endpoint creates the bucket if it is missing).
 */
@Configuration
class BucketConfiguration {

    @Bean
    MinioClient minioClient(BucketProperties properties) {
        return MinioClient.builder()
                .endpoint(properties.endpoint())
                .credentials(properties.accessKey(), properties.secretKey())
                .region(properties.region())
                .build();
    }
}
