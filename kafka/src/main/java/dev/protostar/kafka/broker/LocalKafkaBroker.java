package dev.protostar.kafka.broker;

import dev.protostar.kafka.TopicSpec;
import dev.protostar.kafka.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Apache Kafka broker (KRaft: broker and controller in one node) running in this
 * JVM, from the Maven Central jars — for the local run and for integration tests, without Docker.
 * Its log directory is formatted on first start and reused afterwards, so data survives restarts.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private final KafkaConfig config;
    private final String bootstrapServers;
    private KafkaRaftServer server;

    private LocalKafkaBroker(KafkaConfig config, String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on {@code port} (0: any free port) with its controller on {@code controllerPort}. */
    public static LocalKafkaBroker start(Path logDir, int port, int controllerPort) throws Exception {
        int brokerPort = port == 0 ? freePort() : port;
        int quorumPort = controllerPort == 0 ? freePort() : controllerPort;
        Files.createDirectories(logDir);
        KafkaConfig config = KafkaConfig.fromProps(properties(logDir, brokerPort, quorumPort));
        format(config, logDir);
        LocalKafkaBroker broker = new LocalKafkaBroker(config, "127.0.0.1:" + brokerPort);
        broker.startAgain();
        return broker;
    }

    /**
     * Starts a stopped broker again on the same ports and log directory: with {@link #stop()}, a broker restart as
     * clients see one (the fault suite's).
     */
    public synchronized void startAgain() throws InterruptedException {
        if (server != null) {
            return;
        }
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitReady();
    }

    /** Shuts the broker down cleanly, as a rolling restart does; {@link #startAgain()} brings it back. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    private static Properties properties(Path logDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        // One node: every internal topic has one replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "12");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        // Topics come from the catalog only, never from a typo in a consumer.
        props.put("auto.create.topics.enable", "false");
        // A new group starts at once; tests and a one-node dev broker have nobody else to wait for.
        props.put("group.initial.rebalance.delay.ms", "0");
        // Lets consumers ask for short session timeouts, so a killed worker is noticed in seconds.
        props.put("group.min.session.timeout.ms", "1000");
        props.put("log.retention.check.interval.ms", "60000");
        props.put("log.cleaner.backoff.ms", "5000");
        return props;
    }

    private static void format(KafkaConfig config, Path logDir) throws Exception {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(System.out)
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                .setMetadataLogDirectory(config.metadataLogDir())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setIgnoreFormatted(true)
                .run();
    }

    private void awaitReady() throws InterruptedException {
        long giveUp = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get();
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("Kafka did not become ready", e);
                }
                Thread.sleep(200);
            }
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the topics that do not exist yet, with the catalog's partitions and configs. */
    public void createTopics(List<TopicSpec> topics) throws InterruptedException, ExecutionException {
        try (Admin admin = admin()) {
            List<NewTopic> missing = new ArrayList<>();
            var existing = admin.listTopics().names().get();
            for (TopicSpec spec : topics) {
                if (!existing.contains(spec.name())) {
                    missing.add(new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()));
                }
            }
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** {@code --port=9092 --controller-port=9093 --data=var/kafka}: runs until stopped. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        LocalKafkaBroker broker = start(
                Path.of(options.getOrDefault("data", "var/kafka")),
                Integer.parseInt(options.getOrDefault("port", "9092")),
                Integer.parseInt(options.getOrDefault("controller-port", "9093")));
        broker.createTopics(Topics.ALL);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }));
        System.out.println("kafka ready on " + broker.bootstrapServers());
        stopped.await();
    }
}
