package dev.protostar.worker.ground;

import dev.protostar.worker.retrieve.Hit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions whose answer has a shape a line either has or has not: a head count ("정산허브 몇 명이서 했어?",
 * "how many engineers built it"), a period ("how long did it take", "기간이 얼마나 걸렸어"), a test's score, a
 * count of cases ("학습 데이터 몇 건"), the programming language something was written in, its budget, what it
 * cost, or when it was done ("TOEIC 언제 본 거야"). A question that names
 * a project and asks one of these is covered only when a line about that project has it — the project being in
 * the documents is not enough ("Offline Cart (2020) … team of 3" gives a team, not how long it took).
 */
public enum AnswerShape {
    PEOPLE(
            Pattern.compile(
                    "(?i)몇\\s*명|인원|팀원\\s*수|팀\\s*(?:의\\s*)?규모|팀.{0,12}구성|\\bwho\\s+(?:was|were)\\s+on\\b"
                            + "|\\bhow\\s+many\\s+(?:people|ppl|engineers|developers|members|teammates|persons)\\b|team\\s+size|headcount"),
            Pattern.compile(
                    // "23명이 사용 중" counts users, not the team
                    "(?i)\\d+\\s*(?:인(?!당)|people|engineers?|developers?|members?"
                            + "|SREs?|PMs?|QAs?|devs?|designers?|analysts?|scientists?|(?:direct\\s+)?reports"
                            + "|persons?|teammates?|colleagues?)\\b"
                            + "|\\d+-(?:person|member|people)|\\bteam of \\d+|단독|혼자"
                            // in words: "one of three analysts", "a four-person analytics pod", "a team of five"
                            + "|" + Numbers.WORD + "\\s+(?:people|engineers|developers|members|analysts|designers"
                            + "|scientists|persons|teammates|colleagues)\\b|" + Numbers.WORD + "-(?:person|member)\\b"
                            + "|\\bteam of " + Numbers.WORD + "\\b"
                            + "|\\d+\\s*명(?!이?\\s*(?:사용|이용|가입|방문|구독|시청))"
                            + "|\\b(?:solo|alone|single-handedly|on (?:his|her|their) own)\\b"),
            "참여 인원",
            "how many people took part"),
    PERIOD(
            Pattern.compile("(?i)기간\\S{0,2}\\s*(?:얼마|어떻게|몇|은|는|이)|얼마(?:나|동안)\\s*(?:걸렸|걸린|근무|다녔|일했|재직|진행|있었)"
                    + "|몇\\s*(?:년|개월|달)\\s*(?:동안|간|있|다녔|근무|일했|재직|걸)|\\bhow\\s+long\\b|\\bduration\\b"
                    // "CX-600 program dates?"
                    + "|\\bdates\\b"),
            Pattern.compile(
                    "(?i)(?:19|20)\\d{2}(?:[.\\-/]\\d{1,2})?\\s*[~–—-]|(?:19|20)\\d{2}\\s*년(?:\\s*\\d{1,2}\\s*월)?\\s*[~–—-]"
                            // a length, not a year: "3년 7개월", not the "2022년 12월" of a prize
                            + "|" + Numbers.NOT_A_YEAR + "\\d+\\s*(?:년|개월|주|years?|months?|weeks?|days?)\\b"
                            // "평균 소요일 14.2일 → 6.8일": a length in days
                            + "|" + Numbers.NOT_A_YEAR + "\\d+\\s*(?:년|개월)|\\d+(?:\\.\\d+)?\\s*일(?![가-힣])"),
            "기간",
            "how long it took"),
    /** A test's result: a score, a band or a level ("TOEIC 865", "OPIc IH", "N2"), not the date it was taken. */
    SCORE(
            Pattern.compile("(?i)점수|몇\\s*점|학점|\\bscor(?:e|es|ed|ing)\\b|\\bwhat\\s+grade\\b|\\bgrades?\\b"),
            Pattern.compile("(?i)\\d+(?:\\.\\d+)?\\s*점|\\bscor|점수|\\b\\d+\\s*/\\s*\\d+\\b|\\b\\d{2,3}(?:\\.\\d)?\\s*%"
                    + "|(?:toeic|toefl|teps|ielts|opic|gre|gmat|토익|토플|텝스|오픽)\\W{0,3}(?:[a-z]{1,4}\\W{1,3})?\\d"
                    + "|(?-i:\\b(?:IH|IM[1-3]?|IL|AL|N[1-5]|[ABC][12]|Band\\s*\\d(?:\\.\\d)?)\\b)"),
            "점수",
            "the score"),
    /** A count of records or cases ("몇 건"): a number of 건, or of rows, events, requests. */
    CASES(
            Pattern.compile("몇\\s*건|건수"),
            Pattern.compile(
                    "(?i)\\d[\\d,.]*\\s*(?:만|억|천|백)?\\s*(?:여\\s*)?건|\\d[\\d,.]*\\s*(?:[kmb]|million|billion|thousand)?\\s*"
                            + "(?:records|rows|samples|events|cases|requests|transactions|orders|tickets|incidents|messages|experiments)\\b"),
            "건수",
            "how many"),
    /**
     * How many times something was done ("강의는 몇 번 했어요?", "사용자 인터뷰 몇 번"): a count of times or of the things
     * done ("제50회", "85 user interviews"), not the date of a course about it.
     */
    TIMES(
            Pattern.compile("(?i)몇\\s*(?:번|회|차례)(?!\\s*째)|횟수|\\bhow\\s+many\\s+times\\b"),
            Pattern.compile("(?i)\\d+\\s*(?:회|번|차례)|\\d+\\s*times\\b"
                    + "|(?<![\\d.])(?!(?:19|20)\\d{2}\\b)\\d[\\d,]*\\s+"
                    + "(?!(?:to|and|or|in|of|at|for|years?|months?|weeks?|days?|hours?)\\b)[a-z]{3,}"),
            "횟수",
            "how many times"),
    /** A part of a whole ("그중 소송비 비중은", "what share of revenue"): a percentage or a fraction. */
    SHARE(
            Pattern.compile(
                    "(?i)비중|비율(?!\\s*(?:을|를)?\\s*(?:높|낮|줄|늘|개선))|몇\\s*(?:%|퍼센트|프로)|\\bwhat\\s+(?:share|percent(?:age)?|proportion|fraction)\\b"
                            + "|\\bhow\\s+much\\s+of\\b|\\bshare\\s+of\\b"),
            Pattern.compile(
                    "(?i)\\d\\s*%|퍼센트|\\bpercent|절반|\\bhalf\\b|\\d+\\s*분의\\s*\\d|\\bone[- ](?:third|quarter)|\\b\\d+\\s+in\\s+\\d+\\b"),
            "비중",
            "the share"),
    /** A price or amount per unit ("lease rates per acre", "에이커당 임대료"): a figure written per that unit. */
    RATE(
            Pattern.compile(
                    "(?i)\\bper\\s+(?:acre|hectare|mwh|kwh|hour|unit|seat|user|head|sq(?:uare)?\\.?\\s*(?:ft|foot|feet|m)|ton|tonne)\\b"
                            + "|단가|(?:에이커|헥타르|평|시간|톤|인|가구)\\s*당"),
            Pattern.compile(
                    "(?i)\\d\\S*\\s*(?:/|per\\s)\\s*[a-z가-힣]|\\d\\S*\\s*(?:원|달러)?\\s*(?:에이커|헥타르|평|시간|톤|인|가구)?\\s*당|단가\\D{0,10}\\d"),
            "단가",
            "the rate"),
    /**
     * The programming language something was written in ("Lighthouse - what language did he write it in?"): a
     * line about it that names one — the candidate's list of languages does not say which was used where.
     */
    CODE_LANGUAGE(
            Pattern.compile(
                    "(?i)\\b(?:what|which)\\s+(?:programming\\s+)?languages?\\b.*\\b(?:writ|wrote|written|cod|buil|implement|made)"
                            + "|\\b(?:written|coded|built|implemented)\\s+in\\s+(?:what|which)\\b"
                            + "|(?:무슨|어떤|어느)\\s*(?:언어|랭귀지)로|(?:개발|구현)\\s*언어"),
            Pattern.compile(
                    "\\b(?:Go|Golang|Python|Java|Kotlin|Swift|Rust|C\\+\\+|C#|TypeScript|JavaScript|Ruby|Scala|PHP"
                            + "|Elixir|Erlang|Haskell|Bash|Dart|Clojure|Objective-C|Perl|Lua|Julia|Node\\.js|SQL)\\b"
                            + "|(?i:파이썬|자바|코틀린|고랭|러스트|스위프트|타입스크립트|자바스크립트)"),
            "개발 언어",
            "the language it was written in"),
    /** A budget asked of a named thing ("솔티드로즈 캠페인 예산"): a line about it that gives one, not one elsewhere. */
    BUDGET(
            Pattern.compile("(?i)예산|(?<!error[ -])\\bbudget"),
            Pattern.compile(
                    "(?i)(?:예산|(?<!error[ -])budget)\\D{0,20}\\d|\\d[\\d.,]*\\s*(?:억|만|천|[kmb])?\\s*(?:원|\\$|€|£)?\\D{0,12}(?:예산|budget)"),
            "예산",
            "the budget"),
    /** What something cost ("도입 비용은 얼마 들었어", "how much did it cost"): a sum of money, not a saving in percent. */
    COST(
            Pattern.compile("(?i)비용\\S{0,2}\\s*(?:은|는|이|가)?\\s*얼마\\s*(?:들|드|였|야|정도\\s*들)|얼마\\s*(?:들었|들어갔|썼)"
                    + "|\\bhow\\s+much\\s+(?:did|does|would)\\b.{0,40}\\bcost\\b|\\bwhat\\s+did\\b.{0,40}\\bcost\\b"),
            Pattern.compile(Numbers.MONEY),
            "비용",
            "what it cost"),
    /**
     * A sum asked of a named thing ("사장교 프로젝트 … 설계 용역비는 얼마였어요?", "what's the group's annual revenue?"): a line
     * about it that gives an amount of money — a saving in percent of "food revenue" is none.
     */
    MONEY(
            Pattern.compile("[가-힣]*(?:비|액|금|매출)(?:은|는|이|가)?\\s*(?:총\\s*)?얼마(?!나)"
                    + "|(?i:\\b(?:what(?:['’]s|\\s+(?:is|was|were|are))|how\\s+much)\\b.{0,40}"
                    + "\\b(?:revenue|turnover|sales|fees?|price|valuation)\\b)"),
            Pattern.compile(Numbers.MONEY),
            "금액",
            "the amount"),
    /** When something was done ("TOEIC 언제 본 거야", "when did she get the CKA"): a line about it with a date. */
    DATE(
            Pattern.compile("(?i)언제|몇\\s*년도|\\bwhen\\b|\\bwhat\\s+year\\b"),
            Pattern.compile("(?i)(?:19|20)\\d{2}|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b"),
            "시기",
            "when");

