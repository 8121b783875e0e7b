package dev.protostar.worker.retrieve;

import dev.protostar.search.keyword.KeywordAnalyzer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    @Autowired
    public Glossary(KeywordAnalyzer analyzer) {
        this(analyzer, readLines());
    }

    Glossary(KeywordAnalyzer analyzer, List<String> lines) {
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Set<String> group = new LinkedHashSet<>();
            for (String word : line.split(",")) {
                // A word Nori cuts in parts ('응답시간') joins by its longest part, so a generic part
                // ('시간') never drags the whole concept into unrelated questions.
                analyzer.tokens(word.strip()).stream()
                        .max(java.util.Comparator.comparingInt(String::length))
                        .ifPresent(group::add);
            }
            for (String term : group) {
                related.computeIfAbsent(term, t -> new LinkedHashSet<>()).addAll(group);
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

    /** The analysed terms of a one-word-per-line resource (comments and blank lines skipped). */
    public static Set<String> readTerms(KeywordAnalyzer analyzer, String resource) {
        Set<String> terms = new java.util.HashSet<>();
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
