package dev.protostar.worker.ground;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prizes the documents record, with their rank ("2015 제9회 인디게임 챌린지 은상", "Mobile Design Awards 2022 —
 * Silver"), so that a question taking a higher one for granted ("인디게임 챌린지 대상 받은 사람 맞죠?", "she won gold at
 * the Mobile Design Awards?") is a premise they contradict: the award is there, the rank is another.
 */
final class Awards {

    /** The ranks a prize is given in, Korean and English. */
    private static final String RANK = "대상|최우수상|우수상|금상|은상|동상|장려상|특별상|입선"
            + "|grand prize|first place|second place|third place|1st place|2nd place|3rd place"
            + "|gold|silver|bronze|runner-up|honou?rable mention|finalist";

    private static final Pattern RANK_IN_LINE = Pattern.compile("(?i)(?<![가-힣])(?:" + RANK + ")");

    /**
     * A rank a question claims was won: followed by a verb of winning in Korean ("대상 받은", "금상을 탔다던데") — 대상 is
     * also "target" — or near one in English ("won gold at", "took first place").
     */
    private static final Pattern CLAIMED = Pattern.compile("(?i)(?<![가-힣])(" + RANK
            + ")\\s*(?:을|를|은|는|이|도|까지)?\\s*(?:받|수상|탔|탄|거머쥐|차지)"
            + "|\\b(?:won|win|wins|got|took|awarded|received|taking)\\s+(?:the\\s+|a\\s+)?(" + RANK + ")\\b");

    /** Words every prize line may have: they do not say which prize. */
    private static final Pattern GENERIC = Pattern.compile(
            "(?i)대회|공모전|경진대회|수상|사내|올해의|상|받은|받았|사람|맞죠|맞아|무슨|award|awards|prize|competition|contest"
                    + "|the|at|in|she|he|his|her|did|does|was|for|won|win|got|took|received|awarded|right|what|which|any");

    private final List<String> lines;

    private Awards(List<String> lines) {
        this.lines = lines;
    }

    /** Of the documents' lines ({@link CandidateProfiles#lines}), those that give a prize's rank. */
    static Awards of(List<String> lines) {
        return new Awards(
                lines.stream().filter(line -> RANK_IN_LINE.matcher(line).find()).toList());
    }

    /** The claim ("인디게임 챌린지 대상") when the prize the question names is recorded, none of its lines with that rank. */
    Optional<String> contradicted(String question) {
        Matcher claimed = CLAIMED.matcher(question);
        if (!claimed.find()) {
            return Optional.empty();
        }
        String rank = (claimed.group(1) != null ? claimed.group(1) : claimed.group(2)).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : question.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            String bare = word.replaceAll("(?:에서|에게|으로|은|는|이|가|을|를|의|도|로)$", "");
            if (bare.length() >= 2 && !GENERIC.matcher(bare).matches() && !bare.matches(RANK)) {
                words.add(bare);
            }
        }
        List<String> same = lines.stream()
                .filter(line -> words.stream().anyMatch(line::contains))
                .toList();
        if (same.isEmpty() || same.stream().anyMatch(line -> line.contains(rank))) {
            return Optional.empty();
        }
        return Optional.of(claimed.group().strip());
    }
}
