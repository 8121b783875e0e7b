package dev.protostar.worker.ground;

import java.util.List;

/** The fixed sentences of grounded answers, in the question's language. */
public final class Phrases {

    private Phrases() {}

    /** The answer when the documents cover nothing the question asks. */
    public static String refusal(Language language, List<String> uncovered) {
        if (language == Language.KOREAN) {
            return uncovered.isEmpty()
                    ? "후보자의 문서에는 이 질문에 답할 내용이 없습니다."
                    : "후보자의 문서에는 " + String.join(", ", uncovered) + "에 대한 내용이 없어 답할 수 없습니다.";
        }
        return uncovered.isEmpty()
                ? "The candidate's documents do not cover this question."
                : "The candidate's documents do not mention " + String.join(", ", uncovered)
                        + ", so I cannot answer that.";
    }

    /** The answer when the candidate has no readable document yet, naming the files that could not be read. */
    public static String noDocuments(Language language, List<String> failedFiles) {
        if (language == Language.KOREAN) {
            return "이 후보자에게는 아직 읽을 수 있는 문서가 없어 답할 수 없습니다."
                    + (failedFiles.isEmpty()
                            ? " 이력서를 올리면 답할 수 있습니다."
                            : " 읽지 못한 파일: " + String.join(", ", failedFiles) + ".");
        }
        return "This candidate has no readable document yet, so I cannot answer."
                + (failedFiles.isEmpty()
                        ? " Upload a resume to ask about it."
                        : " Files that could not be read: " + String.join(", ", failedFiles) + ".");
    }

    /**
     * Said after a partial answer: what the documents do not cover. Figures are left out: a number in an
     * answer must be one a cited document states, and this one is the opposite.
     */
    public static String notCovered(Language language, List<String> uncovered) {
        List<String> words = uncovered.stream()
                .filter(u -> u.chars().noneMatch(Character::isDigit))
                .toList();
        if (words.isEmpty()) {
            return language == Language.KOREAN
                    ? "질문의 나머지 부분은 문서에 나와 있지 않습니다."
                    : "The documents do not cover the rest of the question.";
        }
        return language == Language.KOREAN
                ? "문서에는 " + String.join(", ", words) + "에 대한 내용은 없습니다."
                : "The documents do not mention " + String.join(", ", words) + ".";
    }

    public static String lead(Language language) {
        return language == Language.KOREAN ? "후보자의 문서에 따르면:" : "From the candidate's documents:";
    }

    /** Appended when sentences with figures no cited chunk contains were removed from a model's answer. */
    public static String removedFigures(Language language, List<String> figures) {
        return language == Language.KOREAN
                ? "(인용한 문서에서 확인되지 않는 수치(" + String.join(", ", figures) + ")가 든 문장은 삭제했습니다.)"
                : "(Removed statements with figures the cited documents do not contain: " + String.join(", ", figures)
                        + ".)";
    }
}
