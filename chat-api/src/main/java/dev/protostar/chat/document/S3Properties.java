package dev.protostar.chat.document;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The S3-compatible object store (protostar.s3.*): one bucket with the prefixes {@code inbox/} (new files),
 * {@code archive/} (ingested originals) and {@code failed/} (refused files). The minio component gets the
 * same endpoint and keys through {@code camel.component.minio.*}.
 */
@ConfigurationProperties("protostar.s3")
record S3Properties(String endpoint, String accessKey, String secretKey, String bucket, String region) {}
