package dev.protostar.infra.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Registers the keys the environment gives (PROTOSTAR_ADMIN_KEY, PROTOSTAR_RECRUITER_KEY, PROTOSTAR_OPS_KEY), so
 * the local run and the tests start with them; keys for people are made with {@code ./protostar keys create}.
 */
class BootstrapKeys implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapKeys.class);

    private final ApiKeys keys;
    private final KeysProperties properties;

    BootstrapKeys(ApiKeys keys, KeysProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        register(properties.admin(), Role.ADMIN);
        register(properties.recruiter(), Role.RECRUITER);
        register(properties.ops(), Role.OPS);
    }

    private void register(String key, Role role) {
        if (!key.isBlank()) {
            keys.register(key, "bootstrap " + role.name().toLowerCase(), role, properties.tenant());
            log.info("Bootstrap {} key registered for tenant {}", role.name().toLowerCase(), properties.tenant());
        }
    }
}
