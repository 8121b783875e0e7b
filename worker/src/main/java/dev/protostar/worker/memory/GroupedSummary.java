package dev.protostar.worker.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * The summary as a prompt shows it: consecutive lines about the same subject (turns that stayed on one
 * project) under that subject, written once, each line keeping what was asked, its other names and its
 * figures. The summary itself keeps one line per turn; this changes how it reads, not what it holds.
 *
 * <pre>
 * Ledger 2.0:
 *   - 진행 기간: QA — 2022.01 ~ 2023.06, 1년 6개월
 *   - 배치 소요 시간 단축 — 4시간 20분 → 38분
 * </pre>
 */
public final class GroupedSummary {

    private GroupedSummary() {}

    public static String of(String summary) {
        List<String> texts = List.of(summary.split("\\R"));
        List<Facts> facts = new ArrayList<>();
        for (String text : texts) {
            facts.add(FactLines.parseLine(text, 0));
        }
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            String subject = subject(facts.get(i));
            boolean continues = subject != null && i > 0 && subject.equals(subject(facts.get(i - 1)));
            boolean opens =
                    subject != null && !continues && i + 1 < texts.size() && subject.equals(subject(facts.get(i + 1)));
            if (opens) {
                shown.append(subject).append(":\n");
            }
            shown.append(opens || continues ? under(facts.get(i)) : texts.get(i))
                    .append('\n');
        }
        return shown.toString().strip();
    }

    /** What an answered line is about first; none for a refusal or a line of another shape. */
    private static String subject(Facts facts) {
        return facts == null || facts.refused() || facts.subjects().isEmpty()
                ? null
                : facts.subjects().getFirst();
    }

    private static String under(Facts facts) {
        List<String> others = facts.subjects().subList(1, facts.subjects().size());
        StringBuilder line = new StringBuilder("  - ").append(facts.gist());
        if (!others.isEmpty()) {
            line.append(": ").append(String.join("; ", others));
        }
        if (!facts.figures().isEmpty()) {
            line.append(" — ").append(String.join(", ", facts.figures()));
        }
        return line.toString();
    }
}
