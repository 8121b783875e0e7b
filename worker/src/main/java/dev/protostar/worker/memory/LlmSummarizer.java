package dev.protostar.worker.memory;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The summary written by a language model: the summary so far and the turns to fold in, never the whole
 * history. Checked afterwards by {@link CheckedSummarizer}, which restores any figure or name it lost. When
 * the model fails, the turns are folded extractively: the summary stays compact while the model is away.
 */
final class LlmSummarizer implements Summarizer {

    private static final Logger log = LoggerFactory.getLogger(LlmSummarizer.class);

    static final String RULES =
            """
            You keep the running summary of a recruiter's conversation about one job candidate. Fold the new \
            turns into the summary: what was asked and what the answer established. Keep every number, name, \
            company, project and date exactly as written. One short line per turn, oldest first; keep the \
            existing lines as they are. Reply with the whole updated summary only.""";

    private final ChatModel model;
    private final Summarizer fallback;

    LlmSummarizer(ChatModel model, Summarizer fallback) {
        this.model = model;
        this.fallback = fallback;
    }

    @Override
    public String fold(String summary, List<Turn> turns) {
        StringBuilder user = new StringBuilder("Summary so far:\n")
                .append(summary.isBlank() ? "(none)" : summary)
                .append("\n\nNew turns:\n");
        for (Turn turn : turns) {
            user.append("Recruiter: ").append(turn.question()).append('\n');
            user.append("Answer: ").append(turn.recalledAnswer()).append("\n\n");
        }
        try {
            String folded = model.chat(SystemMessage.from(RULES), UserMessage.from(user.toString()))
                    .aiMessage()
                    .text();
            if (folded != null && !folded.isBlank()) {
                return folded.strip();
            }
            log.warn("The model returned an empty summary; folding extractively");
        } catch (RuntimeException e) {
            log.warn("The model could not fold the summary ({}); folding extractively", e.toString());
        }
        return fallback.fold(summary, turns);
    }
}
