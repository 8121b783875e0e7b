package dev.protostar.loadtest.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.protostar.kafka.Topics;
import dev.protostar.kafka.broker.LocalKafkaBroker;
import dev.protostar.loadtest.sim.LlmSimulator;
import dev.protostar.loadtest.sim.SimulatorConfig;
import io.minio.BucketExistsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The whole system for a system test: the local services (their own script), a real Kafka broker in
 * this JVM, a fresh database and a fresh bucket, the LLM simulator as the model, and the applications as
 * real processes. Everything started here is stopped (and the bucket removed) by {@link #close()}.
 */
final class Stack implements AutoCloseable {

    /**
     * A question the résumé of {@link #candidateWithResume} answers: it passes the grounding rules, so the
     * worker calls the model (the simulator) instead of refusing.
     */
    static final String QUESTION = "What did Jiwoo build at Hanbit Pay?";

    final LocalKafkaBroker kafka;
    final LlmSimulator llm;
    final String databaseUrl;
    final String adminKey = "it-admin-" + UUID.randomUUID();
    final String recruiterKey = "it-recruiter-" + UUID.randomUUID();
    final String opsKey = "it-ops-" + UUID.randomUUID();
    final String tenant = "it-" + UUID.randomUUID();
    /** Bucket names are lowercase letters, digits and dashes, 3 to 63 long. */
    final String bucket = "it-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    /** The object store as the services see it, for tests to look into {@link #bucket}. */
    final MinioClient s3 = MinioClient.builder()
            .endpoint(LocalServices.s3Endpoint())
            .credentials(
                    LocalServices.credential("PROTOSTAR_S3_ACCESS_KEY"),
                    LocalServices.credential("PROTOSTAR_S3_SECRET_KEY"))
            .region(LocalServices.S3_REGION)
            .build();

    private final List<AppProcess> apps = new ArrayList<>();
    private final Map<String, String> model;
    private List<String> jvmOptions = AppProcess.TEST_JVM;

    private Stack(LocalKafkaBroker kafka, LlmSimulator llm, Map<String, String> model, String databaseUrl) {
        this.kafka = kafka;
        this.llm = llm;
        this.model = model;
        this.databaseUrl = databaseUrl;
    }

    /** Services, broker and database, with the simulator behaving as {@code model} as the LLM. */
    static Stack start(SimulatorConfig config) throws Exception {
        LlmSimulator simulator = LlmSimulator.start(config.withPort(0));
        return start(
                simulator,
                Map.of(
                        "PROTOSTAR_LLM_BASE_URL", simulator.baseUrl(),
                        "PROTOSTAR_LLM_API_KEY", "simulator-key",
                        "PROTOSTAR_LLM_MODEL", "simulator"));
    }

    /** Services, broker and database, and no model: the worker runs the offline (extractive) mode. */
    static Stack offline() throws Exception {
        return start(null, Map.of());
    }

    /** Services, broker and database, with a real provider as the model (from its base URL, key and name). */
    static Stack withModel(String baseUrl, String apiKey, String name) throws Exception {
        return start(
                null,
                Map.of(
                        "PROTOSTAR_LLM_BASE_URL",
                        baseUrl,
                        "PROTOSTAR_LLM_API_KEY",
                        apiKey,
                        "PROTOSTAR_LLM_MODEL",
                        name));
    }

    private static Stack start(LlmSimulator llm, Map<String, String> model) throws Exception {
        LocalServices.ensureRunning();
        Path kafkaDir = Files.createTempDirectory("protostar-it-kafka");
        LocalKafkaBroker kafka = LocalKafkaBroker.start(kafkaDir, 0, 0);
        kafka.createTopics(Topics.ALL);
        return new Stack(kafka, llm, model, LocalServices.newDatabase());
    }

    /** Applications started from now on run as in production (full JIT, the JVM's own GC): for benchmarks. */
    Stack withProductionJvm() {
        jvmOptions = AppProcess.PRODUCTION_JVM;
        return this;
    }

    /** A chat-api instance; returns a client for its users' port. */
    ApiClient chatApi(String name) throws IOException, InterruptedException {
        return chatApi(name, Map.of());
    }

    /** A chat-api instance with {@code extraEnv} on top of the stack's environment. */
    ApiClient chatApi(String name, Map<String, String> extraEnv) throws IOException, InterruptedException {
        int http = FreePorts.next();
        Map<String, String> env = env(FreePorts.next());
        env.put("PROTOSTAR_HTTP_PORT", String.valueOf(http));
        env.putAll(extraEnv);
        apps.add(AppProcess.start(
                name, "chat-api", Integer.parseInt(env.get("PROTOSTAR_MANAGEMENT_PORT")), env, jvmOptions));
        return new ApiClient("http://127.0.0.1:" + http);
    }

    /** An application this stack started, by the name it was given. */
    AppProcess app(String name) {
        return apps.stream()
                .filter(app -> app.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No application named " + name));
    }

    /** A worker, ACTIVE or STANDBY. */
    AppProcess worker(String name, String role, Map<String, String> extraEnv) throws IOException, InterruptedException {
        int management = FreePorts.next();
        Map<String, String> env = env(management);
        env.put("PROTOSTAR_WORKER_ROLE", role);
        env.put("PROTOSTAR_WORKER_ID", name);
        env.putAll(extraEnv);
        AppProcess worker = AppProcess.start(name, "worker", management, env, jvmOptions);
        apps.add(worker);
        return worker;
    }

    AppProcess ingestion(String name) throws IOException, InterruptedException {
        return ingestion(name, Map.of());
    }

    AppProcess ingestion(String name, Map<String, String> extraEnv) throws IOException, InterruptedException {
        int management = FreePorts.next();
        Map<String, String> env = env(management);
        env.putAll(extraEnv);
        AppProcess ingestion = AppProcess.start(name, "ingestion", management, env, jvmOptions);
        apps.add(ingestion);
        return ingestion;
    }

    /**
     * Uploads a file for a candidate through the users' API and follows its ingestion to the end; returns
     * the final progress event ({@code stored} or {@code failed}). Needs an ingestion process.
     */
    JsonNode ingest(ApiClient api, String candidateId, String fileName, byte[] content) throws Exception {
        var reply = api.upload("/api/v1/candidates/" + candidateId + "/documents", adminKey, "file", fileName, content);
        if (reply.status() != 202) {
            throw new AssertionError("Upload of " + fileName + " answered " + reply.status() + ": "
                    + reply.raw().body());
        }
        return awaitIngestion(api, reply.body().get("ingestionId").asText());
    }

    /** The final progress event of an ingestion, read from its event stream. */
    JsonNode awaitIngestion(ApiClient api, String ingestionId) throws Exception {
        try (SseClient progress = new SseClient(
                api.http(), api.baseUrl() + "/api/v1/ingestions/" + ingestionId + "/events", adminKey, null)) {
            while (true) {
                JsonNode event = ApiClient.JSON.readTree(
                        progress.next(Duration.ofSeconds(60)).data());
                String stage = event.get("stage").asText();
                if ("stored".equals(stage) || "failed".equals(stage)) {
                    return event;
                }
            }
        }
    }

    /** A candidate whose one document (a short English résumé) answers {@link #QUESTION}. */
    String candidateWithResume(ApiClient api) throws Exception {
        String candidateId = api.createCandidate(adminKey, "Kim Jiwoo " + UUID.randomUUID());
        byte[] resume;
        try (var in = Stack.class.getResourceAsStream("/system/resume-jiwoo.md")) {
            resume = in.readAllBytes();
        }
        JsonNode end = ingest(api, candidateId, "resume-jiwoo.md", resume);
        if (!"stored".equals(end.get("stage").asText())) {
            throw new AssertionError("The test résumé was not stored: " + end);
        }
        return candidateId;
    }

    private Map<String, String> env(int managementPort) {
        Map<String, String> env = new HashMap<>();
        env.put("PROTOSTAR_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("PROTOSTAR_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        env.put("PROTOSTAR_PG_URL", databaseUrl);
        env.put("PROTOSTAR_PG_USER", LocalServices.PG_USER);
        env.put("PROTOSTAR_PG_PASSWORD", LocalServices.credential("PROTOSTAR_PG_PASSWORD"));
        env.put("PROTOSTAR_REDIS_PORT", String.valueOf(LocalServices.REDIS_PORT));
        env.put("PROTOSTAR_REDIS_PASSWORD", LocalServices.credential("PROTOSTAR_REDIS_PASSWORD"));
        env.put("PROTOSTAR_ADMIN_KEY", adminKey);
        env.put("PROTOSTAR_RECRUITER_KEY", recruiterKey);
        env.put("PROTOSTAR_OPS_KEY", opsKey);
        env.put("PROTOSTAR_TENANT", tenant);
        // one tenant plays every user here, hundreds of sessions at once (the cap itself: StreamPermitsTest)
        env.put("PROTOSTAR_STREAMS_PER_TENANT", "5000");
        env.putAll(model);
        env.put("PROTOSTAR_S3_ENDPOINT", LocalServices.s3Endpoint());
        env.put("PROTOSTAR_S3_ACCESS_KEY", LocalServices.credential("PROTOSTAR_S3_ACCESS_KEY"));
        env.put("PROTOSTAR_S3_SECRET_KEY", LocalServices.credential("PROTOSTAR_S3_SECRET_KEY"));
        env.put("PROTOSTAR_S3_REGION", LocalServices.S3_REGION);
        env.put("PROTOSTAR_S3_BUCKET", bucket);
        // System tests of the pipeline, memory and failover offer load the dam would rightly shed; they run
        // its gates in shadow mode (counted, slots taken and freed, nothing refused). DamIT enforces them.
        env.put("PROTOSTAR_DAM_SHADOW", "capacity,deadline,breaker");
        env.put("PROTOSTAR_DAM_QUOTA_SHADOW", "true");
        return env;
    }

    /** A statement against this stack's database (a fault a test makes and takes back). */
    void execute(String sql) throws Exception {
        try (Connection db = connect();
                var statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of the first row of a query against this stack's database, or null for no row. */
    String query(String sql) throws Exception {
        try (Connection db = connect();
                var rows = db.createStatement().executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** A connection to this stack's database as the applications' role. */
    Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(databaseUrl, LocalServices.PG_USER, databasePassword());
    }

    String databasePassword() {
        return LocalServices.credential("PROTOSTAR_PG_PASSWORD");
    }

    @Override
    public void close() throws Exception {
        for (AppProcess app : apps.reversed()) {
            app.close();
        }
        kafka.close();
        if (llm != null) {
            llm.close();
        }
        removeBucket();
    }

    /** Empties and removes this stack's bucket, if an application created it. */
    private void removeBucket() throws Exception {
        if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            return;
        }
        for (Result<Item> item : s3.listObjects(
                ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
            s3.removeObject(RemoveObjectArgs.builder()
                    .bucket(bucket)
                    .object(item.get().objectName())
                    .build());
        }
        s3.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
    }

    /**
     * Each session's client opens its event stream, asks {@code question} and reads the answer to its
     * end; all at once. The returned futures complete with what each client saw.
     */
    List<Future<Transcript>> askAll(
            ExecutorService clients, ApiClient api, List<String> sessionIds, String question, Duration timeout) {
        List<Future<Transcript>> turns = new ArrayList<>();
        for (String sessionId : sessionIds) {
            turns.add(clients.submit(() -> {
                try (SseClient sse = api.events(recruiterKey, sessionId, null)) {
                    return Transcript.read(sse, api.send(recruiterKey, sessionId, question), timeout);
                }
            }));
        }
        return turns;
    }

    /** {@code count} new sessions with one candidate of this stack's tenant (see {@link #candidateWithResume}). */
    List<String> sessions(ApiClient api, int count) throws Exception {
        String candidateId = candidateWithResume(api);
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sessions.add(api.createSession(recruiterKey, candidateId));
        }
        return sessions;
    }

    static List<Transcript> all(List<Future<Transcript>> turns) throws Exception {
        List<Transcript> transcripts = new ArrayList<>();
        for (Future<Transcript> turn : turns) {
            transcripts.add(turn.get());
        }
        return transcripts;
    }
}
