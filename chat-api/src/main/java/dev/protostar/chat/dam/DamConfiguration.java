package dev.protostar.chat.dam;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.concurrent.ThreadFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dam's parts, on the system clock; tests build them by hand on a clock of their own. */
@Configuration(proxyBeanMethods = false)
class DamConfiguration {

    @Bean
    InstantSource clock() {
        return InstantSource.system();
    }

    @Bean
    Workers workers(DamProperties properties, QuotaProperties quota, InstantSource clock) {
        return new Workers(properties.statusFreshness(), clock, quota.instances());
    }

    @Bean
    DamMetrics damMetrics(MeterRegistry registry) {
        return new DamMetrics(registry);
    }

    /** The Camel Throttle baseline's route, only when the benchmark asks for it. */
    @Bean
    @ConditionalOnProperty(name = "protostar.dam.mode", havingValue = "throttle")
    ThrottleTurnRoute throttleTurnRoute(DamProperties properties) {
        return new ThrottleTurnRoute(properties.baselineSize());
    }

    @Bean
    Dam dam(
            DamProperties properties,
            Workers workers,
            Quotas quotas,
            DamMetrics metrics,
            InstantSource clock,
            ObjectProvider<ThrottleTurnRoute> throttle) {
        DamProperties.Limit bounds = properties.limit();
        AdaptiveLimit limit = new AdaptiveLimit(
                AdaptiveLimitSettings.defaults().withBounds(bounds.initial(), bounds.min(), bounds.max()),
                System::nanoTime);
        Baseline baseline = properties.mode() == DamProperties.Mode.DAM
                ? null
                : Baseline.of(properties.mode(), properties.baselineSize(), throttle.getIfAvailable());
        // each settlement on a virtual thread of its own (not an Executor bean: Boot's task executor would back off)
        ThreadFactory settlers = Thread.ofVirtual().name("quota-settle-", 0).factory();
        return new Dam(
                properties,
                workers,
                limit,
                quotas,
                baseline,
                metrics,
                clock,
                System::nanoTime,
                settlement -> settlers.newThread(settlement).start());
    }
}