    /** Small numbers written as words ("one of three analysts", "a four-person pod"). */
    private static final class Numbers {
        /** An amount of money: "42억 원", "$1.2M", "DKK 310m", "14 million euros" — not a saving in percent. */
        static final String MONEY =
                "(?i)\\d[\\d.,]*\\s*(?:억|만|천)?\\s*원|[$€£₩]\\s?\\d|\\d\\s*(?:k|m|bn|million|billion)?\\s*"
                        + "(?:usd|eur|gbp|dkk|sek|nok|chf|dollars|euros|pounds)\\b|\\b(?:usd|eur|gbp|dkk|sek|nok|chf)\\s?\\d";

        /** Before a number: it is no year written with 년. */
        static final String NOT_A_YEAR = "(?<![\\d.])(?!(?:19|20)\\d{2}\\s*년)";

        static final String WORD = "\\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)";
    }

    private final Pattern asked;
    private final Pattern given;
    private final String korean;
    private final String english;

    AnswerShape(Pattern asked, Pattern given, String korean, String english) {
        this.asked = asked;
        this.given = given;
        this.korean = korean;
        this.english = english;
    }

    /** Counts of people who are not a team: an app's users, customers, downloads ("사용자 몇 명 정도야"). */
    private static final Pattern USERS =
            Pattern.compile("(?i)사용자|유저|고객|회원|이용자|가입자|구독자|팔로워|관객|참가자|수강생|환자|\\b(?:MAU|DAU|WAU)\\b"
                    + "|\\b(?:users?|customers?|subscribers?|followers?|downloads?|installs?|patients?|visitors?|riders?)\\b"
                    // "how many ppl attended?": an audience, not a team
                    + "|\\battend(?:ed|ees?|ance)\\b|\\baudience\\b|청중|참석자|참석\\s*인원");

