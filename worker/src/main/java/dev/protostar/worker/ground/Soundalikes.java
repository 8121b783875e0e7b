package dev.protostar.worker.ground;

import dev.protostar.search.keyword.KeywordAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A candidate's words by how they sound ({@link Sounds}), so that a question finds a word its documents write in the
 * other script: "crash-free" finds 크래시 프리, 텔레메트리 finds "telemetry", 쿠팡 finds "Coupang". Only across
 * scripts: within one, a word is matched by its letters as before. Built from the documents' text with the keyword
 * analyser, so what a question's term gains are the terms the keyword index holds for that word.
 */
final class Soundalikes {

    static final Soundalikes NONE = new Soundalikes();

    private static final Pattern HANGUL_RUN = Pattern.compile("[가-힣]+");

    /** Particles a loanword may carry in a sentence ("텔레메트리를", "크래시는"), longest first. */
    private static final Pattern PARTICLE =
            Pattern.compile("(?:에서는|에서|으로|까지|부터|처럼|보다|이나|하고|이랑|라고|이라|을|를|이|가|은|는|의|에|도|와|과|로|만|랑)$");

    /** The documents' Hangul words' terms by their key ({@code KLS/ㅐ}). */
    private final Map<String, Set<String>> hangul = new HashMap<>();

    /** The documents' Latin words' terms by skeleton and first vowel letter ({@code KLS/a}): a few keys a word. */
    private final Map<String, Set<String>> latin = new HashMap<>();

    private Soundalikes() {}

    static Soundalikes of(List<String> texts, KeywordAnalyzer analyzer) {
        Soundalikes index = new Soundalikes();
        Set<String> seen = new java.util.HashSet<>();
        for (String text : texts) {
            Matcher run = HANGUL_RUN.matcher(text);
            while (run.find()) {
                for (String word : withoutParticle(run.group())) {
                    if (word.length() >= 2 && seen.add(word)) {
                        List<String> terms = analyzer.tokens(word);
                        Sounds.distinct(word).forEach(key -> index.hangul
                                .computeIfAbsent(key, k -> new LinkedHashSet<>())
                                .addAll(terms));
                    }
                }
            }
            for (KeywordAnalyzer.Term term : analyzer.analyze(text)) {
                if (term.kind() == KeywordAnalyzer.Kind.FOREIGN
                        && Sounds.isLatin(term.surface())
                        && seen.add(term.surface())) {
                    Sounds.latinIndexKeys(term.surface()).forEach(key -> index.latin
                            .computeIfAbsent(key, k -> new LinkedHashSet<>())
                            .add(term.text()));
                }
            }
        }
        return index;
    }

    /** The word, and without the particle it ends in if it has one. */
    private static List<String> withoutParticle(String word) {
        List<String> forms = new ArrayList<>(List.of(word));
        Matcher particle = PARTICLE.matcher(word);
        if (particle.find() && particle.start() >= 2) {
            forms.add(word.substring(0, particle.start()));
        }
        return forms;
    }

    /** The documents' terms, in the other script, that sound like {@code word}. */
    Set<String> of(String word) {
        Set<String> found = new LinkedHashSet<>();
        if (Sounds.isHangul(word)) {
            for (String form : withoutParticle(word)) {
                for (String key : Sounds.distinct(form)) {
                    Sounds.latinKeysHeardAs(key)
                            .forEach(latinKey -> found.addAll(latin.getOrDefault(latinKey, Set.of())));
                }
            }
        } else if (Sounds.isLatin(word)) {
            Sounds.distinct(word).forEach(key -> found.addAll(hangul.getOrDefault(key, Set.of())));
        }
        return found;
    }

    /**
     * The question with each term also matching what sounds like it in the documents: a Hangul term by the whole
     * Hangul word it is part of (Nori cuts an unknown loanword in pieces), a Latin term by its word as written.
     */
    Question heard(Question question) {
        if (hangul.isEmpty() && latin.isEmpty()) {
            return question;
        }
        List<Question.Clause> clauses = new ArrayList<>();
        for (Question.Clause clause : question.clauses()) {
            List<Question.Term> terms = new ArrayList<>();
            for (Question.Term term : clause.terms()) {
                Set<String> heard = new LinkedHashSet<>();
                if (Sounds.isHangul(term.surface())) {
                    Matcher run = HANGUL_RUN.matcher(clause.text());
                    while (run.find()) {
                        if (run.group().contains(term.surface())) {
                            heard.addAll(of(run.group()));
                        }
                    }
                } else {
                    heard.addAll(of(term.surface()));
                }
                heard.removeAll(term.forms());
                terms.add(heard.isEmpty() ? term : term.soundingLike(heard));
            }
            clauses.add(new Question.Clause(
                    clause.text(), terms, clause.phrases(), clause.quantities(), clause.asks(), clause.confirms()));
        }
        return new Question(question.text(), question.language(), clauses);
    }
}
