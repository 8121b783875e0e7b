package dev.protostar.loadtest.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.protostar.kafka.Json;
import dev.protostar.kafka.Topics;
import dev.protostar.kafka.message.IngestProgress;
import dev.protostar.loadtest.sim.SimulatorConfig;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document side of chat-api over real parts: uploads land in the object store's inbox with their
 * ingestion id, progress published on {@code ingest-progress} streams to clients in order and resumes by
 * cursor, documents are listed and deleted, the demo is seeded once. The ingestion service is not running:
 * the test publishes its progress events itself.
 */
class DocumentUploadIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long LIMIT = 1024 * 1024;
    private static final String DEMO_CANDIDATE = "Demo Park Seoyeon";
    private static final Map<String, String> ENV = Map.of(
            "PROTOSTAR_MAX_FILE_SIZE",
            "1MB",
            "PROTOSTAR_DEMO",
            "true",
            "PROTOSTAR_DEMO_LOCATION",
            Path.of("src/test/resources/demo").toAbsolutePath().toUri().toString());

    private static Stack stack;
    private static ApiClient api;
    private static KafkaProducer<String, byte[]> progress;

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.start(SimulatorConfig.defaults().withPort(0));
        api = stack.chatApi("documents-chat-api", ENV);
        progress = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    static void stop() throws Exception {
        if (progress != null) {
            progress.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void an_upload_is_accepted_and_lands_in_the_inbox_under_its_name_with_its_ingestion_id() throws Exception {
        String candidateId = api.createCandidate(stack.adminKey, "Upload " + UUID.randomUUID());
        byte[] content = "경력: 한빛페이 결제 플랫폼".getBytes(StandardCharsets.UTF_8);

        var reply = upload(candidateId, stack.adminKey, "이력서.pdf", content);

        assertThat(reply.status()).isEqualTo(202);
        String ingestionId = reply.body().get("ingestionId").asText();
        assertThat(reply.raw().headers().firstValue("Location"))
                .hasValue("/api/v1/ingestions/" + ingestionId + "/events");
        String key = "inbox/" + candidateId + "/" + ingestionId + "/이력서.pdf";
        StatObjectResponse object = stat(key);
        assertThat(object.userMetadata()).containsEntry("protostar-ingestion-id", ingestionId);
        assertThat(object.size()).isEqualTo(content.length);
        assertThat(read(key)).isEqualTo(content);
        assertThat(row("SELECT stage || ' ' || file_name || ' ' || object_key FROM ingestion WHERE id = '" + ingestionId
                        + "'"))
                .isEqualTo("uploaded 이력서.pdf " + key);

        JsonNode recent = expect(api.get("/api/v1/candidates/" + candidateId + "/ingestions", stack.recruiterKey), 200);
        assertThat(recent).hasSize(1);
        assertThat(recent.get(0).get("ingestionId").asText()).isEqualTo(ingestionId);
        assertThat(recent.get(0).get("fileName").asText()).isEqualTo("이력서.pdf");
        assertThat(recent.get(0).get("stage").asText()).isEqualTo("uploaded");
    }

    @Test
    void a_file_of_exactly_the_limit_is_accepted_and_stored_whole() throws Exception {
        String candidateId = api.createCandidate(stack.adminKey, "Limit " + UUID.randomUUID());
        byte[] content = new byte[(int) LIMIT];
        Arrays.fill(content, (byte) 'x');

        var reply = upload(candidateId, stack.adminKey, "portfolio.pdf", content);

        assertThat(reply.status()).isEqualTo(202);
        String key =
                "inbox/" + candidateId + "/" + reply.body().get("ingestionId").asText() + "/portfolio.pdf";
        assertThat(stat(key).size()).isEqualTo(LIMIT);
    }

    @Test
    void a_file_over_the_limit_is_refused_with_413_problem_json_that_says_the_limit() throws Exception {
        String candidateId = api.createCandidate(stack.adminKey, "Oversize " + UUID.randomUUID());

        var reply = upload(candidateId, stack.adminKey, "scan.pdf", new byte[(int) LIMIT + 1]);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(reply.body().get("detail").asText()).contains("1 MB");
        assertThat(reply.body().get("maxFileSizeBytes").asLong()).isEqualTo(LIMIT);
        assertThat(inbox(candidateId)).isEmpty();
        assertThat(row("SELECT count(*) FROM ingestion WHERE candidate_id = '" + candidateId + "'"))
                .isEqualTo("0");
    }

    @Test
    void a_recruiter_may_not_upload() throws Exception {
        String candidateId = api.createCandidate(stack.adminKey, "Recruiter " + UUID.randomUUID());

        var reply = upload(candidateId, stack.recruiterKey, "cv.pdf", new byte[] {1, 2, 3});

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(inbox(candidateId)).isEmpty();
    }

    @Test
    void another_tenants_or_an_unknown_candidate_is_not_found() throws Exception {
        String foreign = foreignCandidate();

        for (String candidateId : List.of(foreign, UUID.randomUUID().toString())) {
            var reply = upload(candidateId, stack.adminKey, "cv.pdf", new byte[] {1});
            assertThat(reply.status()).as(candidateId).isEqualTo(404);
            assertThat(reply.body().get("detail").asText()).contains("No candidate");
            assertThat(api.get("/api/v1/candidates/" + candidateId + "/documents", stack.adminKey)
                            .status())
                    .isEqualTo(404);
            assertThat(api.get("/api/v1/candidates/" + candidateId + "/ingestions", stack.adminKey)
                            .status())
                    .isEqualTo(404);
        }
        // an id that is no UUID is refused before any lookup (docs/security.md: ids are canonical or 400)
        assertThat(upload("not-an-id", stack.adminKey, "cv.pdf", new byte[] {1}).status())
                .isEqualTo(400);
        assertThat(inbox(foreign)).isEmpty();
    }

    @Test
    void a_request_without_a_file_part_is_a_bad_request() throws Exception {
        String candidateId = api.createCandidate(stack.adminKey, "No file " + UUID.randomUUID());

        var wrongField = api.upload(
                "/api/v1/candidates/" + candidateId + "/documents", stack.adminKey, "document", "cv.pdf", new byte[1]);
        var notMultipart =
                api.post("/api/v1/candidates/" + candidateId + "/documents", stack.adminKey, Map.of("file", "cv"));

        assertThat(wrongField.status()).isEqualTo(400);
        assertThat(wrongField.body().get("detail").asText()).contains("'file'");
        assertThat(notMultipart.status()).isEqualTo(400);
        assertThat(notMultipart.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void progress_streams_in_order_ends_after_stored_and_a_cursor_resumes_with_only_the_rest() throws Exception {
        String ingestionId = uploadedIngestion();
        String documentId = UUID.randomUUID().toString();
        List<IngestProgress> stages = List.of(
                stage(ingestionId, "received", 0, 0),
                stage(ingestionId, "parsed", 0, 0),
                stage(ingestionId, "chunked", 0, 3),
                stage(ingestionId, "embedded", 1, 3),
                stage(ingestionId, "embedded", 2, 3),
                stage(ingestionId, "embedded", 3, 3),
                new IngestProgress(ingestionId, documentId, "stored", 3, 3, null, null));

        List<SseClient.Event> live;
        try (SseClient sse = api.ingestionEvents(stack.recruiterKey, ingestionId, null)) {
            publish(stages);
            live = next(sse, stages.size());
            sse.awaitEnd(WAIT);
        }

        assertThat(live)
                .extracting(SseClient.Event::name)
                .containsExactly("received", "parsed", "chunked", "embedded", "embedded", "embedded", "stored");
        assertThat(live).extracting(e -> Long.parseLong(e.id())).isSorted().doesNotHaveDuplicates();
        assertThat(json(live.get(4)).get("done").asInt()).isEqualTo(2);
        assertThat(json(live.get(6)).get("documentId").asText()).isEqualTo(documentId);
        assertThat(live)
                .allSatisfy(e -> assertThat(json(e).get("ingestionId").asText()).isEqualTo(ingestionId));

        try (SseClient resumed =
                api.ingestionEvents(stack.recruiterKey, ingestionId, live.get(2).id())) {
            List<SseClient.Event> rest = next(resumed, 4);
            resumed.awaitEnd(WAIT);
            assertThat(rest).isEqualTo(live.subList(3, 7));
        }
        try (SseClient late = api.ingestionEvents(stack.adminKey, ingestionId, null)) {
            assertThat(next(late, 7)).isEqualTo(live);
            late.awaitEnd(WAIT);
        }
    }

    @Test
    void a_failed_ingestion_ends_its_stream_with_the_reason() throws Exception {
        String ingestionId = uploadedIngestion();
        String reason = "The PDF is encrypted; upload it without a password.";
        publish(List.of(
                stage(ingestionId, "received", 0, 0),
                new IngestProgress(ingestionId, null, "failed", 0, 0, reason, null)));

        try (SseClient sse = api.ingestionEvents(stack.recruiterKey, ingestionId, null)) {
            List<SseClient.Event> events = next(sse, 2);
            sse.awaitEnd(WAIT);
            assertThat(events).extracting(SseClient.Event::name).containsExactly("received", "failed");
            assertThat(json(events.get(1)).get("reason").asText()).isEqualTo(reason);
        }
    }

    @Test
    void an_ingestion_that_ended_before_anything_was_in_memory_is_answered_from_its_row() throws Exception {
        String candidateId = api.createCandidate(stack.adminKey, "Row " + UUID.randomUUID());
        String ingestionId = UUID.randomUUID().toString();
        String documentId = UUID.randomUUID().toString();
        update("INSERT INTO ingestion (id, candidate_id, object_key, file_name, stage, done, total, document_id)"
                + " VALUES ('" + ingestionId + "', '" + candidateId + "', 'inbox/x/cv.pdf', 'cv.pdf', 'stored', 5, 5, '"
                + documentId + "')");

        try (SseClient sse = api.ingestionEvents(stack.recruiterKey, ingestionId, null)) {
            SseClient.Event event = sse.next(WAIT);
            sse.awaitEnd(WAIT);
            assertThat(event.name()).isEqualTo("stored");
            assertThat(event.id()).isNull();
            assertThat(json(event).get("documentId").asText()).isEqualTo(documentId);
            assertThat(json(event).get("done").asInt()).isEqualTo(5);
        }
    }

    @Test
    void the_progress_of_another_tenants_or_an_unknown_ingestion_is_not_found() throws Exception {
        String ingestionId = UUID.randomUUID().toString();
        update("INSERT INTO ingestion (id, candidate_id, object_key, file_name, stage) VALUES ('" + ingestionId + "', '"
                + foreignCandidate() + "', 'inbox/x/cv.pdf', 'cv.pdf', 'uploaded')");

        for (String id : List.of(ingestionId, UUID.randomUUID().toString())) {
            var reply = api.get("/api/v1/ingestions/" + id + "/events", stack.adminKey);
            assertThat(reply.status()).as(id).isEqualTo(404);
            assertThat(reply.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(api.get("/api/v1/ingestions/nope/events", stack.adminKey).status())
                .isEqualTo(400);
    }

    @Test
    void documents_are_listed_for_both_roles_and_an_admin_deletes_one_with_its_chunks_and_original() throws Exception {
        String candidateId = api.createCandidate(stack.adminKey, "Documents " + UUID.randomUUID());
        String documentId = UUID.randomUUID().toString();
        String ingestionId = UUID.randomUUID().toString();
        String key = "archive/" + candidateId + "/" + ingestionId + "/경력기술서.pdf";
        stack.s3.putObject(PutObjectArgs.builder().bucket(stack.bucket).object(key).stream(
                        new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, -1)
                .build());
        update("INSERT INTO document (id, candidate_id, name, title, format, size_bytes, content_hash, chunk_count,"
                + " ingestion_id, object_key) VALUES ('" + documentId + "', '" + candidateId + "', '경력기술서.pdf',"
                + " '경력기술서', 'pdf', 3, 'hash', 1, '" + ingestionId + "', '" + key + "')");
        update("INSERT INTO chunk (id, document_id, candidate_id, ord, section, location, text, tokens,"
                + " keyword_text, embedding) VALUES ('" + UUID.randomUUID() + "', '" + documentId + "', '"
                + candidateId + "', 0, '경력', 'page 1', 'text', 1, 'text', array_fill(0, ARRAY[384])::vector)");
        String documents = "/api/v1/candidates/" + candidateId + "/documents";

        JsonNode listed = expect(api.get(documents, stack.recruiterKey), 200);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("documentId").asText()).isEqualTo(documentId);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("경력기술서.pdf");
        assertThat(listed.get(0).get("title").asText()).isEqualTo("경력기술서");
        assertThat(listed.get(0).get("format").asText()).isEqualTo("pdf");
        assertThat(listed.get(0).get("sizeBytes").asLong()).isEqualTo(3);
        assertThat(listed.get(0).get("chunkCount").asInt()).isEqualTo(1);
        assertThat(listed.get(0).get("ingestionId").asText()).isEqualTo(ingestionId);
        assertThat(listed.get(0).get("storedAt").asText()).isNotBlank();

        assertThat(api.delete(documents + "/" + documentId, stack.recruiterKey).status())
                .isEqualTo(403);
        assertThat(api.delete(documents + "/" + documentId, stack.adminKey).status())
                .isEqualTo(204);

        assertThat(expect(api.get(documents, stack.adminKey), 200)).isEmpty();
        assertThat(row("SELECT count(*) FROM chunk WHERE document_id = '" + documentId + "'"))
                .isEqualTo("0");
        assertThatThrownBy(() -> stat(key)).isInstanceOf(ErrorResponseException.class);
        var again = api.delete(documents + "/" + documentId, stack.adminKey);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.delete(documents + "/not-an-id", stack.adminKey).status())
                .isEqualTo(400);
    }

    @Test
    void the_demo_is_seeded_once_with_its_files_even_across_restarts() throws Exception {
        String candidateId = demoCandidate();
        assertDemoSeeded(candidateId);

        ApiClient restarted = stack.chatApi("documents-chat-api-restarted", ENV);

        assertThat(expect(restarted.get("/api/v1/candidates", stack.recruiterKey), 200))
                .filteredOn(c -> c.get("name").asText().equals(DEMO_CANDIDATE))
                .hasSize(1);
        assertDemoSeeded(candidateId);
    }

    private static void assertDemoSeeded(String candidateId) throws Exception {
        JsonNode ingestions = expect(api.get("/api/v1/candidates/" + candidateId + "/ingestions", stack.adminKey), 200);
        assertThat(ingestions)
                .extracting(i -> i.get("fileName").asText())
                .containsExactlyInAnyOrder("이력서.md", "career.txt");
        for (JsonNode ingestion : ingestions) {
            String key =
                    "inbox/" + candidateId + "/" + ingestion.get("ingestionId").asText() + "/"
                            + ingestion.get("fileName").asText();
            assertThat(stat(key).userMetadata())
                    .containsEntry(
                            "protostar-ingestion-id",
                            ingestion.get("ingestionId").asText());
        }
    }

    private static String demoCandidate() throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode candidate : expect(api.get("/api/v1/candidates", stack.recruiterKey), 200)) {
            if (candidate.get("name").asText().equals(DEMO_CANDIDATE)) {
                ids.add(candidate.get("candidateId").asText());
            }
        }
        assertThat(ids).as("demo candidates").hasSize(1);
        return ids.getFirst();
    }

    private static ApiClient.Reply upload(String candidateId, String key, String fileName, byte[] content)
            throws Exception {
        return api.upload("/api/v1/candidates/" + candidateId + "/documents", key, "file", fileName, content);
    }

    /** A fresh candidate with one uploaded file; returns the upload's ingestion id. */
    private static String uploadedIngestion() throws Exception {
        String candidateId = api.createCandidate(stack.adminKey, "Progress " + UUID.randomUUID());
        var reply = upload(candidateId, stack.adminKey, "cv.md", "# CV".getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(202);
        return reply.body().get("ingestionId").asText();
    }

    /** What the ingestion service would publish, straight onto the topic, keyed by ingestion id. */
    private static void publish(List<IngestProgress> events) throws Exception {
        for (IngestProgress event : events) {
            progress.send(new ProducerRecord<>(Topics.INGEST_PROGRESS.name(), event.ingestionId(), Json.write(event)))
                    .get();
        }
    }

    private static IngestProgress stage(String ingestionId, String stage, int done, int total) {
        return new IngestProgress(ingestionId, null, stage, done, total, null, null);
    }

    private static List<SseClient.Event> next(SseClient sse, int count) throws InterruptedException {
        List<SseClient.Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(sse.next(WAIT));
        }
        return events;
    }

    private static JsonNode json(SseClient.Event event) {
        try {
            return ApiClient.JSON.readTree(event.data());
        } catch (Exception e) {
            throw new AssertionError(event.data(), e);
        }
    }

    private static JsonNode expect(ApiClient.Reply reply, int status) {
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
        return reply.body();
    }

    /** A candidate of a tenant no key of this stack belongs to. */
    private static String foreignCandidate() throws Exception {
        String id = UUID.randomUUID().toString();
        update("INSERT INTO candidate (id, tenant, name) VALUES ('" + id + "', 'another-tenant', 'Someone else')");
        return id;
    }

    private static StatObjectResponse stat(String key) throws Exception {
        return stack.s3.statObject(
                StatObjectArgs.builder().bucket(stack.bucket).object(key).build());
    }

    private static byte[] read(String key) throws Exception {
        try (InputStream in = stack.s3.getObject(
                GetObjectArgs.builder().bucket(stack.bucket).object(key).build())) {
            return in.readAllBytes();
        }
    }

    /** The keys under the candidate's inbox prefix. */
    private static List<String> inbox(String candidateId) throws Exception {
        List<String> keys = new ArrayList<>();
        for (var item : stack.s3.listObjects(ListObjectsArgs.builder()
                .bucket(stack.bucket)
                .prefix("inbox/" + candidateId + "/")
                .recursive(true)
                .build())) {
            if (!item.get().objectName().endsWith("/")) {
                keys.add(item.get().objectName());
            }
        }
        return keys;
    }

    private static Connection db() throws Exception {
        return stack.connect();
    }

    private static void update(String sql) throws Exception {
        try (Connection db = db();
                var statement = db.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static String row(String sql) throws Exception {
        try (Connection db = db();
                var statement = db.createStatement();
                var rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
