package dev.protostar.chat.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

class LimitPropertiesTest {

    @Test
    void application_yml_sets_every_limit() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);

        LimitProperties limits = new Binder(
                        ConfigurationPropertySources.get(environment),
                        new PropertySourcesPlaceholdersResolver(environment))
                .bind("protostar.limits", LimitProperties.class)
                .get();

        assertThat(limits.body().message()).isEqualTo(DataSize.ofKilobytes(32));
        assertThat(limits.body().completion()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(limits.body().session()).isEqualTo(DataSize.ofKilobytes(4));
        assertThat(limits.body().candidate()).isEqualTo(DataSize.ofKilobytes(4));
        assertThat(limits.body().other()).isEqualTo(DataSize.ofKilobytes(4));
        assertThat(limits.streamsPerTenant()).isEqualTo(50);
        assertThat(limits.streamRetryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(limits.idempotencyKeyLength()).isEqualTo(255);
        assertThat(limits.cursorWait()).isEqualTo(Duration.ofSeconds(2));
    }
}
