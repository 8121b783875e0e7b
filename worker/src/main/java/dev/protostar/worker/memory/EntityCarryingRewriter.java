package dev.protostar.worker.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * The offline mode's follow-up resolution: a question that leans on an earlier turn ("그 회사에서 팀 규모는?",
 * "처음에 물어본 회사에서는?", "What about there?") gets that turn's subjects appended, quoted — what its
 * answer quoted from — taken from the summary's lines and the recent turns alike. The turn is the
 * latest answered one, or the first or second when the question says so.
 */
final class EntityCarryingRewriter implements QueryRewriter {

    /** Subjects carried from the turn pointed at: enough to find its section again. */
    private static final int SUBJECTS = 2;

    private final FactLines lines;

    EntityCarryingRewriter(FactLines lines) {
        this.lines = lines;
    }

    /** The turn sharing the most words with the question (the latest of equals): what "앞에서 말한 …" names. */
    private static Facts mostAlike(String question, List<Facts> answered) {
        Facts best = answered.getLast();
        int bestShared = 0;
        for (Facts facts : answered) {
            int shared = 0;
            String about = facts.gist() + " " + String.join(" ", facts.subjects());
            for (String word : about.split("[\\s,:·|()]+")) {
                if (word.length() >= 2 && question.contains(word)) {
                    shared++;
                }
            }
            if (shared >= bestShared && shared > 0) {
                best = facts;
                bestShared = shared;
            }
        }
        return best;
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
        Facts referred = at >= 0 && at < answered.size()
                ? answered.get(at)
                : FollowUps.recalls(question) ? mostAlike(question, answered) : answered.getLast();
        // Quoted, so each is checked as the name it is, and never run together with the question's own words.
        List<String> carried = referred.subjects().stream()
                .limit(SUBJECTS)
                .map(subject -> "「" + subject.replaceAll("[「」]", "") + "」")
                .toList();
        return question + " " + (carried.isEmpty() ? referred.gist() : String.join(" ", carried));
    }
}
