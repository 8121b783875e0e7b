package dev.protostar.search.keyword;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.miscellaneous.KeywordMarkerFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Korean-aware keyword terms, computed in Java and stored as a {@code 'simple'} tsvector, so PostgreSQL
 * needs no Korean dictionary. Lucene's Nori tokenizer splits eojeol into morphemes and drops particles and
 * endings ({@code 경력은} and {@code 경력을} both give {@code 경력}); compounds are kept whole and split
 * ({@code 한빛페이} gives {@code 한빛페이}, {@code 한빛}, {@code 페이}); English words are lower-cased,
 * stop words dropped and Porter-stemmed ({@code engineers} gives {@code engin}); digit groups lose their
 * thousands separators ({@code 12,000} gives {@code 12000}). Thread-safe.
 */
public final class KeywordAnalyzer {

    /**
     * What a term is, as far as the question analysis cares. Dependent nouns and pronouns ({@code 데},
     * {@code 적}, {@code 거기}) are {@link #OTHER}: they carry no topic.
     */
    public enum Kind {
        PROPER_NOUN,
        NOUN,
        NUMBER,
        FOREIGN,
        VERB,
        OTHER
    }

    /**
     * @param text the term as indexed (lower-cased, stemmed)
     * @param surface the words it came from, as written ({@code Kakao}, {@code 네이버}): for messages and
     *     for telling names from common words
     */
    public record Term(String text, Kind kind, String surface) {}

    private static final CharArraySet STOP_WORDS;

    static {
        Set<Object> words = new LinkedHashSet<>(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        // Pronouns and auxiliaries carry nothing a document could match.
        words.addAll(List.of(
                "i",
                "me",
                "my",
                "you",
                "your",
                "we",
                "our",
                "he",
                "him",
                "his",
                "she",
                "her",
                "hers",
                "they",
                "them",
                "their",
                "it's",
                "its",
                "do",
                "does",
                "did",
                "done",
                "has",
                "have",
                "had",
                "am",
                "been",
                "being",
                "can",
                "could",
                "would",
                "should",
                "may",
                "might",
                "shall",
                "what",
                "which",
                "who",
                "whom",
                "whose",
                "when",
                "where",
                "why",
                "how",
                "from",
                "about",
                "also",
                "any",
                "all",
                "so",
                "than",
                "too",
                "very",
                // Words of time and degree that ask nothing a document answers.
                "were",
                "during",
                "before",
                "after",
                "while",
                "since",
                "until",
                "ago",
                "still",
                "just",
                "ever",
                "again",
                "other",
                "others",
                "some",
                "each",
                "every",
                "much",
                "many",
                "more",
                "most",
                "only",
                "own",
                "same",
                "both",
                "either",
                "neither",
                "whether",
                "there",
                "here",
                "out",
                "over",
                "under",
                "up",
                "down",
                "off",
                "per",
                "via",
                "within",
                "without"));
        STOP_WORDS = CharArraySet.unmodifiableSet(new CharArraySet(words, true));
    }

    /** Korean spellings of technology words, kept whole (see {@code keyword/userdict_ko.txt}). */
    private static final UserDictionary TECH_WORDS = techWords();

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer tokenizer = new KoreanTokenizer(
                    TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY,
                    TECH_WORDS,
                    KoreanTokenizer.DecompoundMode.MIXED,
                    false,
                    true);
            TokenStream stream = new KoreanPartOfSpeechStopFilter(tokenizer);
            stream = new KoreanReadingFormFilter(stream);
            stream = new LowerCaseFilter(stream);
            stream = new StopFilter(stream, STOP_WORDS);
            stream = new NonAsciiKeywordFilter(stream);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    };

