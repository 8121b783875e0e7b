package dev.protostar.chat.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Registers the keys given in the environment (PROTOSTAR_ADMIN_KEY, PROTOSTAR_RECRUITER_KEY), so the
 * local run and tests start with one admin and one recruiter of tenant {@code protostar.tenant}.
 */
@Component
class BootstrapKeys implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapKeys.class);

    private final ApiKeys keys;
    private final String adminKey;
    private final String recruiterKey;
    private final String tenant;

    BootstrapKeys(
            ApiKeys keys,
            @Value("${protostar.keys.admin:}") String adminKey,
            @Value("${protostar.keys.recruiter:}") String recruiterKey,
            @Value("${protostar.keys.tenant}") String tenant) {
        this.keys = keys;
        this.adminKey = adminKey;
        this.recruiterKey = recruiterKey;
        this.tenant = tenant;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!adminKey.isBlank()) {
            keys.register(adminKey, "bootstrap admin", Role.ADMIN, tenant);
        }
        if (!recruiterKey.isBlank()) {
            keys.register(recruiterKey, "bootstrap recruiter", Role.RECRUITER, tenant);
        }
        log.info(
                "Bootstrap keys registered for tenant {} (admin: {}, recruiter: {})",
                tenant,
                !adminKey.isBlank(),
                !recruiterKey.isBlank());
    }
}
