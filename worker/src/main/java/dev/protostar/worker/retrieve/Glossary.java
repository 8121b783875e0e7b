package dev.protostar.worker.retrieve;

import dev.protostar.search.keyword.KeywordAnalyzer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Hiring vocabulary that means the same in a question and a resume ({@code manage} ≈ {@code led} ≈
 * {@code 리드}), from {@code retrieve/glossary.txt}, keyed by analysed term so it matches what the
 * documents' keyword index holds.
 */
@Component
public class Glossary {

    private final Map<String, Set<String>> related = new HashMap<>();

    /** The lines (by number) each term is on. */
    private final Map<String, Set<Integer>> lines = new HashMap<>();

    /** Entries of several words ("outside work"), as analysed, and the single-word term of their line. */
    private final Map<List<String>, String> phrases = new HashMap<>();

    /** A phrase found in a run of terms: it covers {@code length} of them and means {@code term}. */
    public record Phrase(int length, String term) {}

    @Autowired
    public Glossary(KeywordAnalyzer analyzer) {
        this(analyzer, readLines());
    }

    Glossary(KeywordAnalyzer analyzer, List<String> entries) {
        int lineNumber = 0;
        for (String line : entries) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Set<String> group = new LinkedHashSet<>();
            List<List<String>> multiword = new ArrayList<>();
            for (String word : line.split(",")) {
                List<String> tokens = analyzer.tokens(word.strip());
                if (word.strip().contains(" ") && tokens.size() > 1) {
                    multiword.add(tokens);
                    continue;
                }
                // A word Nori cuts in parts ('응답시간') joins by its longest part, so a generic part
                // ('시간') never drags the whole concept into unrelated questions.
                tokens.stream().max(Comparator.comparingInt(String::length)).ifPresent(group::add);
            }
            int number = lineNumber++;
            for (String term : group) {
                related.computeIfAbsent(term, t -> new LinkedHashSet<>()).addAll(group);
                lines.computeIfAbsent(term, t -> new HashSet<>()).add(number);
            }
            if (!group.isEmpty()) {
                multiword.forEach(
                        words -> phrases.putIfAbsent(words, group.iterator().next()));
            }
        }
    }

    /** The term and everything the glossary says means the same. */
    public Set<String> expand(String term) {
        Set<String> terms = new LinkedHashSet<>();
        terms.add(term);
        terms.addAll(related.getOrDefault(term, Set.of()));
        return terms;
    }

    /**
     * The other spellings of a term, not the categories it belongs to: the forms found only on lines that have
     * the term too. {@code toeic} gives {@code 토익} but not {@code english} (which TOEFL's line has as well),
     * {@code kubernetes} gives {@code 쿠버네티스} but not {@code container}.
     */
    public Set<String> spellings(String term) {
        Set<Integer> on = lines.getOrDefault(term, Set.of());
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(term);
        for (String form : related.getOrDefault(term, Set.of())) {
            if (on.containsAll(lines.get(form))) {
                spellings.add(form);
            }
        }
        return spellings;
    }

    /**
     * The glossary phrase that starts at {@code terms[from]} ("outside of work" as {@code outsid, work}), the
     * longest if several do; empty if none.
     */
    public Optional<Phrase> phraseAt(List<String> terms, int from) {
        Phrase found = null;
        for (var entry : phrases.entrySet()) {
            List<String> words = entry.getKey();
            if (from + words.size() <= terms.size()
                    && terms.subList(from, from + words.size()).equals(words)
                    && (found == null || words.size() > found.length())) {
                found = new Phrase(words.size(), entry.getValue());
            }
        }
        return Optional.ofNullable(found);
    }

    /** The analysed terms of a one-word-per-line resource (comments and blank lines skipped). */
    public static Set<String> readTerms(KeywordAnalyzer analyzer, String resource) {
        Set<String> terms = new HashSet<>();
        for (String line : readLines(resource)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                analyzer.tokens(line.strip()).stream().findFirst().ifPresent(terms::add);
            }
        }
        return Set.copyOf(terms);
    }

    private static List<String> readLines() {
        return readLines("/retrieve/glossary.txt");
    }

    private static List<String> readLines(String resource) {
        try (var in = Glossary.class.getResourceAsStream(resource);
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
