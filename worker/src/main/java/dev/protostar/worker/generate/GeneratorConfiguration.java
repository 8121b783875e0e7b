package dev.protostar.worker.generate;

import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.protostar.search.keyword.KeywordAnalyzer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The language model when a key is configured, otherwise the honest offline mode (extractive, never
 * generative); the model is opened through the {@code call-llm} circuit breaker.
 */
@Configuration
class GeneratorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GeneratorConfiguration.class);

    @Bean
    LlmBreaker llmBreaker(LlmProperties llm) {
        return new LlmBreaker(llm.breaker(), System::nanoTime);
    }

    /** Looked up by name by the {@code call-llm} route's circuit breaker. */
    @Bean(CallLlmRoute.BREAKER)
    CircuitBreaker llmCircuitBreaker(LlmBreaker breaker) {
        return breaker.circuitBreaker();
    }

    @Bean
    ModelStreams modelStreams(LlmProperties llm) {
        return new ModelStreams(llm.capacityProbe(), System::nanoTime);
    }

    @Bean
    Generator generator(
            LlmProperties llm,
            KeywordAnalyzer analyzer,
            PromptAssembler assembler,
            ProducerTemplate producer,
            LlmBreaker breaker,
            ModelStreams streams) {
        Generator offline = new ExtractiveGenerator(analyzer, assembler);
        if (!llm.configured()) {
            log.info("No PROTOSTAR_LLM_API_KEY: offline mode (extractive answers only, no generation)");
            return offline;
        }
        log.info(
                "Language model {} at {}; while its breaker is open: {}",
                llm.model(),
                llm.baseUrl(),
                llm.onBreakerOpen());
        Generator model = new LlmGenerator(
                OpenAiStreamingChatModel.builder()
                        .baseUrl(llm.baseUrl())
                        .apiKey(llm.apiKey())
                        .modelName(llm.model())
                        .timeout(llm.stallTimeout().multipliedBy(20))
                        // each open stream blocks a thread reading its body and runs our token sink (a Kafka send
                        // per delta): hundreds at once are cheap as virtual threads, not as the JDK's common pool
                        .httpClientBuilder(VirtualThreadStreams.builder())
                        .build(),
                llm.stallTimeout(),
                assembler,
                new CallLlm(producer, breaker, llm, streams));
        return llm.onBreakerOpen() == LlmProperties.OnBreakerOpen.OFFLINE
                ? new OfflineWhenBreakerOpen(model, offline)
                : model;
    }
}
