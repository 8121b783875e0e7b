package dev.protostar.worker.ground;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question says about the person and their career rather than about a topic, understood before the
 * question is read for its terms:
 * <ul>
 *   <li>the candidate — 지원자, 후보자, 이 분, 그녀, "the candidate", their name in Hangul or any romanisation —
 *       is who every question is about, so it is dropped, never looked up;
 *   <li>a job named by its place in time — 최근/마지막/현재/이전/첫 직장·회사, "most recent / previous / current /
 *       first company", "the company before that" — is replaced by that job's employer as the documents
 *       write it ({@link Timeline}), so retrieval finds its section and the rules check a name that is there.
 * </ul>
 * A job the timeline cannot tell (no dated experience, no job before the first) is left as written.
 */
final class References {

    private static final String JOB_KO = "(?:직장|회사|곳|근무지|직무|포지션|역할|업무|직책|일터)";
    private static final String WORKED_KO =
            "(?:에\\s*)?(?:다니는|다니고\\s*있는|다닌|다니던|다녔던|재직\\s*중인|재직하는|재직한|재직했던|근무\\s*중인|근무하는|근무한|근무했던|일하는|일한|일하던|일했던|몸담은|몸담았던|맡은|맡고\\s*있는)?\\s*";
    private static final String JOB_EN = "(?:company|employer|job|role|position|title|workplace|gig|firm|place|team)";

    /** Words for the role held rather than the place: kept beside the employer that replaces the time word. */
    private static final Pattern ROLE = Pattern.compile("(?i)직무|포지션|역할|업무|직책|\\b(?:role|position|title|team)\\b");

    private static final String OWNER_EN = "(?:(?:his|her|their|the|this person's|the candidate's)\\s+)?";

    /** Relative to a job already talked about: must be tried before {@link #PREVIOUS}, whose words it contains. */
    private static final Pattern BEFORE_THAT = Pattern.compile("(?i)그\\s*(?:이?전|앞)(?:에)?\\s*" + WORKED_KO + JOB_KO
            + "|그\\s*(?:이?전|앞)(?:에(?:는|선|서는)?|엔)(?=\\s*(?:어디|어느\\s*회사|무슨\\s*(?:회사|일)|뭐|무엇|요?\\s*[?？]?(?:\\s*「[^」]*」)*\\s*$))"
            + "|\\b(?:the\\s+)?" + JOB_EN + "\\s+(?:before|prior to)\\s+(?:that|this|it|them)\\b"
            + "|\\b(?:before|prior\\s+to)\\s+(?:that|this)\\b");

    private static final Pattern LATEST = Pattern.compile("(?i)(?:가장\\s*)?(?:최근|마지막|현재|지금|현|요즘)\\s*" + WORKED_KO
            + JOB_KO + "|(?:지금|현재|요즘)\\s*(?:어디|어느\\s*(?:회사|곳|직장)|무슨\\s*회사)|\\b" + OWNER_EN
            + "(?:most\\s+recent|latest|last|current|present|recent|now)\\s+" + JOB_EN + "\\b");

    /** A job named by the one after it: "her last job before Kiezbank", "where was she before Volta", "툰플렉스 전에 다닌 회사". */
    private static final Pattern BEFORE_NAMED = Pattern.compile("(?i)\\b(?:" + OWNER_EN
            + "(?:(?:last|previous|prior)\\s+)?(?:" + JOB_EN + "|work(?:ed)?)"
            // "where was she before Volta"
            + "|where\\s+(?:was|were|had)\\s+(?:she|he|they)(?:\\s+been)?"
            // "what did he do before Mesa Crest?"
            + "|(?:did|was|were)\\s+(?:she|he|they)\\s+(?:do|doing)"
            // "and before brightline?": the question is only the job it comes before
            + "|^\\s*(?:and|so))"
            + "\\s+(?:before|prior to)\\s+(?!that\\b|this\\b|it\\b)([^?,.!]+)"
            + "|(\\S+?)(?:에서)?\\s*(?:이전에|전에|이전|직전)(?:는|엔)?\\s*(?:어느|어떤|무슨)?\\s*" + WORKED_KO + JOB_KO);

