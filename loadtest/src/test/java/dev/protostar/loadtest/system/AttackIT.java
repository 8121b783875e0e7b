package dev.protostar.loadtest.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.loadtest.attack.AttackSuite;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attack suite ({@code ./protostar attack}) in the build, against chat-api, a worker and ingestion on their
 * own database: every row of docs/security.md with every kind of wrong key and path spelling, bodies, header fuzz
 * and a bad-key flood. Every case must pass; the ones that do not are listed.
 */
class AttackIT {

    private static Stack stack;
    private static ApiClient api;
    private static AppProcess worker;
    private static AppProcess ingestion;

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.offline();
        api = stack.chatApi("attack-chat-api");
        worker = stack.worker("attack-worker", "active", Map.of());
        ingestion = stack.ingestion("attack-ingestion");
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void every_case_of_the_attack_suite_gets_the_answer_the_security_table_says() throws Exception {
        AttackSuite.Result result = new AttackSuite(new AttackSuite.Target(
                        api.baseUrl(),
                        Map.of(
                                "chat-api", stack.app("attack-chat-api").managementUrl(),
                                "worker", worker.managementUrl(),
                                "ingestion", ingestion.managementUrl()),
                        stack.databaseUrl,
                        LocalServices.PG_USER,
                        stack.databasePassword(),
                        Path.of("..", "docs", "security.md")))
                .run();

        System.out.print(result.summary());
        assertThat(result.failures()).isEmpty();
        assertThat(result.tried()).isGreaterThan(500);
    }
}
