package dev.protostar.worker.memory;

import java.util.regex.Pattern;

/** Whether a question leans on earlier turns, and on which: the cues of a follow-up, Korean and English. */
final class FollowUps {

    private static final Pattern CUE = Pattern.compile(
            "(?i)그\\s?(회사|곳|프로젝트|플젝|프젝|팀|때|당시|서비스|시스템|제품|직장|학교|자격증|작업|업무|전환|개편|이관|도입|기능|모델|앱|건)|거기|그곳|그때|당시|그거|그건|그게|그걸|걔|얼마에서|앞서|앞에서|아까|방금|위에서|다시"
                    + "|말씀하신|언급한|처음|첫\\s?번째|두\\s?번째|이전|그\\s?전|해당"
                    + "|\\b(there|it|its|they|them|those|same|former|latter|previous|earlier|mentioned|above|first|second)\\b"
                    + "|\\b(that|this|the)\\s+(company|project|team|role|job|position|system|service|product|one|time|school)\\b"
                    + "|\\bbefore that\\b|\\byou (?:said|mentioned|quoted)\\b|\\bagain\\b");

    /**
     * "앞에서 말한 … 수치", "아까 피크 처리량을 물어봤던 쿠팡 프로젝트", "the figure you mentioned": a turn found by what
     * it was about, not by its place.
     */
    private static final Pattern RECALLS = Pattern.compile(
            "(?i)(앞에서|앞서|아까|방금|위에서|전에)\\s*(?:[^\\s?]+\\s+){0,3}?[^\\s?]*?(말한|말씀하신|언급한|얘기한|나온|알려준|말했던|물어본|물어봤던|물었던|여쭤본|다고\\s*한|라고\\s*한|했던|됐던|였던)|다시|\\byou (?:said|mentioned|quoted)\\b|\\b(?:mentioned|quoted) (?:earlier|before|above)\\b|\\bagain\\b");

    private static final Pattern FIRST = Pattern.compile("(?i)처음|맨\\s?앞|첫\\s?번째|\\bfirst\\b");
    private static final Pattern SECOND = Pattern.compile("(?i)두\\s?번째|\\bsecond\\b");

    /**
     * A question that names what it is about and asks nothing of its own: "그 전 회사에서는?", "거기는요?", "and
     * before that?", "what about the previous one?".
     */
    private static final Pattern ELLIPTICAL = Pattern.compile(
            "(?i)^(?:[^?]*\\s)?[^\\s?]*(?:은|는|에선|도)요?\\s*[?？]*\\s*$|^\\s*(?:and|what about|how about)\\b[^?]*[?]?\\s*$");

    /** A question word or a verb of its own: the question asks something, so it is no ellipsis. */
    private static final Pattern ASKS_ITS_OWN =
            Pattern.compile("(?i)뭐|무엇|무슨|몇|얼마|어디|언제|누구|왜|어떻|어떤|어느|했|하는|였|이었|있|없|나요|까요"
                    + "|\\b(?:what|which|when|where|who|why|how|did|does|do|was|were|is|are|has|have|had|can|could)\\b"
                    + "|\\b(?:size|long|many|much|team|role|title|salary|dates?|years?)\\b");

    private FollowUps() {}

    static boolean elliptical(String question) {
        String own = question.replaceFirst("(?i)^\\s*(?:what|how)\\s+about\\b", "and");
        return ELLIPTICAL.matcher(question).find() && !ASKS_ITS_OWN.matcher(own).find();
    }

    static boolean isFollowUp(String question) {
        return CUE.matcher(question).find();
    }

    static boolean recalls(String question) {
        return RECALLS.matcher(question).find();
    }

    /** Which earlier turn the question points at: 0 the first, 1 the second, -1 the latest. */
    static int pointsAt(String question) {
        if (FIRST.matcher(question).find()) {
            return 0;
        }
        return SECOND.matcher(question).find() ? 1 : -1;
    }
}
