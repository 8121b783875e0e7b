package dev.protostar.worker.generate;

import dev.protostar.search.tokens.TokenCounter;
import dev.protostar.worker.memory.GroupedSummary;
import dev.protostar.worker.memory.Memory;
import dev.protostar.worker.memory.MemoryProperties;
import dev.protostar.worker.memory.Turn;
import dev.protostar.worker.retrieve.Hit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Builds a turn's prompt from its parts, each within its own token budget (BPE, cl100k — the tokens a model
 * bills, not characters): the rules, the conversation's summary (its oldest lines dropped first if it is
 * over budget), the turns not yet summarised verbatim, the retrieved excerpts
 * (best first, numbered as the citations will be) and the question.
 *
 * <p>What is quoted — the conversation, each excerpt — is a {@link DataBlock}, which the text inside cannot close:
 * the rules say that nothing inside one is an instruction, and a document that says otherwise stays inside.
 */
@Component
public class PromptAssembler {

    private final MemoryProperties memory;
    private final PromptProperties budgets;

    PromptAssembler(MemoryProperties memory, PromptProperties budgets) {
        this.memory = memory;
        this.budgets = budgets;
    }

    public Prompt assemble(String rules, Ask ask) {
        String history = history(ask.memory());
        StringBuilder user = new StringBuilder(history);
        user.append("Excerpts of the candidate's documents:\n");
        List<Hit> sources = ask.sources();
        int context = 0;
        for (int i = 0; i < sources.size(); i++) {
            Hit hit = sources.get(i);
            // The heading line is inside the block too: a title or a heading is the document's text.
            String excerpt = DataBlock.of(
                            "excerpt",
                            "[" + (i + 1) + "] " + hit.title() + " › " + hit.section() + " (" + hit.location() + ")\n"
                                    + hit.text())
                    + "\n\n";
            int tokens = TokenCounter.count(excerpt);
            if (i > 0 && context + tokens > budgets.contextTokens()) {
                break;
            }
            context += tokens;
            user.append(excerpt);
        }
        user.append("Question: ").append(cut(ask.question(), budgets.questionTokens()));
        if (ask.verdict().partial()) {
            user.append("\n(The documents do not mention: ")
                    .append(String.join(", ", ask.verdict().uncovered()))
                    .append(".)");
        }
        String text = user.toString();
        return new Prompt(
                rules, text, TokenCounter.count(rules) + TokenCounter.count(text), TokenCounter.count(history));
    }

    /** The summary and the recent turns, as the model reads them, fenced as data; empty for a first turn. */
    public String history(Memory memory) {
        if (memory.isEmpty()) {
            return "";
        }
        StringBuilder history = new StringBuilder();
        if (!memory.summary().isBlank()) {
            history.append("Summary of earlier turns:\n")
                    .append(GroupedSummary.of(newestLines(memory.summary(), this.memory.summaryTokens())))
                    .append("\n\n");
        }
        if (!memory.recent().isEmpty()) {
            history.append("Recent turns:\n").append(recent(memory.recent()));
        }
        return DataBlock.of("conversation", history.toString()) + "\n\n";
    }

    /**
     * The turns the summary does not hold yet, verbatim (each answer as recalled: its sentences, without the
     * citation markers that named another prompt's excerpts): the fold after each turn keeps them few, and
     * until it has run a turn is sent rather than forgotten. Newest first within the budget (the newest always,
     * cut if it alone is over); the full-history baseline sends them all, as the recruiter saw them.
     */
    private String recent(List<Turn> turns) {
        Deque<String> kept = new ArrayDeque<>();
        int tokens = 0;
        for (int i = turns.size() - 1; i >= 0; i--) {
            Turn recorded = turns.get(i);
            String answer = memory.fullHistory() ? recorded.answer() : recorded.recalledAnswer();
            String turn = "Recruiter: " + recorded.question() + "\nYou: " + answer + "\n\n";
            tokens += TokenCounter.count(turn);
            if (!kept.isEmpty() && tokens > budgets.verbatimTokens() && !memory.fullHistory()) {
                break;
            }
            kept.addFirst(kept.isEmpty() && !memory.fullHistory() ? cut(turn, budgets.verbatimTokens()) : turn);
        }
        return String.join("", kept);
    }

    /** The last lines of {@code text} that fit {@code budget} tokens. */
    static String newestLines(String text, int budget) {
        String[] lines = text.split("\\R");
        Deque<String> kept = new ArrayDeque<>();
        int tokens = 0;
        for (int i = lines.length - 1; i >= 0; i--) {
            tokens += TokenCounter.count(lines[i]) + 1;
            if (!kept.isEmpty() && tokens > budget) {
                break;
            }
            kept.addFirst(lines[i]);
        }
        return String.join("\n", kept);
    }

    /** The text, cut to {@code budget} tokens. */
    static String cut(String text, int budget) {
        if (TokenCounter.count(text) <= budget) {
            return text;
        }
        int end = text.length();
        while (end > 0 && TokenCounter.count(text.substring(0, end)) > budget) {
            end -= Math.max(1, (end / 10));
        }
        return text.substring(0, end) + "…";
    }
}
