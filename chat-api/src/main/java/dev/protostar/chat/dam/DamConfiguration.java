package dev.protostar.chat.dam;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
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
    Workers workers(DamProperties properties, InstantSource clock) {
        return new Workers(properties.statusFreshness(), clock);
    }

    @Bean
    DamMetrics damMetrics(MeterRegistry registry) {
        return new DamMetrics(registry);
    }

    @Bean
    Dam dam(DamProperties properties, Workers workers, Quotas quotas, DamMetrics metrics, InstantSource clock) {
        AdaptiveLimitSettings d = AdaptiveLimitSettings.defaults();
        DamProperties.Limit bounds = properties.limit();
        AdaptiveLimit limit = new AdaptiveLimit(
                new AdaptiveLimitSettings(
                        bounds.initial(),
                        bounds.min(),
                        bounds.max(),
                        d.window(),
                        d.minSamples(),
                        d.tolerance(),
                        d.decreaseSmoothing(),
                        d.baselineSmoothing(),
                        d.relearnAfterWindows(),
                        d.backoffRatio(),
                        d.minTtft()),
                System::nanoTime);
        return new Dam(properties, workers, limit, quotas, metrics, clock, System::nanoTime);
    }
}
