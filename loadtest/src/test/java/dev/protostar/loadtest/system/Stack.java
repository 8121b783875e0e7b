package dev.protostar.loadtest.system;

import dev.protostar.kafka.Topics;
import dev.protostar.kafka.broker.LocalKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole system for a system test: the local services (their own script), a real Kafka broker in
 * this JVM, a fresh database, and the applications as real processes pointed at an LLM endpoint (the
 * simulator). Everything started here is stopped by {@link #close()}.
 */
final class Stack implements AutoCloseable {

    final LocalKafkaBroker kafka;
    final String databaseUrl;
    final String adminKey = "it-admin-" + UUID.randomUUID();
    final String recruiterKey = "it-recruiter-" + UUID.randomUUID();
    final String tenant = "it-" + UUID.randomUUID();
    private final String llmBaseUrl;
    private final List<AppProcess> apps = new ArrayList<>();

    private Stack(LocalKafkaBroker kafka, String databaseUrl, String llmBaseUrl) {
        this.kafka = kafka;
        this.databaseUrl = databaseUrl;
        this.llmBaseUrl = llmBaseUrl;
    }

    static Stack start(String llmBaseUrl) throws Exception {
        LocalServices.ensureRunning();
        Path kafkaDir = Files.createTempDirectory("protostar-it-kafka");
        LocalKafkaBroker kafka = LocalKafkaBroker.start(kafkaDir, 0, 0);
        kafka.createTopics(Topics.ALL);
        return new Stack(kafka, LocalServices.newDatabase(), llmBaseUrl);
    }

    /** A chat-api instance; returns a client for its users' port. */
    ApiClient chatApi(String name) throws IOException, InterruptedException {
        int http = FreePorts.next();
        Map<String, String> env = env(FreePorts.next());
        env.put("PROTOSTAR_HTTP_PORT", String.valueOf(http));
        apps.add(AppProcess.start(
                name, "chat-api", Integer.parseInt(env.get("PROTOSTAR_MANAGEMENT_PORT")), env, List.of()));
        return new ApiClient("http://127.0.0.1:" + http);
    }

    /** A worker, ACTIVE or STANDBY. */
    AppProcess worker(String name, String role, Map<String, String> extraEnv) throws IOException, InterruptedException {
        int management = FreePorts.next();
        Map<String, String> env = env(management);
        env.put("PROTOSTAR_WORKER_ROLE", role);
        env.put("PROTOSTAR_WORKER_ID", name);
        env.putAll(extraEnv);
        AppProcess worker = AppProcess.start(name, "worker", management, env, List.of());
        apps.add(worker);
        return worker;
    }

    AppProcess ingestion(String name) throws IOException, InterruptedException {
        int management = FreePorts.next();
        AppProcess ingestion = AppProcess.start(name, "ingestion", management, env(management), List.of());
        apps.add(ingestion);
        return ingestion;
    }

    private Map<String, String> env(int managementPort) {
        Map<String, String> env = new HashMap<>();
        env.put("PROTOSTAR_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("PROTOSTAR_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        env.put("PROTOSTAR_PG_URL", databaseUrl);
        env.put("PROTOSTAR_REDIS_URL", LocalServices.redisUrl());
        env.put("PROTOSTAR_ADMIN_KEY", adminKey);
        env.put("PROTOSTAR_RECRUITER_KEY", recruiterKey);
        env.put("PROTOSTAR_TENANT", tenant);
        if (llmBaseUrl != null) {
            env.put("PROTOSTAR_LLM_BASE_URL", llmBaseUrl);
            env.put("PROTOSTAR_LLM_API_KEY", "simulator-key");
            env.put("PROTOSTAR_LLM_MODEL", "simulator");
        } else {
            env.put("PROTOSTAR_LLM_API_KEY", "");
        }
        return env;
    }

    @Override
    public void close() throws Exception {
        for (AppProcess app : apps.reversed()) {
            app.close();
        }
        kafka.close();
    }
}
