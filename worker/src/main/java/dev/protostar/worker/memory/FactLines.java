package dev.protostar.worker.memory;

import dev.protostar.worker.ground.Question;
import dev.protostar.worker.ground.QuestionReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Turns into {@link Facts} and facts into summary lines and back: {@code - 쿠팡 근무 기간: 쿠팡 | 2017.09 ~ 2021.03
 * (3년 7개월) — 2017.09, 2021.03, 3년 7개월}. A line keeps every number of its turn, so nothing a recruiter
 * learnt is lost when the turn leaves the verbatim window.
 */
@Component
public class FactLines {

    /** A number with the unit written after it ("3년", "6,500 TPS", "35만", "3.4 s", "12%"), but not "40 to". */
    static final Pattern FIGURE = Pattern.compile(
            "\\d+(?:[.,]\\d+)*(?:\\s?(?:%|[가-힣]{1,2}"
                    + "|(?!(?i:to|and|or|of|in|on|at|for|from|with|by|the|an?|as|is|was|were|into|than|per)\\b)[A-Za-z]{1,9}\\b))?");

    /** A quoted line of an extractive answer: "- heading: sentence [n]". */
    private static final Pattern QUOTED_LINE = Pattern.compile("^- (.+?): (.+?)(?: \\[\\d+])+$");

    private static final Pattern NAMES = Pattern.compile(
            "['‘“「]([^'’”」]{2,40})['’”」]|\\b\\p{Lu}(?:[\\p{IsLatin}\\d_&+-]|\\.(?=\\w))*(?:\\s+\\p{Lu}(?:[\\p{IsLatin}\\d_&+-]|\\.(?=\\w))*)*");

    /** What joins figures into one statement: "3년 7개월", "4시간 20분 → 38분", "2022.01 ~ 2023.06", "15,000 to 210,000". */
    private static final Pattern JOIN = Pattern.compile("\\s*(?:→|->|~|–)\\s*|\\s+(?:to\\s+)?");

    /**
     * A number of one or two digits with no unit says nothing alone — mostly a heading's numbering, "[프로젝트 5]":
     * it is left out wherever any figure already holds its digits (the check asks no more).
     */
    private static final Pattern BARE = Pattern.compile("\\d{1,2}");

    private static final Pattern LINE = Pattern.compile("^- (.*?): (.*?)(?: — (.*))?$");

    /** An answer's frame, not its facts: "From the candidate's documents:", a not-covered note. */
    private static final Pattern FRAME = Pattern.compile(
            "(?s)(.*:\\s*|\\(.*\\)|The documents do not .*|문서에는 .*|후보자의 문서에는 .*|The candidate's documents .*|)");

    /** What stands before the first word of a sentence: nothing, a list dash, or the end of a sentence. */
    private static final Pattern OPENING = Pattern.compile("(?s)(|.*[.!?:]\\s+|.*\\n)\\s*(?:- )?");

    private static final Pattern QUOTED_NAME = Pattern.compile("['‘“「]([^'’”」]{2,40})['’”」]");

    /** Words of the question kept in its line: enough to say what was asked ("팀 규모", "notice period"). */
    private static final int GIST_WORDS = 4;

    /** Subjects kept per turn: what it was about, and a name or two it mentioned. */
    private static final int MAX_SUBJECTS = 3;

    static final String NOT_IN_DOCUMENTS = "(not in the documents)";

    private final QuestionReader reader;

    FactLines(QuestionReader reader) {
        this.reader = reader;
    }

