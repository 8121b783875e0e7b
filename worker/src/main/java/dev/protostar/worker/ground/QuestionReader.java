package dev.protostar.worker.ground;

import dev.protostar.search.keyword.KeywordAnalyzer;
import dev.protostar.worker.retrieve.Glossary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads a question into clauses and meaningful terms: question words ("what", "몇", "지원자") are dropped,
 * names are told apart from words (Nori's proper nouns, capitalised or all-caps Latin words), and each
 * term brings its glossary equivalents.
 */
@Component
public class QuestionReader {

    /** Where one question asks two things: ", and", "; ", "? …", " and what/when/…", "그리고", "또한". */
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "\\s*[,;]\\s*(?:and\\s+|그리고\\s+)?|\\?\\s+(?=\\S)|\\s+(?:and|also)\\s+(?=(?:what|which|when|where|who|how|why|did|does|do|is|was|were|has|have|had|can|could)\\b)|\\s*(?:그리고|또한|아울러)\\s+",
            Pattern.CASE_INSENSITIVE);

    /** Words of asking, not of the thing asked about (as analysed terms). */
    private static final Set<String> ASKING = Set.of(
            "tell",
            "describ",
            "explain",
            "list",
            "give",
            "know",
            "want",
            "mention",
            "candid",
            "person",
            "applic",
            "kind",
            "type",
            "much",
            "mani",
            "thing",
            "anyth",
            "someth",
            "pleas",
            "detail",
            "specif",
            "inform",
            "exactli",
            "actual",
            "briefli",
            "summar",
            "summari",
            "name",
            "main",
            "kei",
            "get",
            "got",
            "say",
            "said",
            "talk",
            "share",
            "show",
            "includ",
            "overal",
            "total",
            "ani",
            "particular",
            "work's",
            "무엇",
            "뭐",
            "뭔가",
            "무슨",
            "어떤",
            "어느",
            "언제",
            "어디",
            "얼마",
            "얼마나",
            "누구",
            "왜",
            "지원자",
            "후보자",
            "후보",
            "그녀",
            "이분",
            "사람",
            "대해",
            "대하",
            "관련",
            "내용",
            "정보",
            "설명",
            "알려주",
            "알려",
            "말",
            "경우",
            "것",
            "수",
            "때",
            "중",
            "혹시",
            "정도",
            "가장",
            "주로",
            "분",
            "씨",
            "본인",
            "해당",
            "어떻",
            "있",
            "되",
            "하",
            "이",
            "그");

    private final KeywordAnalyzer analyzer;
    private final Glossary glossary;

    QuestionReader(KeywordAnalyzer analyzer, Glossary glossary) {
        this.analyzer = analyzer;
        this.glossary = glossary;
    }

    public Question read(String text) {
        List<Question.Clause> clauses = new ArrayList<>();
        for (String part : CLAUSE_BREAK.split(text)) {
            List<Question.Term> terms = terms(part);
            if (terms.isEmpty() && !clauses.isEmpty()) {
                continue;
            }
            if (!clauses.isEmpty() && clauses.getLast().terms().isEmpty()) {
                clauses.removeLast();
            }
            clauses.add(new Question.Clause(part.strip(), terms));
        }
        return new Question(text, Language.of(text), clauses);
    }

    private List<Question.Term> terms(String clause) {
        Map<String, Question.Term> terms = new LinkedHashMap<>();
        for (KeywordAnalyzer.Term term : analyzer.analyze(clause)) {
            if (ASKING.contains(term.text())
                    || term.kind() == KeywordAnalyzer.Kind.VERB
                    || term.kind() == KeywordAnalyzer.Kind.OTHER) {
                continue;
            }
            Question.Kind kind = kind(term);
            terms.putIfAbsent(
                    term.text(), new Question.Term(term.text(), kind, term.surface(), glossary.expand(term.text())));
        }
        return List.copyOf(terms.values());
    }

    private static Question.Kind kind(KeywordAnalyzer.Term term) {
        return switch (term.kind()) {
            case NUMBER -> Question.Kind.NUMBER;
            case PROPER_NOUN -> Question.Kind.NAME;
            case FOREIGN -> looksLikeName(term.surface()) ? Question.Kind.NAME : Question.Kind.WORD;
            default -> Question.Kind.WORD;
        };
    }

    /** "Kakao", "GPA", "MBTI" are names; "salary" is not. (A sentence's first word is rarely asked about.) */
    private static boolean looksLikeName(String surface) {
        return !surface.isEmpty() && Character.isUpperCase(surface.charAt(0));
    }
}
