package dev.protostar.loadtest.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.loadtest.eval.MemoryBenchmark;
import dev.protostar.loadtest.eval.MemoryReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The memory benchmark: the scripted conversations of {@code memory/conversations.json} (Korean and English,
 * 10 and 20 turns, a third of them follow-ups) played on a fresh offline stack with the session's memory,
 * then on another whose worker sends every earlier turn verbatim. Prints the report;
 * {@code -Dprotostar.memory.report=path} also saves it ({@code ./protostar bench-memory}).
 */
class MemoryBenchmarkIT {

    @Test
    void memory_costs_a_fraction_of_the_full_history_and_loses_no_follow_up() throws Exception {
        List<MemoryBenchmark.Played> withMemory = play(Map.of());
        List<MemoryBenchmark.Played> withFullHistory = play(Map.of("PROTOSTAR_MEMORY_FULL_HISTORY", "true"));
        MemoryReport report = new MemoryReport(withMemory, withFullHistory);
        String markdown = report.markdown();
        System.out.println(markdown);
        String path = System.getProperty("protostar.memory.report");
        if (path != null && !path.isBlank()) {
            Files.writeString(Path.of(path), header() + markdown);
        }

        assertThat(report.historySavingAt(10))
                .as("fewer history tokens at turn 10")
                .isGreaterThanOrEqualTo(0.70);
        assertThat(report.memoryDependentAccuracy(true))
                .as("follow-ups answered with memory, against the full history")
                .isGreaterThanOrEqualTo(report.memoryDependentAccuracy(false) - 0.05);
    }

    private static List<MemoryBenchmark.Played> play(Map<String, String> workerEnv) throws Exception {
        try (Stack stack = Stack.offline()) {
            ApiClient api = stack.chatApi("memory-chat-api");
            AppProcess worker = stack.worker("memory-worker", "active", workerEnv);
            stack.ingestion("memory-ingestion");
            return new MemoryBenchmark(api.baseUrl(), worker.managementUrl(), stack.adminKey, stack.recruiterKey)
                    .play();
        }
    }

    private static String header() {
        return """
                # Conversation memory benchmark

                Produced by `./protostar bench-memory` (`MemoryBenchmarkIT`) on %s, on the development machine
                (2 cores, 24 GiB, no GPU), in the offline mode (no language model: extractive answers, extractive
                summary, entity-carrying follow-up resolution). Conversations: `loadtest/src/main/resources/memory/
                conversations.json` — eight scripted screening calls (four Korean, four English; four of 10 turns,
                four of 20) about the evaluation's synthetic candidates, a third of the turns follow-ups that need
                earlier turns ("그 프로젝트 팀은?", "처음에 물어본 회사에서는?", "What about the second project?"),
                many of them referring five or more turns back. Each is played twice on a fresh stack: with the
                session's memory (summary + the turns not yet folded, the last always verbatim) and with the full
                history (every earlier turn verbatim), with a 300 ms pause between turns. Tokens are BPE (cl100k),
                counted on the prompt as a model would receive it.

                What the accuracy rows can and cannot say: offline, an answer is extractive, so the history reaches
                it only through the follow-up rewrite, which in both setups reads nearly the same facts (summary lines,
                or facts taken the same way from the verbatim turns). Equal accuracy shows the summary keeps what resolving
                a follow-up needs; whether a model answers as well from a summary as from a transcript needs a
                model run, which this machine cannot make (no key, no network).

                """
                .formatted(LocalDate.now());
    }
}
