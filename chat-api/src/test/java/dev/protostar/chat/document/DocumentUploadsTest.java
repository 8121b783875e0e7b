package dev.protostar.chat.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.protostar.chat.DocumentProperties;
import dev.protostar.chat.ingestion.Ingestions;
import dev.protostar.chat.problem.ApiProblem;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ConnectException;
import java.time.Duration;
import java.util.UUID;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class DocumentUploadsTest {

    private final Ingestions ingestions = mock(Ingestions.class);
    private final ProducerTemplate producer = mock(ProducerTemplate.class);
    private final DocumentUploads uploads = new DocumentUploads(
            ingestions,
            producer,
            new DocumentProperties(
                    DataSize.ofMegabytes(20), 50, Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(5)));
    private final UUID candidate = UUID.randomUUID();

    @Test
    void the_row_is_written_before_the_object_under_the_sanitized_name() {
        UUID ingestionId = uploads.upload(candidate, "C:\\docs\\이력서.pdf", "application/pdf", 3, this::content);

        String key = "inbox/" + candidate + "/" + ingestionId + "/이력서.pdf";
        var inOrder = inOrder(ingestions, producer);
        inOrder.verify(ingestions).insertUploaded(ingestionId, candidate, key, "이력서.pdf");
        ArgumentCaptor<Upload> upload = ArgumentCaptor.forClass(Upload.class);
        inOrder.verify(producer).requestBody(eq(UploadDocumentRoute.URI), upload.capture());
        assertThat(upload.getValue().objectKey()).isEqualTo(key);
        assertThat(upload.getValue().ingestionId()).isEqualTo(ingestionId);
        assertThat(upload.getValue().size()).isEqualTo(3);
    }

    @Test
    void a_store_that_refuses_the_file_takes_the_row_back_and_answers_503_with_retry_after() {
        when(producer.requestBody(eq(UploadDocumentRoute.URI), any(Upload.class)))
                .thenThrow(new CamelExecutionException("put failed", null, new ConnectException("refused")));

        ApiProblem problem = catchThrowableOfType(
                ApiProblem.class, () -> uploads.upload(candidate, "cv.pdf", null, 3, this::content));

        assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        ArgumentCaptor<UUID> inserted = ArgumentCaptor.forClass(UUID.class);
        verify(ingestions).insertUploaded(inserted.capture(), eq(candidate), any(), eq("cv.pdf"));
        verify(ingestions).delete(inserted.getValue());
    }

    private InputStream content() {
        return new ByteArrayInputStream(new byte[] {1, 2, 3});
    }
}
