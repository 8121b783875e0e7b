package dev.protostar.loadtest.attack;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code ./protostar attack}: the attack suite against the running system (the local run's ports and database;
 * {@code -Dprotostar.attack.*} to point elsewhere). Exits 1 when a case fails.
 */
public final class AttackCli {

    private AttackCli() {}

    public static void main(String[] args) throws Exception {
        var target = new AttackSuite.Target(
                System.getProperty("protostar.attack.api", "http://127.0.0.1:8080"),
                Map.of(
                        "chat-api", System.getProperty("protostar.attack.chat-api", "http://127.0.0.1:9080"),
                        "worker", System.getProperty("protostar.attack.worker", "http://127.0.0.1:9081"),
                        "ingestion", System.getProperty("protostar.attack.ingestion", "http://127.0.0.1:9082")),
                System.getProperty("protostar.attack.jdbc", "jdbc:postgresql://127.0.0.1:15432/protostar"),
                System.getenv().getOrDefault("PROTOSTAR_PG_USER", "protostar"),
                // the launcher exports the one infra/bin/services generated (var/services.env)
                System.getenv("PROTOSTAR_PG_PASSWORD"),
                Path.of(System.getProperty("protostar.attack.table", "docs/security.md")));
        AttackSuite.Result result = new AttackSuite(target).run();
        System.out.print(result.summary());
        System.exit(result.passed() == result.tried() ? 0 : 1);
    }
}
