package dev.protostar.worker.generate;

import dev.protostar.search.keyword.KeywordAnalyzer;
import dev.protostar.search.text.Sentences;
import dev.protostar.search.tokens.TokenCounter;
import dev.protostar.worker.ground.Phrases;
import dev.protostar.worker.ground.Question;
import dev.protostar.worker.retrieve.Hit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The offline mode: answers without a language model by quoting the candidate's documents — for each
 * covered part of the question, the sentences of the retrieved chunks that share the most (rarity-weighted)
 * terms with it, each cited, headed by its section's last heading. It never generates a word of its own
 * beyond fixed phrases, so it cannot state anything the documents do not.
 */
final class ExtractiveGenerator implements Generator {

    /** Sentences per covered clause, and how close to the best sentence another must score to be quoted. */
    private static final int PER_CLAUSE = 3;

    private static final double NEAR_BEST = 0.6;

    private final KeywordAnalyzer analyzer;

    ExtractiveGenerator(KeywordAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    private record Candidate(int source, int order, String sentence, double score) {}

    @Override
    public Generation generate(Ask ask, TokenSink sink) {
        List<Hit> sources = ask.sources();
        Set<String> quoted = new HashSet<>();
        StringBuilder answer = new StringBuilder(Phrases.lead(ask.language()));
        for (Question.Clause clause : ask.verdict().answerable()) {
            for (Candidate pick : pick(clause, ask)) {
                if (!quoted.add(pick.sentence())) {
                    continue;
                }
                // [n] names the n-th retrieved chunk, as in a model's prompt: citations resolve it the same way.
                int n = pick.source() + 1;
                answer.append("\n- ")
                        .append(withHeading(sources.get(pick.source()), pick.sentence()))
                        .append(" [")
                        .append(n)
                        .append(']');
            }
        }
        if (ask.verdict().partial()) {
            answer.append("\n\n")
                    .append(Phrases.notCovered(ask.language(), ask.verdict().uncovered()));
        }
        String text = answer.toString();
        for (String word : text.split("(?<=\\s)")) {
            if (sink.cancelled()) {
                throw new GenerationException("cancelled", "The turn was cancelled.", null);
            }
            sink.token(word);
        }
        int read = TokenCounter.count(ask.question());
        for (Hit hit : sources) {
            read += TokenCounter.count(hit.section() + "\n" + hit.text());
        }
        return new Generation(text, read, TokenCounter.count(text));
    }

    /** The best sentences for one clause; the top chunk's opening when no sentence shares a term. */
    private List<Candidate> pick(Question.Clause clause, Ask ask) {
        List<Candidate> candidates = new ArrayList<>();
        List<Hit> sources = ask.sources();
        for (int s = 0; s < sources.size(); s++) {
            Hit hit = sources.get(s);
            Set<String> sectionTerms = new HashSet<>(analyzer.tokens(hit.section()));
            List<String> sentences = Sentences.split(hit.text());
            for (int i = 0; i < sentences.size(); i++) {
                Set<String> terms = new HashSet<>(analyzer.tokens(sentences.get(i)));
                double score = 0;
                for (Question.Term term : clause.terms()) {
                    double weight = ask.verdict().counts().weight(term.forms());
                    if (term.forms().stream().anyMatch(terms::contains)) {
                        score += term.kind() == Question.Kind.WORD ? weight : 1.5 * weight;
                    } else if (term.forms().stream().anyMatch(sectionTerms::contains)) {
                        score += 0.5 * weight;
                    }
                }
                // Earlier (better-ranked) chunks win ties.
                candidates.add(new Candidate(s, i, sentences.get(i), score - 0.01 * s));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        if (candidates.isEmpty()) {
            return List.of();
        }
        double best = candidates.getFirst().score();
        if (best <= 0) {
            return candidates.stream()
                    .filter(c -> c.source() == 0)
                    .sorted(Comparator.comparingInt(Candidate::order))
                    .limit(2)
                    .toList();
        }
        return candidates.stream()
                .filter(c -> c.score() >= NEAR_BEST * best)
                .limit(PER_CLAUSE)
                .sorted(Comparator.comparingInt(Candidate::source).thenComparingInt(Candidate::order))
                .toList();
    }

    /** "한빛페이: 결제 API를 …": the sentence with the heading it sits under, unless it says it already. */
    private static String withHeading(Hit hit, String sentence) {
        String section = hit.section();
        String heading = section.substring(section.lastIndexOf('>') + 1).strip();
        String quote = sentence.replaceFirst("^[-*•·]\\s*", "");
        return heading.isEmpty() || quote.contains(heading) ? quote : heading + ": " + quote;
    }
}
