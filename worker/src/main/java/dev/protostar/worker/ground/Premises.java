package dev.protostar.worker.ground;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question takes for granted about a job it names, checked against the documents' dates and title lines:
 * when it began ("She's been at Kiezbank since 2018, right?" of a job begun in 2021), how long it lasted ("쿠팡에서
 * 5년 일했던데 …" of three years and five months, "at Corvid Freight for 5 yrs right?") and the role held there ("새벽배송랩에서 ML 엔지니어로 있으면서" of a
 * data engineer). A premise the documents contradict voids the question, as a
 * name they never use does: answering it would confirm what is not so.
 */
final class Premises {

    /** "Since 2018", "2018년부터", "joined X in 2018": a start the question takes for granted. */
    private static final Pattern SINCE = Pattern.compile(
            "(?i)\\b(?:since|from|joined\\s+\\S+(?:\\s+\\S+)?\\s+in)\\s+((?:19|20)\\d{2})\\b|((?:19|20)\\d{2})\\s*년?\\s*(?:부터|에\\s*입사|입사)");

    /**
     * A length of time spent at a job: "5년 일했", "3년 동안 다녔", "spent five years at", "worked there for 6
     * years", "after 4 years at".
     */
    private static final Pattern SPENT = Pattern.compile(
            "(?i)(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\\s*(?:년|years?|yrs?)\\s*(?:동안|간|넘게|이나|씩)?\\s*"
                    + "(?:(?:을|를|이나)\\s*)?(?:일했|일한|근무|다녔|다닌|재직|있었|계셨|머물|(?:at|with|in)\\b)"
                    + "|\\b(?:spent|worked\\s+(?:there\\s+)?for|been\\s+there\\s+for|was\\s+there\\s+for)\\s+"
                    + "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:years?|yrs?)\\b"
                    // "was at Corvid Freight for 5 yrs": the job named between
                    + "|\\b(?:at|with)\\s+[A-Z][\\w&.-]*(?:\\s+[A-Z][\\w&.-]*){0,3}\\s+for\\s+"
                    + "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:years?|yrs?)\\b");

    /**
     * A role held at a job the question names: "새벽배송랩에서 ML 엔지니어로 있으면서", "as a data scientist at Lumen". The
     * title's last word is the kind of role; the words before it ("ML", "data") say which.
     */
    private static final Pattern ROLE =
            Pattern.compile("(?i)(?:에서|에선)\\s+((?:[A-Za-z가-힣]+\\s*){0,2}?(?:엔지니어|개발자|매니저|디자이너|연구원|기획자|애널리스트|팀장|리드"
                    // a rank: "서진건설에서 부장까지 했죠?"
                    + "|사원|주임|대리|과장|차장|부장|이사|상무|전무))"
                    // "팀장으로 5명 이끌었다며", "iOS 파트 리드였다던데": held there, or led as
                    + "(?:(?:로|으로)\\s*(?:\\d+\\s*명\\S{0,2}\\s*)?(?:있|일하|일했|일할|근무|재직|계시|계셨|활동|이끌|이끈|리드|관리|맡)"
                    + "|(?:였|이었)|까지\\s*(?:했|하셨|올라|승진|다셨|달았))"
                    + "|\\bas\\s+(?:an?\\s+|the\\s+)?((?:[a-z]+\\s+){0,2}?(?:engineer|developer|manager|designer|scientist|analyst"
                    + "|architect|researcher))\\s+(?:at|with|for)\\b"
                    // "he was head of data at fernweh right?", "so she's head of market risk at halvard?"
                    + "|(?:\\b(?:was|is|were)|['’]s)\\s+(?:the\\s+|an?\\s+)?((?:head|vp|director)\\s+of\\s+(?:[a-z]+\\s+)?[a-z]+"
                    + "|(?:[a-z]+\\s+){0,2}?"
                    + "(?:engineer|developer|manager|designer|scientist|analyst|architect|lead))\\s+at\\b");

    private static final java.util.List<String> NUMBER_WORDS =
            java.util.List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

    private final Clock clock;

    Premises(Clock clock) {
        this.clock = clock;
    }

    /** The premise of the question that the documents' dates contradict, as the question words it. */
    Optional<String> contradicted(Timeline timeline, String question) {
        return startContradicted(timeline, question)
                .or(() -> lengthContradicted(timeline, question))
                .or(() -> roleContradicted(timeline, question));
    }

    /** A role at a named job whose words the job's own title line does not have ("ML 엔지니어" of a data engineer). */
    private static Optional<String> roleContradicted(Timeline timeline, String question) {
        Matcher role = ROLE.matcher(question);
        if (!role.find()) {
            return Optional.empty();
        }
        String claimed = role.group(1) != null ? role.group(1) : role.group(2) != null ? role.group(2) : role.group(3);
        // "was she a manager at Stripe": the person and the article are not the role
        String[] words = java.util.Arrays.stream(
                        claimed.toLowerCase(java.util.Locale.ROOT).split("\\s+"))
                .filter(word -> !word.matches("she|he|they|a|an|the|his|her|their|of"))
                .toArray(String[]::new);
        return timeline.named(question)
                .filter(job -> Timeline.TITLE.matcher(job.said()).find())
                .filter(job -> java.util.Arrays.stream(words)
                        .anyMatch(word ->
                                !job.said().toLowerCase(java.util.Locale.ROOT).contains(word)))
                .map(job -> claimed.strip());
    }

    private static Optional<String> startContradicted(Timeline timeline, String question) {
        Matcher since = SINCE.matcher(question);
        if (!since.find()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(since.group(1) != null ? since.group(1) : since.group(2));
        return timeline.named(question)
                .filter(job -> (job.start() - 1) / 12 != year)
                .map(job -> since.group().strip());
    }

    /** A stated length in whole years that neither rounding of the job's real length gives. */
    private Optional<String> lengthContradicted(Timeline timeline, String question) {
        Matcher spent = SPENT.matcher(question);
        if (!spent.find()) {
            return Optional.empty();
        }
        String number =
                spent.group(1) != null ? spent.group(1) : spent.group(2) != null ? spent.group(2) : spent.group(3);
        int years = number.matches("\\d+")
                ? Integer.parseInt(number)
                : NUMBER_WORDS.indexOf(number.toLowerCase(java.util.Locale.ROOT)) + 1;
        LocalDate today = LocalDate.now(clock);
        int now = today.getYear() * 12 + today.getMonthValue();
        return timeline.named(question)
                .filter(job -> {
                    double real = Timeline.months(job, now) / 12.0;
                    return years < Math.floor(real) || years > Math.ceil(real);
                })
                .map(job -> spent.group().strip());
    }
}
