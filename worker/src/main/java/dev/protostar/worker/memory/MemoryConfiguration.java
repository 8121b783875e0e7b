package dev.protostar.worker.memory;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.protostar.worker.generate.LlmProperties;
import dev.protostar.worker.generate.PromptAssembler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The summarizer and the follow-up rewriter: the language model's when one is configured, else extractive. */
@Configuration
class MemoryConfiguration {

    @Bean
    Summarizer summarizer(LlmProperties llm, FactLines lines) {
        Summarizer extractive = new ExtractiveSummarizer(lines);
        Summarizer base = llm.configured() ? new LlmSummarizer(chatModel(llm), extractive) : extractive;
        return new CheckedSummarizer(base, lines);
    }

    @Bean
    QueryRewriter queryRewriter(LlmProperties llm, FactLines lines, PromptAssembler assembler) {
        QueryRewriter carrying = new EntityCarryingRewriter(lines);
        return llm.configured() ? new LlmRewriter(chatModel(llm), assembler::history, carrying) : carrying;
    }

    private static ChatModel chatModel(LlmProperties llm) {
        return OpenAiChatModel.builder()
                .baseUrl(llm.baseUrl())
                .apiKey(llm.apiKey())
                .modelName(llm.model())
                .timeout(llm.stallTimeout())
                .build();
    }
}