    /** Whether a question's own words (not the subjects a follow-up carries) count users rather than a team. */
    public static boolean countsUsers(String question) {
        return USERS.matcher(question.replaceAll("「[^」]*」", " ")).find();
    }

    /** The shape this clause asks for, if it asks for one. */
    public static Optional<AnswerShape> askedIn(String clause) {
        // the subjects a follow-up carries (「…」) say what it is about, not what it asks
        String own = clause.replaceAll("「[^」]*」", " ");
        for (AnswerShape shape : values()) {
            if (shape == PEOPLE && countsUsers(own)) {
                continue;
            }
            if (shape.asked.matcher(own).find()) {
                return Optional.of(shape);
            }
        }
        return Optional.empty();
    }

    /** The words of {@code clause} that ask for this shape ("what language", "몇 명"), or "" if none do. */
    public String asking(String clause) {
        Matcher m = asked.matcher(clause);
        return m.find() ? m.group() : "";
    }

    /** Whether this line has the shape: a head count, a period (a range of dates or a length), a score, a date… */
    public boolean givenIn(String line) {
        return given.matcher(line).find();
    }

    /**
     * Whether a retrieved line about one of {@code names} has the shape: a line of a chunk whose headings name it,
     * or a line that names it itself.
     */
    boolean givenAbout(List<String> names, List<Hit> hits) {
        for (Hit hit : hits) {
            boolean headed = names.stream().anyMatch(name -> contains(hit.section(), name));
            if (headed && givenIn(hit.section())) {
                return true;
            }
            for (String line : hit.text().split("\n")) {
                // a test's date or score is in its own item of a list ("GAIQ, OPIc IH(2022년 3월)")
                String[] parts = this == DATE || this == SCORE ? line.split("[,;]|\\s·\\s") : new String[] {line};
                for (int i = 0; i < parts.length; i++) {
                    String part = parts[i];
                    boolean named = headed || names.stream().anyMatch(name -> contains(part, name));
                    if (named && (givenIn(part) || standsAfter(parts, i))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether the item at {@code parts[i]} has its date or score standing alone later in the line: "CPIM (ASCM …),
     * 2018.05", "Master of Public Health (MPH), Biostatistics — The Ohio State University, 2016 · GPA 3.86". The
     * first later part with the shape decides: alone it is the item's; with words of its own ("OPIc IH(2022년
     * 3월)") it is another item's.
     */
    private boolean standsAfter(String[] parts, int i) {
        for (int j = i + 1; j < parts.length; j++) {
            if (givenIn(parts[j])) {
                return nothingBut(parts[j]);
            }
            if (parts[j].chars().filter(c -> c == '(').count()
                    > parts[j].chars().filter(c -> c == ')').count()) {
                return false; // "일본어 (JLPT N2, 2019)": the date closes another item's parenthesis
            }
        }
        return false;
    }

    /** Whether this part of a line is only the shape (a date, a score) and names nothing of its own. */
    private boolean nothingBut(String part) {
        return given.matcher(part).replaceAll(" ").replaceAll("[^\\p{L}]", "").isEmpty();
    }

    String name(Language language) {
        return language == Language.KOREAN ? korean : english;
    }

    /** Spacing and punctuation aside: "A/B 테스트" names "AB테스트", "정산 허브" names "정산허브". */
    private static boolean contains(String text, String name) {
        String bare = letters(name);
        return !bare.isEmpty() && letters(text).contains(bare);
    }

    private static String letters(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
