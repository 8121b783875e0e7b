package dev.protostar.worker.ground;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a refusal names as not covered, in the recruiter's own words: each missing term widened to the word
 * of the question it came from (a stem "experi" is said "experience"; Nori's "지원", "자" are "지원자"), a
 * Korean word without its particle ("연봉은" says "연봉"), and neighbouring words kept together ("희망 연봉",
 * "expected salary").
 */
final class PlainWords {

    private PlainWords() {}

    static List<String> of(String question, List<String> surfaces) {
        String[] words = question.split("\\s+");
        int[] starts = new int[words.length];
        int at = 0;
        for (int i = 0; i < words.length; i++) {
            at = question.indexOf(words[i], at);
            starts[i] = at;
            at += words[i].length();
        }
        // For each word of the question, how much of it the missing terms cover (its end), or -1.
        int[] cut = new int[words.length];
        java.util.Arrays.fill(cut, -1);
        Set<String> unplaced = new LinkedHashSet<>();
        for (String surface : surfaces) {
            boolean placed = false;
            for (int i = 0; i < words.length && !placed; i++) {
                int in = words[i].indexOf(surface);
                if (in >= 0) {
                    cut[i] = Math.max(cut[i], in + surface.length());
                    placed = true;
                }
            }
            if (!placed) {
                unplaced.add(surface);
            }
        }
        List<String> phrases = new ArrayList<>();
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i <= words.length; i++) {
            if (i < words.length && cut[i] >= 0) {
                String word = plain(words[i], cut[i]);
                phrase.append(phrase.isEmpty() ? "" : " ").append(word);
            } else if (!phrase.isEmpty()) {
                phrases.add(phrase.toString());
                phrase.setLength(0);
            }
        }
        phrases.addAll(unplaced);
        return List.copyOf(new LinkedHashSet<>(phrases));
    }

    /** A Latin word whole (without its punctuation and possessive); a Korean one up to its last missing term. */
    private static String plain(String word, int end) {
        boolean latin = word.chars().anyMatch(c -> c < 0x80 && Character.isLetter(c));
        String kept = latin ? word : word.substring(0, end);
        return kept.replaceAll("['’]s$", "").replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}%]+$", "");
    }
}
