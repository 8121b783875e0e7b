package dev.protostar.worker.generate;

import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.protostar.search.keyword.KeywordAnalyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The language model when a key is configured, otherwise the honest offline mode (extractive, never generative). */
@Configuration
class GeneratorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GeneratorConfiguration.class);

    @Bean
    Generator generator(LlmProperties llm, KeywordAnalyzer analyzer, PromptAssembler assembler) {
        if (!llm.configured()) {
            log.info("No PROTOSTAR_LLM_API_KEY: offline mode (extractive answers only, no generation)");
            return new ExtractiveGenerator(analyzer, assembler);
        }
        log.info("Language model {} at {}", llm.model(), llm.baseUrl());
        return new LlmGenerator(
                OpenAiStreamingChatModel.builder()
                        .baseUrl(llm.baseUrl())
                        .apiKey(llm.apiKey())
                        .modelName(llm.model())
                        .timeout(llm.stallTimeout().multipliedBy(20))
                        .build(),
                llm.stallTimeout(),
                assembler);
    }
}