    private static final Pattern PREVIOUS = Pattern.compile("(?i)(?:바로\\s*)?(?:이전|직전|전)\\s*" + WORKED_KO + JOB_KO
            + "|\\b" + OWNER_EN + "(?:previous|prior|former|past|preceding)\\s+" + JOB_EN + "\\b");

    /** "첫 정규직 회사", "her first full-time job": the earliest job that was no internship. */
    private static final Pattern FIRST_FULL_TIME =
            Pattern.compile("(?i)(?:첫|처음)\\s*(?:번째\\s*)?(?:으로\\s*)?(?:정규직|풀타임|정직원)\\s*(?:으로\\s*)?" + WORKED_KO + JOB_KO
                    + "|\\b" + OWNER_EN + "first\\s+(?:full[ -]?time|permanent|real)\\s+" + JOB_EN + "\\b");

    private static final Pattern FIRST = Pattern.compile(
            "(?i)(?:(?:대학|학교)?\\s*졸업\\s*(?:하고|후에?|이후에?|하자마자)\\s*)?"
                    + "(?:첫|처음)\\s*(?:번째\\s*)?(?:으로\\s*)?(?:에\\s*)?"
                    + WORKED_KO + JOB_KO + "|커리어를?\\s*(?:처음\\s*)?시작한\\s*" + JOB_KO + "|커리어\\S{0,2}\\s*(?:첫|처음)\\s*시작"
                    // "사회생활 첫 시작은 어디서 했어요?"
                    + "|사회\\s*생활\\S{0,2}\\s*(?:첫|처음)\\s*시작|(?:첫|처음)\\s*사회\\s*생활"
                    + "|\\b" + OWNER_EN
                    + "(?:first|earliest)\\s+" + JOB_EN + "\\b"
                    // "her first job after uni": when it was is part of which job, not a question about her studies
                    + "(?:\\s+(?:after|out\\s+of)\\s+(?:uni|university|college|school|grad\\s+school|graduat\\w*|(?:her|his|their)\\s+degree))?");

    /** Asking for the skills by another name than the documents' heading: the programming languages, the stack. */
    private static final Pattern SKILLS = Pattern.compile("(?i)(?:프로그래밍|개발|코딩|주력|사용\\s*하는|사용|주)\\s*언어|기술\\s*스택|테크\\s*스택"
            // "뭐 쓰는 사람이야 언어 기준으로", "언어는 뭐 써?": the languages someone works in, not those they speak
            + "|(?:쓰|써|사용하|다루)[가-힣]{0,3}\\s.{0,12}?(?:언어|랭귀지)\\s*기준|(?:언어|랭귀지)\\S{0,2}(?:\\s*(?:뭐|무엇|주로|제일|많이))*\\s*(?:쓰|써|다루|다뤄)"
            + "|(?:사용|보유|주요|주력)\\s*기술|\\b(?:programming|coding|development|dev)\\s+languages?\\b|\\btech(?:nology|nical)?\\s+stack\\b"
            + "|\\b(?:tech|technical)\\s+skills\\b");

    /** "Where is she working now?", "지금 어디 다녀?": the present job, asked without naming a company. */
    private static final Pattern WORKS_NOW = Pattern.compile(
            "(?i)\\b(?:work(?:s|ing)?|employed)\\b(?:\\s+\\w+){0,3}?\\s+(?:now|currently|at the moment|these days|today|right now|atm|rn)\\b"
                    + "|\\b(?:currently|now)\\s+(?:work(?:s|ing)?|employed)\\b"
                    + "|(?:지금|현재|요즘)\\s*(?:어디|어느\\s*회사|무슨\\s*회사)(?:에서|를|에)?\\s*(?:다니|일하|근무)");

