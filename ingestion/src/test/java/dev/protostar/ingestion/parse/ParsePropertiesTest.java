package dev.protostar.ingestion.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

class ParsePropertiesTest {

    @Test
    void binds_the_limits_in_application_yml() throws Exception {
        var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        var binder = new Binder(
                ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));

        var limits = binder.bind("protostar.parse", ParseProperties.class).get();

        assertThat(limits.maxFileSize()).isEqualTo(DataSize.ofMegabytes(20));
        assertThat(limits.maxCharacters()).isEqualTo(2_000_000);
        assertThat(limits.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(limits.maxInflationRatio()).isEqualTo(100);
        assertThat(limits.maxInflatedSize()).isEqualTo(DataSize.ofMegabytes(200));
        assertThat(limits.maxPdfPages()).isEqualTo(100);
    }

    @Test
    void unset_limits_take_their_defaults() {
        assertThat(new ParseProperties(null, 0, null, 0, null, 0)).isEqualTo(ParseProperties.defaults());
        assertThat(ParseProperties.defaults().maxCharacters()).isEqualTo(2_000_000);
    }
}
