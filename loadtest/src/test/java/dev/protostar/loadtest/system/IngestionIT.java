package dev.protostar.loadtest.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.protostar.kafka.Json;
import dev.protostar.kafka.Topics;
import dev.protostar.kafka.message.IngestRequest;
import io.minio.ListObjectsArgs;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Documents in, grounded answers out, over real parts: chat-api, a worker in the offline mode, two
 * ingestion instances, Kafka, PostgreSQL + pgvector, Redis and the S3 server. Every file goes the one way
 * in — the inbox bucket — whether uploaded or dropped.
 */
class IngestionIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path FIXTURES = Path.of("..", "ingestion", "src", "test", "resources", "documents");
    /** Small, so a too-large file is cheap to make; chat-api and ingestion share the number. */
    private static final Map<String, String> LIMIT = Map.of("PROTOSTAR_MAX_FILE_SIZE", "1MB");

    private static Stack stack;
    private static ApiClient api;
    private static AppProcess worker;

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.offline();
        api = stack.chatApi("ingestion-chat-api", LIMIT);
        worker = stack.worker("ingestion-worker", "active", Map.of());
        stack.ingestion("ingestion-one", LIMIT);
        stack.ingestion("ingestion-two", LIMIT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void every_format_becomes_cited_chunks_that_answer_questions() throws Exception {
        Map<String, String> facts = Map.ofEntries(
                Map.entry("resume-ko.pdf", "12,000"),
                Map.entry("resume-en.pdf", "9,500"),
                Map.entry("resume-ko.docx", "12,000"),
                Map.entry("resume-en.docx", "9,500"),
                Map.entry("resume-ko.hwp", "12,000"),
                Map.entry("resume-ko.html", "12,000"),
                Map.entry("resume-ko.md", "12,000"),
                Map.entry("resume-en.md", "9,500"),
                Map.entry("resume-ko.txt", "12,000"),
                Map.entry("resume-ko-cp949.txt", "45,000"),
                Map.entry("resume-en.json", "9,500"),
                // Scans and pictures, read by OCR: the figures come back verbatim.
                Map.entry("resume-ko-scan.pdf", "12,000"),
                Map.entry("resume-en-scan.pdf", "9,500"),
                Map.entry("resume-ko-scan.png", "12,000"),
                Map.entry("resume-en-scan.jpg", "9,500"));
        for (var file : facts.entrySet()) {
            boolean scan = file.getKey().contains("-scan");
            String candidateId = api.createCandidate(stack.adminKey, "Format " + file.getKey());
            JsonNode end =
                    stack.ingest(api, candidateId, file.getKey(), Files.readAllBytes(FIXTURES.resolve(file.getKey())));

            assertThat(end.get("stage").asText()).as(file.getKey()).isEqualTo("stored");
            assertThat(end.get("total").asInt()).as(file.getKey()).isPositive();
            String documentId = end.get("documentId").asText();
            assertThat(query("SELECT count(*) FROM chunk WHERE document_id = '" + documentId + "' AND text LIKE '%"
                            + file.getValue() + "%'"))
                    .as(file.getKey() + " keeps its figures verbatim")
                    .isNotEqualTo("0");

            Transcript answer = ask(candidateId, question(file.getKey()));
            assertThat(answer.end.get("refused").asBoolean()).as(file.getKey()).isFalse();
            assertThat(answer.text.toString()).as(file.getKey()).contains(file.getValue());
            assertThat(answer.citations).as(file.getKey()).isNotEmpty();
            assertThat(answer.citations.getFirst().get("documentId").asText()).isEqualTo(documentId);
            assertThat(query("SELECT bool_and(ocr)::text FROM chunk WHERE document_id = '" + documentId + "'"))
                    .as(file.getKey() + " chunks marked as OCR'd or not")
                    .isEqualTo(String.valueOf(scan));
            assertThat(answer.citations.getFirst().path("ocr").asBoolean())
                    .as(file.getKey() + " cited as recognised from a scan or not")
                    .isEqualTo(scan);
        }
    }

    @Test
    void a_scan_reports_each_page_as_ocr_reads_it() throws Exception {
        String candidateId = api.createCandidate(stack.adminKey, "Scan progress");
        var reply = api.upload(
                "/api/v1/candidates/" + candidateId + "/documents",
                stack.adminKey,
                "file",
                "resume-ko-scan.pdf",
                Files.readAllBytes(FIXTURES.resolve("resume-ko-scan.pdf")));
        assertThat(reply.status()).isEqualTo(202);
        String ingestionId = reply.body().get("ingestionId").asText();

        List<String> stages = new ArrayList<>();
        try (SseClient progress = new SseClient(
                api.http(), api.baseUrl() + "/api/v1/ingestions/" + ingestionId + "/events", stack.adminKey, null)) {
            JsonNode event;
            do {
                event = ApiClient.JSON.readTree(progress.next(WAIT).data());
                stages.add(event.get("stage").asText() + " " + event.get("done").asInt() + "/"
                        + event.get("total").asInt());
            } while (!Set.of("stored", "failed").contains(event.get("stage").asText()));
        }

        assertThat(stages).containsSubsequence("parsed 0/2", "parsed 1/2", "parsed 2/2");
        assertThat(stages.getLast()).startsWith("stored");
    }

    @Test
    void a_chunk_knows_its_section_path_and_place() throws Exception {
        String candidateId = api.createCandidate(stack.adminKey, "Sections");
        JsonNode end =
                stack.ingest(api, candidateId, "resume-ko.md", Files.readAllBytes(FIXTURES.resolve("resume-ko.md")));
        String documentId = end.get("documentId").asText();

        assertThat(query("SELECT section || ' @ ' || location FROM chunk WHERE document_id = '" + documentId
                        + "' AND text LIKE '%12,000%'"))
                .startsWith("김서연 이력서 > 경력 > 한빛페이")
                .contains("@ paragraph");
    }

    @Test
    void bad_files_fail_with_a_reason_and_leave_nothing_behind() throws Exception {
        Map<String, String> codes = Map.of(
                "encrypted.pdf", "ENCRYPTED",
                "empty.pdf", "EMPTY",
                "not-a-pdf.pdf", "TYPE_MISMATCH",
                "bomb.docx", "DECOMPRESSION_BOMB",
                // A picture without text: OCR finds nothing to read.
                "photo.png", "NO_TEXT",
                "archive.zip", "UNSUPPORTED_TYPE",
                "not-a-resume.json", "UNSUPPORTED_TYPE",
                "encrypted.hwp", "ENCRYPTED");
        String candidateId = api.createCandidate(stack.adminKey, "Bad files");
        for (var file : codes.entrySet()) {
            JsonNode end =
                    stack.ingest(api, candidateId, file.getKey(), Files.readAllBytes(FIXTURES.resolve(file.getKey())));

            assertThat(end.get("stage").asText()).as(file.getKey()).isEqualTo("failed");
            assertThat(end.get("code").asText()).as(file.getKey()).isEqualTo(file.getValue());
            assertThat(end.get("reason").asText())
                    .as(file.getKey() + ": a reason for a person")
                    .isNotBlank()
                    .doesNotContain("Exception", "at org.", "at java.");
        }
        assertThat(query("SELECT count(*) FROM document WHERE candidate_id = '" + candidateId + "'"))
                .isEqualTo("0");
        assertThat(keys("inbox/" + candidateId)).as("nothing left in the inbox").isEmpty();
        assertThat(keys("failed/" + candidateId))
                .as("each refused file set aside")
                .hasSize(codes.size());
    }

    @Test
    void a_file_over_the_limit_is_refused_at_upload_and_when_dropped() throws Exception {
        String candidateId = api.createCandidate(stack.adminKey, "Too large");
        byte[] big = "경력 ".repeat(300_000).getBytes(StandardCharsets.UTF_8);

        var upload =
                api.upload("/api/v1/candidates/" + candidateId + "/documents", stack.adminKey, "file", "big.txt", big);
        assertThat(upload.status()).isEqualTo(413);
        assertThat(upload.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");

        String ingestionId = drop("inbox/" + candidateId + "/big.txt", big);
        awaitRow(ingestionId, "failed");
        assertThat(query("SELECT code FROM ingestion WHERE id = '" + ingestionId + "'"))
                .isEqualTo("TOO_LARGE");
        assertThat(query("SELECT reason FROM ingestion WHERE id = '" + ingestionId + "'"))
                .contains("limit");
    }

    @Test
    void a_drop_for_no_known_candidate_fails_with_its_reason() throws Exception {
        String stranger = UUID.randomUUID().toString();
        String ingestionId = drop("inbox/" + stranger + "/resume.md", "# 경력\n\n한빛페이".getBytes(StandardCharsets.UTF_8));
        awaitRow(ingestionId, "failed");
        assertThat(query("SELECT code FROM ingestion WHERE id = '" + ingestionId + "'"))
                .isEqualTo("NO_CANDIDATE");
    }

    @Test
    void the_same_file_again_is_skipped_and_a_changed_file_replaces_its_chunks_whole() throws Exception {
        String candidateId = api.createCandidate(stack.adminKey, "Versions");
        byte[] first = "# 경력\n\n## 한빛페이\n\n결제 승인 처리량을 초당 12,000건으로 높였습니다.\n\n## 누리소프트\n\n사내 메신저를 개발했습니다.\n"
                .getBytes(StandardCharsets.UTF_8);
        JsonNode stored = stack.ingest(api, candidateId, "이력서.md", first);
        String documentId = stored.get("documentId").asText();
        String chunksBefore = query(
                "SELECT string_agg(id::text, ',' ORDER BY ord) FROM chunk WHERE document_id = '" + documentId + "'");

        JsonNode again = stack.ingest(api, candidateId, "이력서.md", first);
        assertThat(again.get("stage").asText()).isEqualTo("stored");
        assertThat(again.get("code").asText()).isEqualTo("UNCHANGED");
        assertThat(again.get("documentId").asText()).isEqualTo(documentId);
        assertThat(query("SELECT string_agg(id::text, ',' ORDER BY ord) FROM chunk WHERE document_id = '" + documentId
                        + "'"))
                .as("nothing re-indexed")
                .isEqualTo(chunksBefore);

        byte[] changed = "# 경력\n\n## 한빛페이\n\n결제 승인 처리량을 초당 15,000건으로 높였습니다.\n".getBytes(StandardCharsets.UTF_8);
        JsonNode replaced = stack.ingest(api, candidateId, "이력서.md", changed);
        assertThat(replaced.get("documentId").asText()).as("the same document").isEqualTo(documentId);
        assertThat(query("SELECT count(*) FROM chunk WHERE document_id = '" + documentId + "' AND id::text = ANY('{"
                        + chunksBefore + "}')"))
                .as("no chunk of the old version survives")
                .isEqualTo("0");
        assertThat(query("SELECT string_agg(text, ' ') FROM chunk WHERE document_id = '" + documentId + "'"))
                .contains("15,000")
                .doesNotContain("12,000", "누리소프트");
        assertThat(query("SELECT count(*) FROM document WHERE candidate_id = '" + candidateId + "'"))
                .isEqualTo("1");

        assertThat(api.delete("/api/v1/candidates/" + candidateId + "/documents/" + documentId, stack.adminKey)
                        .status())
                .isEqualTo(204);
        assertThat(query("SELECT count(*) FROM chunk WHERE document_id = '" + documentId + "'"))
                .as("deleting a document deletes its chunks")
                .isEqualTo("0");
    }

    @Test
    void a_delete_during_a_reingest_wins_and_the_reingest_stores_nothing() throws Exception {
        String candidateId = api.createCandidate(stack.adminKey, "Delete during re-ingest");
        String documentId = stack.ingest(
                        api, candidateId, "cv.md", "# 경력\n\n한빛페이 결제 12,000건\n".getBytes(StandardCharsets.UTF_8))
                .get("documentId")
                .asText();

        // The re-upload is announced within the watch delay and then read and embedded: the delete comes first.
        var reupload = api.upload(
                "/api/v1/candidates/" + candidateId + "/documents",
                stack.adminKey,
                "file",
                "cv.md",
                "# 경력\n\n한빛페이 결제 15,000건\n".getBytes(StandardCharsets.UTF_8));
        assertThat(reupload.status()).isEqualTo(202);
        String reingestion = reupload.body().get("ingestionId").asText();
        assertThat(api.delete("/api/v1/candidates/" + candidateId + "/documents/" + documentId, stack.adminKey)
                        .status())
                .isEqualTo(204);

        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> keys("inbox/" + candidateId)
                .isEmpty());
        assertThat(query("SELECT stage || ' ' || code FROM ingestion WHERE id = '" + reingestion + "'"))
                .isEqualTo("failed DELETED");
        assertThat(query("SELECT count(*) FROM document WHERE candidate_id = '" + candidateId + "'"))
                .as("nothing stored after the delete")
                .isEqualTo("0");
        assertThat(keys("failed/" + candidateId))
                .as("the re-upload is removed, not set aside")
                .isEmpty();
    }

    @Test
    void two_first_uploads_of_one_name_leave_one_document_with_the_later_content() throws Exception {
        String candidateId = api.createCandidate(stack.adminKey, "Two first uploads");
        List<String> ids = new ArrayList<>();
        for (String figure : List.of("12,000", "15,000")) {
            var reply = api.upload(
                    "/api/v1/candidates/" + candidateId + "/documents",
                    stack.adminKey,
                    "file",
                    "same.md",
                    ("# 경력\n\n한빛페이 결제 " + figure + "건\n").getBytes(StandardCharsets.UTF_8));
            assertThat(reply.status()).isEqualTo(202);
            ids.add(reply.body().get("ingestionId").asText());
        }

        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> "2"
                .equals(query("SELECT count(*) FROM ingestion WHERE candidate_id = '" + candidateId
                        + "' AND stage IN ('stored', 'failed')")));
        assertThat(query("SELECT count(*) FROM document WHERE candidate_id = '" + candidateId + "'"))
                .isEqualTo("1");
        assertThat(query("SELECT string_agg(c.text, ' ') FROM chunk c JOIN document d ON d.id = c.document_id"
                        + " WHERE d.candidate_id = '" + candidateId + "'"))
                .as("the later upload's content")
                .contains("15,000")
                .doesNotContain("12,000");
        assertThat(query(
                        "SELECT stage || ' ' || coalesce(code, '') FROM ingestion WHERE id = '" + ids.getFirst() + "'"))
                .isIn("stored ", "failed SUPERSEDED");
        assertThat(keys("inbox/" + candidateId)).isEmpty();
    }

    @Test
    void a_late_failure_of_a_stored_ingestion_does_not_turn_it_failed() throws Exception {
        String candidateId = api.createCandidate(stack.adminKey, "Stale owner");
        JsonNode stored =
                stack.ingest(api, candidateId, "stale.md", "# 경력\n\n한빛페이 결제\n".getBytes(StandardCharsets.UTF_8));
        String ingestionId = stored.get("ingestionId").asText();
        String objectKey = query("SELECT object_key FROM ingestion WHERE id = '" + ingestionId + "'");

        // What a stale owner's failure looks like once it outlived the retries: its request parked on the DLT.
        var request =
                new IngestRequest(ingestionId, candidateId, stack.bucket, objectKey, "etag", java.time.Instant.now());
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers()),
                new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            var record =
                    new ProducerRecord<>(Topics.INGEST_REQUESTS.deadLetter().name(), candidateId, Json.write(request));
            record.headers().add(Topics.DLT_REASON_HEADER, "stale owner".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }

        org.awaitility.Awaitility.await()
                .during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(15))
                .until(() -> "stored".equals(query("SELECT stage FROM ingestion WHERE id = '" + ingestionId + "'")));
        assertThat(query("SELECT count(*) FROM document WHERE id = '"
                        + stored.get("documentId").asText() + "'"))
                .isEqualTo("1");
        assertThat(keys("failed/" + candidateId)).isEmpty();
    }

    @Test
    void two_ingestion_instances_announce_each_drop_exactly_once() throws Exception {
        String candidateId = api.createCandidate(stack.adminKey, "Bulk drop");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String key = "inbox/" + candidateId + "/bulk/note-" + i + ".txt";
            keys.add(key);
            put(key, ("경력\n\n프로젝트 " + i + ": 결제 시스템 개선").getBytes(StandardCharsets.UTF_8));
        }
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> "12"
                .equals(query("SELECT count(*) FROM ingestion WHERE candidate_id = '" + candidateId
                        + "' AND stage = 'stored'")));

        Map<String, Integer> announced = new HashMap<>();
        try (var consumer = fromTheStart(Topics.INGEST_REQUESTS.name())) {
            long quiet = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < quiet) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    IngestRequest request = Json.read(record.value(), IngestRequest.class);
                    if (keys.contains(request.objectKey())) {
                        announced.merge(request.objectKey(), 1, Integer::sum);
                    }
                }
            }
        }
        assertThat(announced)
                .hasSize(12)
                .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
        assertThat(keys("archive/" + candidateId)).hasSize(12);
    }

    @Test
    void a_poison_ingest_request_is_parked_on_the_dead_letter_topic() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.INGEST_REQUESTS.name(), key, "{not json"))
                    .get();
        }
        try (var consumer = fromTheStart(Topics.INGEST_REQUESTS.deadLetter().name())) {
            String reason = null;
            long giveUp = System.nanoTime() + WAIT.toNanos();
            while (reason == null && System.nanoTime() < giveUp) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        reason = new String(
                                record.headers()
                                        .lastHeader(Topics.DLT_REASON_HEADER)
                                        .value(),
                                StandardCharsets.UTF_8);
                    }
                }
            }
            assertThat(reason).contains("not a valid IngestRequest");
        }
    }

    @Test
    void a_recruiter_never_gets_another_candidates_text() throws Exception {
        String mine = api.createCandidate(stack.adminKey, "Isolation A");
        String theirs = api.createCandidate(stack.adminKey, "Isolation B");
        stack.ingest(api, mine, "a.md", "# 경력\n\n## 한빛페이\n\n결제 API를 개발했습니다.\n".getBytes(StandardCharsets.UTF_8));
        stack.ingest(
                api,
                theirs,
                "b.md",
                "# 경력\n\n## 누리소프트\n\n사내 메신저 '바람'을 만들어 동시 접속 8,000명을 처리했습니다.\n".getBytes(StandardCharsets.UTF_8));
        String question = "누리소프트에서 만든 사내 메신저 '바람'은 동시 접속을 몇 명까지 처리했나요?";

        Transcript answer = ask(mine, question);
        assertThat(answer.end.get("refused").asBoolean()).isTrue();
        assertThat(answer.text.toString()).doesNotContain("8,000", "동시 접속을");

        JsonNode search = ApiClient.JSON.readTree(worker.get("/actuator/retrieval?candidateId=" + mine + "&k=20&q="
                + java.net.URLEncoder.encode(question, StandardCharsets.UTF_8)));
        Set<String> ownChunks =
                Set.of(query("SELECT string_agg(id::text, ',') FROM chunk WHERE candidate_id = '" + mine + "'")
                        .split(","));
        assertThat(search.get("hits")).isNotEmpty().allSatisfy(hit -> assertThat(ownChunks)
                .contains(hit.get("chunkId").asText()));
    }

    /** A question each fixture answers with its figure (the CP949 one is another person's résumé). */
    private static String question(String file) {
        if (file.contains("cp949")) {
            return "가온물류에서 하루에 배송을 몇 건 처리했나요?";
        }
        return file.contains("-ko")
                ? "한빛페이에서 결제 처리량을 얼마나 높였나요?"
                : "How far did she raise settlement throughput at Bluefin Payments?";
    }

    /** A consumer of {@code topic} in a group of its own, reading from the first record. */
    private static KafkaConsumer<String, byte[]> fromTheStart(String topic) {
        var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private Transcript ask(String candidateId, String question) throws Exception {
        String sessionId = api.createSession(stack.recruiterKey, candidateId);
        try (SseClient sse = api.events(stack.recruiterKey, sessionId, null)) {
            return Transcript.read(sse, api.send(stack.recruiterKey, sessionId, question), WAIT);
        }
    }

    /** Puts an object into the bucket the way a bulk drop does, and returns the ingestion id it will get. */
    private String drop(String key, byte[] content) throws Exception {
        String etag = put(key, content);
        return UUID.nameUUIDFromBytes((key + "|" + etag).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private String put(String key, byte[] content) throws Exception {
        return stack.s3
                .putObject(PutObjectArgs.builder().bucket(stack.bucket).object(key).stream(
                                new ByteArrayInputStream(content), content.length, -1)
                        .build())
                .etag();
    }

    private void awaitRow(String ingestionId, String stage) {
        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(() -> stage.equals(query("SELECT stage FROM ingestion WHERE id = '" + ingestionId + "'")));
    }

    private List<String> keys(String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> item : stack.s3.listObjects(ListObjectsArgs.builder()
                .bucket(stack.bucket)
                .prefix(prefix)
                .recursive(true)
                .build())) {
            if (!item.get().objectName().endsWith("/")) {
                keys.add(item.get().objectName());
            }
        }
        return keys;
    }

    private static String query(String sql) throws Exception {
        return stack.query(sql);
    }
}