    /** The words of the candidate; 그 only as a pronoun, never in "그 회사" (a follow-up, resolved from memory). */
    private static final Pattern CANDIDATE = Pattern.compile("(?i)(?:(?:이|해당|저|그)\\s*)?(?:지원자|후보자|응시자)(?:분|님)?"
            + "|(?<![가-힣])(?:이|그|저)\\s?(?:분|사람|친구)(?![가-힣]{2})|그녀|(?<![가-힣])그(?=(?:는|가|의|를|에게|한테)\\s)|(?<![가-힣])본인"
            + "|\\b(?:the|this|that|our|your)\\s+(?:candidate|applicant|person|individual|guy|lady)(?:['’]s)?\\b"
            + "|\\b(?:candidate|applicant)(?:['’]s)?\\b");

    private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}[\\p{IsLatin}-]*(?:['’]s\\b)?");

    private static final Pattern HANGUL_WORD = Pattern.compile("(?<![가-힣])[가-힣]+");

    /** A particle after a one-syllable part of a name ("벨이", "벨의"): the rest of a word that is only the name. */
    private static final Pattern PARTICLE = Pattern.compile("이|가|은|는|의|을|를|도|에게|한테|씨|님");

    /** "지우 님", "지우씨": the polite title after a name goes with it. */
    private static final Pattern HONORIFIC_KO = Pattern.compile("\\s?(?:님|씨|군|양)(?![가-힣]{2})");

    private static final Pattern HONORIFIC = Pattern.compile("\\b(?:Mr|Ms|Mrs|Miss|Dr)\\.?\\s+$");

    private static final Pattern NOW_WORDS =
            Pattern.compile("(?i)\\b(?:current|present|latest|most\\s+recent|now)\\b|현재|지금|최근");

    /** When a job began or ended, asked without naming it: "and when did she leave?", "언제 퇴사했어?". */
    private static final Pattern JOB_DATE =
            Pattern.compile("(?i)\\bwhen\\b.*\\b(?:start|started|join|joined|leave|left|quit|finish|finished)\\b"
                    // "how long was he there?" after a turn about a job
                    + "|\\bhow\\s+long\\b.*\\b(?:there|at\\s+th(?:at|is)\\s+(?:company|job|place|firm|employer))\\b"
                    + "|거기\\S*\\s*(?:몇\\s*(?:년|개월)|얼마나)"
                    // "and since when?", "거기 입사는 언제 했나요"
                    + "|\\bsince\\s+when\\b|언제부터(?:\\s*(?:였|이었|다녔|다니|일했|일하|근무|재직|있었)|(?:예요|에요|요|인가요)?\\s*[?？]*\\s*$)"
                    + "|언제.*(?:입사|퇴사|그만|들어갔|들어간|나왔|나온|합류|시작|옮겼|옮긴)|(?:입사|퇴사|합류)(?:는|은|일|일은|한\\s*건)?\\s*언제");

    /** A question's closing marks and the subjects the memory carried after them. */
    private static final Pattern ENDING = Pattern.compile("\\s*([?？!.]*(?:\\s*「[^」]*」)*)\\s*$");

    /** Asking about internships, which the documents may call a post ("Game Design Intern"). */
    private static final Pattern INTERNSHIP = Pattern.compile("(?i)\\binterns?(?:hips?)?\\b|인턴");

    /** Subjects the memory appended to a follow-up ({@code 「…」}, see the entity-carrying rewriter). */
    private static final Pattern CARRIED = Pattern.compile("(?:\\s+「[^」]*」)+\\s*$");

    private References() {}

    /** The question with the candidate dropped and jobs named by time replaced by their employer. */
    static String resolve(String question, PersonName name, Timeline timeline, List<String> latestTurn) {
        String text = question;
        Matcher before = BEFORE_THAT.matcher(text);
        if (before.find()) {
            // "company before Fernwood?" then "and the one before that": that is the job the answer named
            List<String> anchors = answerFirstIfRelative(latestTurn);
            anchors.add(text);
            Matcher carried = CARRIED.matcher(text);
            if (carried.find()) {
                // what the memory says the question is about ("그 전엔? 「바람손해보험」") before what the last answer named
                anchors.addFirst(carried.group());
            }
            Optional<Timeline.Stint> job = anchors.stream()
                    .map(timeline::before)
                    .flatMap(Optional::stream)
                    .findFirst();
            if (job.isPresent()) {
                // quoted: the employer is a name as the documents write it ("그린셀바이오"), not words to analyse
                text = before.replaceFirst(
                        Matcher.quoteReplacement("『" + job.get().label() + "』"));
            }
        }
        Matcher named = BEFORE_NAMED.matcher(text);
        if (named.find()) {
            String after = named.group(1) != null ? named.group(1) : named.group(2);
            // "before his current company" is the previous one; "before Kiezbank" the one before that job.
            Optional<Timeline.Stint> job =
                    NOW_WORDS.matcher(after).find() ? timeline.previous() : timeline.before(after);
            if (job.isPresent()) {
                text = named.replaceFirst(Matcher.quoteReplacement(job.get().label()));
            }
        }
        text = replace(text, PREVIOUS, Timeline::previous, timeline);
        text = replace(text, FIRST_FULL_TIME, Timeline::firstFullTime, timeline);
        text = replace(text, FIRST, Timeline::first, timeline);
        text = replace(text, LATEST, Timeline::latest, timeline);
        if (!text.equals(question)) {
            // The job is named now: what the memory carried for "that" would only point elsewhere.
            text = CARRIED.matcher(text).replaceFirst("");
        }
        if (timeline.skills().isPresent() && SKILLS.matcher(text).find()) {
            // Added, not substituted: "그 프로젝트에서 사용한 기술스택" asks about the project's stack, not the list.
            text = text + " " + timeline.skills().get();
        }
        // asked in its own words, not in the subjects the memory carried after them ("거기 언제부터예요? 「수상」")
        String own = CARRIED.matcher(text).replaceFirst("");
        if (JOB_DATE.matcher(own).find() && timeline.named(own).isEmpty()) {
            // The job the conversation is about: the one the latest turn named — its answer's, when the question named
            // a job only to point at another ("what did he do before Mesa Crest?").
            List<String> turn = answerFirstIfRelative(latestTurn);
            Optional<Timeline.Stint> job = turn.stream()
                    .map(timeline::named)
                    .flatMap(Optional::stream)
                    .findFirst()
                    // "how big is his team there?" answered with the team's line, which names no employer
                    .or(() -> turn.stream()
                            .map(timeline::quoted)
                            .flatMap(Optional::stream)
                            .findFirst());
            if (job.isPresent()) {
                // inside the clause, not a clause of its own: "how long was he there Prairie Sun Energy?"
                // (and the job is named now: what the memory carried would only point elsewhere)
                text = ENDING.matcher(CARRIED.matcher(text).replaceFirst(""))
                        .replaceFirst(Matcher.quoteReplacement(" " + job.get().label()) + "$1");
            }
        }
        Matcher internship = INTERNSHIP.matcher(text);
        if (internship.find() && !timeline.internships().isEmpty()) {
            // "did she do any internship?" of "Game Design Intern — Pixelharbor Interactive": the post is the answer
            // ("internship" is not "Intern" once stemmed; "intern" is)
            StringBuilder posts =
                    new StringBuilder(internship.group().matches("(?i)intern.*") ? "intern" : internship.group());
            timeline.internships().forEach(job -> posts.append(' ').append(job.label()));
            text = internship.replaceFirst(Matcher.quoteReplacement(posts.toString()));
        }
        if (WORKS_NOW.matcher(text).find() && timeline.latest().isPresent()) {
            text = text + " " + timeline.latest().get().label();
        }
        return withoutCandidate(text, name);
    }

    /**
     * The latest turn (its question, then its answer) to look for the job the conversation is on: the answer first
     * when the question named its job only by its place in time or by the job after it.
     */
    private static List<String> answerFirstIfRelative(List<String> latestTurn) {
        List<String> turn = new ArrayList<>(latestTurn);
        if (turn.size() == 2 && relative(turn.getFirst())) {
            java.util.Collections.swap(turn, 0, 1);
        }
        return turn;
    }

    /** Whether a question names its job by its place in time ("the company before X", "her first job"). */
    private static boolean relative(String question) {
        return BEFORE_THAT.matcher(question).find()
                || BEFORE_NAMED.matcher(question).find()
                || PREVIOUS.matcher(question).find()
                || FIRST.matcher(question).find()
                || FIRST_FULL_TIME.matcher(question).find()
                || LATEST.matcher(question).find();
    }

    private static String replace(
            String text, Pattern pattern, Function<Timeline, Optional<Timeline.Stint>> job, Timeline timeline) {
        Matcher m = pattern.matcher(text);
        Optional<Timeline.Stint> stint = job.apply(timeline);
        if (!m.find() || stint.isEmpty()) {
            return text;
        }
        // "most recent title" asks for the title at that job: the role word stays beside the employer.
        Matcher role = ROLE.matcher(m.group());
        String named = stint.get().label() + (role.find() ? " " + role.group() : "");
        return m.replaceAll(Matcher.quoteReplacement(named));
    }

    /** The question without the words and the name that only say whom it is about. */
    static String withoutCandidate(String question, PersonName name) {
        String text = CANDIDATE.matcher(question).replaceAll(" ");
        if (name.isEmpty()) {
            return tidy(text);
        }
        for (String form : name.hangulForms()) {
            if (form.length() >= 3) {
                // "김 지우": the full name also with a space between its syllables.
                text = text.replaceAll("(?<![가-힣])" + String.join("\\s?", form.split("")), form);
            }
        }
        StringBuilder out = new StringBuilder();
        Matcher word = HANGUL_WORD.matcher(text);
        int copied = 0;
        while (word.find()) {
            String w = word.group();
            for (int n = Math.min(4, w.length()); n >= 1; n--) {
                String prefix = w.substring(0, n);
                // One syllable is a name's part ("벨" of Marcus Bell) only as a word of its own.
                boolean whole = n > 1
                        || w.length() == 1
                        || PARTICLE.matcher(w.substring(1)).matches();
                if (whole && name.isHangul(prefix)) {
                    out.append(text, copied, word.start()).append(' ');
                    Matcher title = HONORIFIC_KO.matcher(text).region(word.start() + n, text.length());
                    copied = title.lookingAt() ? title.end() : word.start() + n;
                    break;
                }
            }
        }
        text = out.append(text.substring(copied)).toString();
        return tidy(withoutRomanised(text, name));
    }

    /** Every span of one to three Latin words that is the name in some romanisation, taken out. */
    private static String withoutRomanised(String text, PersonName name) {
        List<int[]> words = new ArrayList<>();
        Matcher word = LATIN_WORD.matcher(text);
        while (word.find()) {
            words.add(new int[] {word.start(), word.end()});
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < words.size(); i++) {
            for (int n = Math.min(3, words.size() - i); n >= 1; n--) {
                int from = words.get(i)[0];
                int to = words.get(i + n - 1)[1];
                String span = text.substring(from, to);
                boolean adjacent = !text.substring(from, to).matches(".*[^\\p{IsLatin}'’\\s-].*");
                boolean capitalised = Character.isUpperCase(span.charAt(0));
                if (adjacent && (capitalised || span.length() >= 4) && name.isRomanised(span)) {
                    Matcher honorific = HONORIFIC.matcher(text.substring(copied, from));
                    int cut = honorific.find() ? copied + honorific.start() : from;
                    out.append(text, copied, cut).append(' ');
                    copied = to;
                    i += n - 1;
                    break;
                }
            }
        }
        return out.append(text.substring(copied)).toString();
    }

    /** A particle the name or "지원자" carried, left on its own ("Daniel의 첫 직장" → "의 첫 직장"): no word. */
    private static final Pattern LONE_PARTICLE = Pattern.compile("(?<![가-힣])(?:의|은|는|을|를|가|께서|에게|한테)(?=\\s|$)");

    private static String tidy(String text) {
        return LONE_PARTICLE
                .matcher(text)
                .replaceAll(" ")
                .replaceAll("\\s{2,}", " ")
                .strip();
    }
}
