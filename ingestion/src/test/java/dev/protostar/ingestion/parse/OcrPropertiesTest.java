package dev.protostar.ingestion.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

class OcrPropertiesTest {

    @Test
    void binds_the_ocr_settings_in_application_yml() throws Exception {
        var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        var binder = new Binder(
                ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));

        var ocr = binder.bind("protostar.parse.ocr", OcrProperties.class).get();

        assertThat(ocr).isEqualTo(OcrProperties.defaults());
        assertThat(ocr.languages()).isEqualTo("kor+eng");
        assertThat(ocr.dpi()).isEqualTo(300);
        assertThat(ocr.pageTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(ocr.timeout()).isEqualTo(Duration.ofSeconds(120));
    }
}
