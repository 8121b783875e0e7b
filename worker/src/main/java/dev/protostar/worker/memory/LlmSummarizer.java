package dev.protostar.worker.memory;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import java.util.List;

/**
 * The summary written by a language model: the summary so far and the turns to fold in, never the whole
 * history. Checked afterwards by {@link CheckedSummarizer}, which restores any figure it lost.
 */
final class LlmSummarizer implements Summarizer {

    static final String RULES =
            """
            You keep the running summary of a recruiter's conversation about one job candidate. Fold the new \
            turns into the summary: what was asked and what the answer established. Keep every number, name, \
            company, project and date exactly as written. One short line per turn, oldest first; keep the \
            existing lines as they are. Reply with the whole updated summary only.""";

    private final ChatModel model;

    LlmSummarizer(ChatModel model) {
        this.model = model;
    }

    @Override
    public String fold(String summary, List<Turn> turns) {
        StringBuilder user = new StringBuilder("Summary so far:\n")
                .append(summary.isBlank() ? "(none)" : summary)
                .append("\n\nNew turns:\n");
        for (Turn turn : turns) {
            user.append("Recruiter: ").append(turn.question()).append('\n');
            user.append("Answer: ").append(turn.answer()).append("\n\n");
        }
        return model.chat(SystemMessage.from(RULES), UserMessage.from(user.toString()))
                .aiMessage()
                .text()
                .strip();
    }
}
