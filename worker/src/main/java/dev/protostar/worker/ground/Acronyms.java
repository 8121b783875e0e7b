package dev.protostar.worker.ground;

import dev.protostar.search.keyword.KeywordAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Initialisms a question uses for words the documents spell out: "any MTTR numbers?" of a résumé that says "mean
 * time to remediate", "PO certs" of one that says "Certified Scrum Product Owner". Such a term also matches the
 * words its letters stand for, when the documents have those words in a row and not the initialism itself. A
 * two-letter one needs words of four letters or more ("per month" is no PM).
 *
 * <p>Holds the documents' text and reads it only for a question that has an initialism, which is rare.
 */
final class Acronyms {

    static final Acronyms NONE = new Acronyms(List.of(), null);

    private static final Pattern INITIALISM = Pattern.compile("[A-Z]{2,5}s?");

    /** Runs of words with nothing but spaces between them: a phrase cannot span a comma or a line. */
    private static final Pattern RUN = Pattern.compile("[A-Za-z][A-Za-z'’-]*(?: +[A-Za-z][A-Za-z'’-]*)+");

    private final List<String> texts;
    private final KeywordAnalyzer analyzer;

    private Acronyms(List<String> texts, KeywordAnalyzer analyzer) {
        this.texts = texts;
        this.analyzer = analyzer;
    }

    static Acronyms of(List<String> texts, KeywordAnalyzer analyzer) {
        return new Acronyms(List.copyOf(texts), analyzer);
    }

    /** The terms of the words the documents spell {@code initialism} out with; empty if they do not. */
    Set<String> spelledOut(String initialism) {
        Set<String> terms = new LinkedHashSet<>();
        if (!INITIALISM.matcher(initialism).matches()) {
            return terms;
        }
        String letters = initialism.replaceFirst("s$", "").toLowerCase(Locale.ROOT);
        Pattern written = Pattern.compile("\\b" + Pattern.quote(initialism.replaceFirst("s$", "")) + "\\b");
        if (texts.stream().anyMatch(text -> written.matcher(text).find())) {
            return terms; // the documents use it as it is: nothing to spell out
        }
        for (String text : texts) {
            Matcher run = RUN.matcher(text);
            while (run.find()) {
                String[] words = run.group().split(" +");
                for (int i = 0; i + letters.length() <= words.length; i++) {
                    if (spells(words, i, letters)) {
                        String phrase = String.join(" ", List.of(words).subList(i, i + letters.length()));
                        terms.addAll(analyzer.tokens(phrase));
                    }
                }
            }
        }
        return terms;
    }

    /** "UE5" is a version of something, not the initialism UE. */
    private static boolean standsAlone(String word, String text) {
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(word) + "(?!\\w)")
                .matcher(text)
                .find();
    }

    private static boolean spells(String[] words, int from, String letters) {
        for (int j = 0; j < letters.length(); j++) {
            String word = words[from + j];
            if (Character.toLowerCase(word.charAt(0)) != letters.charAt(j)
                    || (letters.length() == 2 && word.length() < 4)) {
                return false;
            }
        }
        return true;
    }

    /** The question with each initialism also matching the words the documents spell it out with. */
    Question spelledOut(Question question) {
        if (texts.isEmpty()) {
            return question;
        }
        List<Question.Clause> clauses = new ArrayList<>();
        boolean changed = false;
        for (Question.Clause clause : question.clauses()) {
            List<Question.Term> terms = new ArrayList<>();
            for (Question.Term term : clause.terms()) {
                Set<String> words =
                        INITIALISM.matcher(term.surface()).matches() && standsAlone(term.surface(), clause.text())
                                ? spelledOut(term.surface())
                                : Set.of();
                Set<String> more = new LinkedHashSet<>(words);
                more.removeAll(term.forms());
                changed |= !more.isEmpty();
                terms.add(more.isEmpty() ? term : term.soundingLike(more));
            }
            clauses.add(new Question.Clause(
                    clause.text(), terms, clause.phrases(), clause.quantities(), clause.asks(), clause.confirms()));
        }
        return changed ? new Question(question.text(), question.language(), clauses) : question;
    }
}
