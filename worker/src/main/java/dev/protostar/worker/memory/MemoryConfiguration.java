package dev.protostar.worker.memory;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.protostar.worker.generate.LlmProperties;
import dev.protostar.worker.generate.PromptAssembler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The summarizer and the follow-up rewriter (the language model's when one is configured, else extractive), and
 * the memory answering recalls. Every summary is checked for lost facts, then cleared of instructions.
 */
@Configuration
class MemoryConfiguration {

    @Bean
    Summarizer summarizer(LlmProperties llm, FactLines lines) {
        Summarizer extractive = new ExtractiveSummarizer(lines);
        Summarizer base = llm.configured() ? new LlmSummarizer(chatModel(llm), extractive) : extractive;
        return new InstructionFreeSummarizer(new CheckedSummarizer(base, lines));
    }

    /** What answering recalls: the stored memory, with turns a lagging fold has not reached read as summary lines. */
    @Bean
    @Primary
    MemoryStore memoryStore(SessionMemories memories, FactLines lines, MemoryProperties properties) {
        return new CaughtUpMemories(
                memories,
                new InstructionFreeSummarizer(new CheckedSummarizer(new ExtractiveSummarizer(lines), lines)),
                properties);
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