    /** The terms of {@code text}, in order, duplicates kept. */
    public List<Term> analyze(String text) {
        List<Term> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        String written = Normalizer.normalize(text, Normalizer.Form.NFKC);
        // The analysed text drops thousands separators; positions map back to the text as written.
        StringBuilder normalized = new StringBuilder(written.length());
        int[] position = new int[written.length() + 1];
        for (int i = 0; i < written.length(); i++) {
            if (isThousandsSeparator(written, i) || isAbSlash(written, i)) {
                continue;
            }
            position[normalized.length()] = i;
            normalized.append(written.charAt(i));
        }
        position[normalized.length()] = written.length();
        try (TokenStream stream = analyzer.tokenStream("text", normalized.toString())) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PartOfSpeechAttribute pos = stream.addAttribute(PartOfSpeechAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (term.length() == 1 && term.charAt(0) < 0x80 && Character.isLetter(term.charAt(0))) {
                    continue; // a lone Latin letter ("Priya's" gives "s") says nothing
                }
                terms.add(new Term(
                        term.toString(),
                        kind(pos.getLeftPOS(), term),
                        written.substring(position[offset.startOffset()], position[offset.endOffset() - 1] + 1)));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The term texts of {@code text}, in order, duplicates kept. */
    public List<String> tokens(String text) {
        return analyze(text).stream().map(Term::text).toList();
    }

    /** What to store: the terms joined by spaces, for {@code to_tsvector('simple', ?)}. */
    public String indexText(String text) {
        return String.join(" ", tokens(text));
    }

    /**
     * A tsquery matching any of the terms ({@code 'a' | 'b'}), or empty when {@code text} has none. OR, not
     * AND: a question's words are never all in one chunk, and ranking sorts out the best match.
     */
    public String anyOfQuery(String text) {
        return anyOf(new LinkedHashSet<>(tokens(text)));
    }

    /** A tsquery matching any of {@code terms}, each quoted (terms hold letters and digits only). */
    public static String anyOf(Set<String> terms) {
        return terms.stream().map(t -> "'" + t.replace("'", "''") + "'").collect(Collectors.joining(" | "));
    }

    private static UserDictionary techWords() {
        try (var in = KeywordAnalyzer.class.getResourceAsStream("/keyword/userdict_ko.txt");
                var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return UserDictionary.open(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The slash of "A/B" (as in A/B test): read as "AB", the way "AB테스트" is written, not as two lone letters. */
    private static boolean isAbSlash(String text, int i) {
        return text.charAt(i) == '/'
                && i > 0
                && i + 1 < text.length()
                && Character.toLowerCase(text.charAt(i - 1)) == 'a'
                && Character.toLowerCase(text.charAt(i + 1)) == 'b'
                && (i < 2 || !isLatinOrDigit(text.charAt(i - 2)))
                && (i + 2 >= text.length() || !isLatinOrDigit(text.charAt(i + 2)));
    }

    /** A letter, a digit or a slash: "A/B/C" is a list, not an A/B test. */
    private static boolean isLatinOrDigit(char c) {
        return c == '/' || (c < 0x80 && Character.isLetterOrDigit(c));
    }

    /** A comma with a digit before it and three after it: "12,000". */
    private static boolean isThousandsSeparator(String text, int i) {
        return text.charAt(i) == ','
                && i > 0
                && Character.isDigit(text.charAt(i - 1))
                && i + 3 < text.length()
                && Character.isDigit(text.charAt(i + 1))
                && Character.isDigit(text.charAt(i + 2))
                && Character.isDigit(text.charAt(i + 3));
    }

    private static Kind kind(POS.Tag tag, CharTermAttribute term) {
        if (tag == null) {
            return Kind.OTHER;
        }
        return switch (tag) {
            case NNP -> Kind.PROPER_NOUN;
            case NNG, XR -> Kind.NOUN;
            case SN, NR -> Kind.NUMBER;
            case SL, SH -> term.length() > 0 && Character.isDigit(term.charAt(0)) ? Kind.NUMBER : Kind.FOREIGN;
            case VV, VA, VX, VCP, VCN, XSV, XSA -> Kind.VERB;
            default -> Kind.OTHER;
        };
    }

    /** Porter stemming is for English: Korean and other non-ASCII terms are marked as keywords so it skips them. */
    private static final class NonAsciiKeywordFilter extends KeywordMarkerFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        NonAsciiKeywordFilter(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean isKeyword() {
            for (int i = 0; i < term.length(); i++) {
                if (term.charAt(i) > 0x7f) {
                    return true;
                }
            }
            return false;
        }
    }
}