    public Facts facts(Turn turn) {
        Question question = reader.read(turn.question());
        List<String> gist = new ArrayList<>();
        for (Question.Clause clause : question.clauses()) {
            clause.terms().forEach(t -> addWord(gist, t.surface()));
            clause.quantities().forEach(q -> addWord(gist, q.surface()));
        }
        Matcher asked = FIGURE.matcher(turn.question());
        while (asked.find()) {
            addWord(gist, asked.group().strip());
        }
        // In the order the answer gives them: its first lines are the passages retrieval ranked highest.
        Set<String> subjects = new LinkedHashSet<>();
        Set<String> figures = new LinkedHashSet<>();
        if (!turn.refused()) {
            for (String line : turn.answer().split("\\R")) {
                if (FRAME.matcher(line.strip()).matches()) {
                    continue;
                }
                Matcher quoted = QUOTED_LINE.matcher(line.strip());
                String sentence = line;
                if (quoted.matches()) {
                    subjects.add(compact(quoted.group(1)));
                    figures(quoted.group(1), figures);
                    sentence = quoted.group(2);
                }
                Matcher name = NAMES.matcher(sentence);
                while (name.find() && subjects.size() < MAX_SUBJECTS) {
                    String found = name.group(1) != null
                            ? name.group(1)
                            : withoutOpeningWord(sentence, name.start(), name.group(), turn, subjects);
                    if (found.strip().length() > 1) {
                        subjects.add(found.strip());
                    }
                }
                figures(sentence, figures);
            }
        }
        return new Facts(
                turn.seq(),
                String.join(" ", gist),
                subjects.stream().limit(MAX_SUBJECTS).toList(),
                List.copyOf(figures),
                turn.refused());
    }

    /**
     * A capitalised run that opens a sentence ("Launched Smart Assign", "Partnered") starts with a capital
     * because of where it stands: its first word counts as a name only if the turn writes it capitalised
     * somewhere else too, or a heading already named it ("Stripe").
     */
    private static String withoutOpeningWord(
            String sentence, int start, String found, Turn turn, Set<String> subjects) {
        String first = found.split("\\s+")[0];
        if (!OPENING.matcher(sentence.substring(0, start)).matches()
                || !first.matches("[A-Z][a-z]+")
                || subjects.stream().anyMatch(s -> s.contains(first))) {
            return found;
        }
        String text = turn.question() + "\n" + turn.answer();
        Matcher other = Pattern.compile("\\b" + Pattern.quote(first) + "\\b").matcher(text);
        while (other.find()) {
            if (!OPENING.matcher(text.substring(0, other.start())).matches()) {
                return found;
            }
        }
        return found.substring(first.length()).strip();
    }

    /** The summary line of a turn, leaving out what the summary so far already says (but never its subject). */
    public String line(Facts facts, String summarySoFar) {
        if (facts.refused()) {
            return "- " + facts.gist() + ": " + NOT_IN_DOCUMENTS;
        }
        List<String> subjects = new ArrayList<>();
        for (String subject : facts.subjects()) {
            if (subjects.isEmpty() || !summarySoFar.contains(subject)) {
                subjects.add(subject);
            }
        }
        String line = "- " + asked(facts, subjects) + ": " + String.join("; ", subjects);
        // A figure the line or the summary states already, alone or inside a longer one, is not repeated.
        List<String> figures = new ArrayList<>();
        for (String figure : facts.figures()) {
            boolean repeated = BARE.matcher(figure).matches()
                    ? summarySoFar.contains(figure)
                            || line.contains(figure)
                            || facts.figures().stream().anyMatch(f -> !f.equals(figure) && f.contains(figure))
                    : mentions(summarySoFar, figure)
                            || mentions(line, figure)
                            || facts.figures().stream().anyMatch(f -> !f.equals(figure) && mentions(f, figure));
            if (!repeated && !figures.contains(figure)) {
                figures.add(figure);
            }
        }
        return figures.isEmpty() ? line : line + " — " + String.join(", ", figures);
    }

    /** What was asked, in a few words, without repeating the subject the line names anyway. */
    private static String asked(Facts facts, List<String> subjects) {
        List<String> words = new ArrayList<>();
        for (String word : facts.gist().split(" ")) {
            if (!word.isBlank() && subjects.stream().noneMatch(s -> s.contains(word)) && words.size() < GIST_WORDS) {
                words.add(word);
            }
        }
        return words.isEmpty() ? facts.gist() : String.join(" ", words);
    }

