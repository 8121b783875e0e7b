package dev.protostar.search;

import dev.protostar.search.embed.Embedder;
import dev.protostar.search.embed.EmbeddingProperties;
import dev.protostar.search.embed.OnnxEmbedder;
import dev.protostar.search.embed.OpenAiEmbedder;
import dev.protostar.search.keyword.KeywordAnalyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The embedder and keyword analyzer, the same in ingestion (which writes) and the worker (which searches). */
@AutoConfiguration
@EnableConfigurationProperties(EmbeddingProperties.class)
public class SearchAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SearchAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Embedder embedder(EmbeddingProperties properties) {
        if (properties.remote()) {
            log.info("Embeddings from {} (model {})", properties.baseUrl(), properties.model());
            return new OpenAiEmbedder(properties);
        }
        log.info("Embeddings in process: bge-small-en-v1.5 (ONNX, quantized)");
        return new OnnxEmbedder();
    }

    @Bean
    @ConditionalOnMissingBean
    KeywordAnalyzer keywordAnalyzer() {
        return new KeywordAnalyzer();
    }
}
