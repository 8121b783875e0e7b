package dev.protostar.chat.document;

import dev.protostar.chat.DocumentProperties;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring's multipart limits from the one document limit ({@code protostar.documents.max-file-size}), so an
 * oversized upload is refused while it is read (413), never stored. Parts go to disk as they arrive:
 * memory holds no file.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    /** Boundaries and part headers around one file are a few hundred bytes; this leaves room for a few fields. */
    private static final long FRAMING = 64 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(DocumentProperties documents) {
        long maxFileSize = documents.maxFileSize().toBytes();
        return new MultipartConfigElement("", maxFileSize, maxFileSize + FRAMING, 0);
    }
}