    /** The summary line of a turn, whole. */
    public String line(Facts facts) {
        return line(facts, "");
    }

    /** "[프로젝트 2] 조기지급 서비스 '빠른정산' 출시" → 빠른정산; "쿠팡 | 2017.09 ~ …" → 쿠팡: what a heading names. */
    static String compact(String heading) {
        Matcher quotedName = QUOTED_NAME.matcher(heading);
        if (quotedName.find()) {
            return quotedName.group(1).strip();
        }
        String name = heading.replaceFirst("^\\s*(\\[[^]]{1,20}]|\\d{1,2}\\.)\\s*", "")
                .split(" \\| | — | – | \\(|, |: ")[0]
                .strip();
        String[] words = name.split("\\s+");
        return words.length <= 5 ? name : String.join(" ", List.of(words).subList(0, 5));
    }

    /**
     * The figures of a text, those stated together as one: "4시간 20분 → 38분" rather than 4시간, 20분, 38분,
     * which no longer says what became what.
     */
    private static void figures(String text, Set<String> into) {
        String plain = text.replaceAll("\\[\\d+]", "");
        Matcher figure = FIGURE.matcher(plain);
        int start = -1;
        int end = -1;
        while (figure.find()) {
            if (start < 0 || !JOIN.matcher(plain.substring(end, figure.start())).matches()) {
                if (start >= 0) {
                    into.add(plain.substring(start, end).strip());
                }
                start = figure.start();
            }
            end = figure.end();
        }
        if (start >= 0) {
            into.add(plain.substring(start, end).strip());
        }
    }

    /** Whether {@code text} states {@code figure} as a figure of its own: "6명" is not in "16명", "1" not in "2022.01". */
    static boolean mentions(String text, String figure) {
        for (int at = text.indexOf(figure); at >= 0; at = text.indexOf(figure, at + 1)) {
            int after = at + figure.length();
            boolean opens = at == 0 || !isNumberPart(text, at - 1, -1);
            boolean closes = after == text.length()
                    || !Character.isDigit(figure.charAt(figure.length() - 1))
                    || !isNumberPart(text, after, 1);
            if (opens && closes) {
                return true;
            }
        }
        return false;
    }

    /** Whether the character at {@code i} continues a number or word next to it: a digit, a letter, "1,800", "2022.01". */
    private static boolean isNumberPart(String text, int i, int direction) {
        char c = text.charAt(i);
        if (c < 128 && Character.isLetterOrDigit(c)) {
            return true;
        }
        int next = i + direction;
        return (c == '.' || c == ',') && next >= 0 && next < text.length() && Character.isDigit(text.charAt(next));
    }

    /** Adds a word unless an earlier one contains it (Nori gives 가맹점, then 가맹 and 점). */
    private static void addWord(List<String> words, String word) {
        if (words.stream().noneMatch(w -> w.contains(word))) {
            words.removeIf(word::contains);
            words.add(word);
        }
    }

    /** The facts of a summary's lines, oldest first (lines of another shape are skipped). */
    public List<Facts> parse(String summary) {
        List<Facts> facts = new ArrayList<>();
        for (String text : summary.split("\\R")) {
            Facts line = parseLine(text, facts.size() + 1);
            if (line != null) {
                facts.add(line);
            }
        }
        return facts;
    }

    /** The facts of one summary line, or null if it is not of the shape {@link #line} writes. */
    static Facts parseLine(String text, int seq) {
        Matcher line = LINE.matcher(text.strip());
        if (!line.matches()) {
            return null;
        }
        boolean refused = NOT_IN_DOCUMENTS.equals(line.group(2));
        List<String> subjects = refused || line.group(2).isBlank()
                ? List.of()
                : List.of(line.group(2).split("; "));
        List<String> figures =
                line.group(3) == null ? List.of() : List.of(line.group(3).split(", "));
        return new Facts(seq, line.group(1), subjects, figures, refused);
    }
}
