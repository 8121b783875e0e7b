package dev.protostar.worker.memory;

import dev.protostar.worker.ground.AnswerShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The offline mode's follow-up resolution: a question that leans on an earlier turn ("그 회사에서 팀 규모는?",
 * "처음에 물어본 회사에서는?", "What about there?") gets that turn's subjects appended, quoted — what its
 * answer quoted from — taken from the summary's lines and the recent turns alike. The turn is the
 * latest answered one; the second when the question says so; the first one about what it names when it says
 * "first" ("처음에 얘기한 정산 플랫폼 프로젝트"), else the first. A question that asks nothing of its own ("그 전
 * 회사에서는?", "and before that?") after one that asked for a figure of a kind ({@link AnswerShape}: a head count,
 * a period, a date) asks for that figure again, of what it points at now.
 */
final class EntityCarryingRewriter implements QueryRewriter {

    /** Subjects carried from the turn pointed at: enough to find its section again. */
    private static final int SUBJECTS = 2;

    private final FactLines lines;

    EntityCarryingRewriter(FactLines lines) {
        this.lines = lines;
    }

    /**
     * The turn sharing the most words with the question, if any shares one: what "앞에서 말한 …" names (the latest
     * of equals), or "처음에 얘기한 정산 플랫폼 프로젝트" (the earliest: the first turn about it, not the first turn).
     */
    private static Optional<Facts> mostAlike(String question, List<Facts> answered, boolean earliest) {
        Facts best = null;
        int bestShared = 0;
        for (Facts facts : answered) {
            int shared = 0;
            String about = facts.gist() + " " + String.join(" ", facts.subjects());
            for (String word : about.split("[\\s,:·|()]+")) {
                if (word.length() >= 2 && question.contains(word)) {
                    shared++;
                }
            }
            // "아까 비용을 62% 줄였다고 한 프로젝트": a figure the turn quoted names it more surely than any word.
            for (String figure : facts.figures()) {
                if (figure.length() >= 2 && question.contains(figure)) {
                    shared += 2;
                }
            }
            if (shared > bestShared || (shared == bestShared && shared > 0 && !earliest)) {
                best = facts;
                bestShared = shared;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public String rewrite(String question, Memory memory) {
        if (memory.isEmpty() || !FollowUps.isFollowUp(question)) {
            return question;
        }
        List<Facts> answered = new ArrayList<>();
        for (Facts facts : lines.parse(memory.summary())) {
            if (!facts.refused()) {
                answered.add(facts);
            }
        }
        for (Turn turn : memory.recent()) {
            if (!turn.refused()) {
                answered.add(lines.facts(turn));
            }
        }
        if (answered.isEmpty()) {
            return question;
        }
        int at = FollowUps.pointsAt(question);
        Facts referred;
        if (at == 0) {
            referred = mostAlike(question, answered, true).orElse(answered.getFirst());
        } else if (at > 0 && at < answered.size()) {
            referred = answered.get(at);
        } else {
            referred = FollowUps.recalls(question)
                    ? mostAlike(question, answered, false).orElse(answered.getLast())
                    : answered.getLast();
        }
        // Quoted, so each is checked as the name it is, and never run together with the question's own words.
        List<String> carried = referred.subjects().stream()
                .limit(SUBJECTS)
                .map(subject -> "「" + subject.replaceAll("[「」]", "") + "」")
                .toList();
        String about = carried.isEmpty() ? referred.gist() : String.join(" ", carried);
        if (FollowUps.elliptical(question)) {
            // "그 전 회사에서는?" after "팀원 몇 명 데리고 있어?": the figure asked then is asked again, of what it points at
            String asked = memory.recent().stream()
                    .filter(turn -> turn.seq() == referred.seq())
                    .map(Turn::question)
                    .findFirst()
                    .orElse(referred.gist());
            Optional<String> shape = AnswerShape.askedIn(asked).map(s -> s.asking(asked));
            if (shape.isPresent() && !shape.get().isBlank()) {
                return question.replaceAll("[?？\\s]+$", "") + " " + shape.get() + "? " + about;
            }
        }
        return question + " " + about;
    }
}
