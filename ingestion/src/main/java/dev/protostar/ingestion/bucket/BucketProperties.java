package dev.protostar.ingestion.bucket;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The S3-compatible object store (protostar.s3.*), from PROTOSTAR_S3_* with local defaults. */
@ConfigurationProperties("protostar.s3")
public record BucketProperties(String endpoint, String accessKey, String secretKey, String bucket, String region) {}
