package dev.protostar.worker.ground;

import dev.protostar.search.keyword.KeywordAnalyzer;
import dev.protostar.worker.retrieve.Glossary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads a question into clauses and what each needs from the documents: its meaningful terms (question
 * words such as "what", "몇", "지원자" dropped; names told from words by a capital letter or the list of
 * known employers and schools), its names of several words or in quotes, and its quantities (a number with
 * its unit).
 */
@Component
public class QuestionReader {

    /**
     * Where one question asks two things: ", and", "; ", "? …", " and what/when/would/…", "그리고", "또한",
     * "학력하고 학점", "입사일이랑 연봉" (and a past verb's 고, {@link #PAST_AND}) — but not
     * at the comma of a number ("1,000").
     */
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "\\s*(?:(?<!\\d),|,(?!\\d{3}(?!\\d))|;)\\s*(?:and\\s+|그리고\\s+)?|\\?\\s+(?=\\S)|\\s+(?:and|also)\\s+(?=(?:what|which|when|where|who|how|why|did|does|do|is|are|was|were|has|have|had|can|could|would|will|should)\\b)|\\s*(?:그리고|또한|아울러)\\s+|(?<=[가-힣])(?:이랑|랑|하고)\\s+(?=[가-힣A-Za-z])",
            Pattern.CASE_INSENSITIVE);

    /**
     * A Korean past-tense verb joined to the next clause by 고 ("정보처리기사 언제 땄고 학점은 몇이야?", "어디서 일했고 …"):
     * the syllable before 고 ends in ㅆ. Nouns ending in 고 (최고, 광고, 재고) never do.
     */
    private static final Pattern PAST_AND = Pattern.compile("([" + pastSyllables() + "])고\\s+(?=[가-힣A-Za-z])");

    /** A share said in words: half of something, as a question takes it for granted ("기반으로" is no half). */
    static final Pattern HALF = Pattern.compile(
            "(?i)절반|(?<![가-힣])반\\s*(?:으로|토막)|\\bin\\s+half\\b|\\bhalved\\b|\\bby\\s+half\\b|\\b50\\s*percent\\b");

    /**
     * A question word joined to the next clause by 고 ("학교 어디고 학점은?", "입사 언제고 연봉은 얼마야", "몇 년도고 상금은",
     * "몇 명이고 비용은").
     */
    private static final Pattern ASKED_AND =
            Pattern.compile("(어디|언제|뭐|무엇|누구|얼마|몇\\s*[가-힣]{1,3}?)(?:이)?고\\s+(?=[가-힣A-Za-z])");

    /**
     * A second thing asked as a bare noun after "and" at the end ("what's her degree and GPA"): a clause of its own,
     * asked like the first.
     */
    // "&" before a capitalised word is inside a name: "her notice period at Tallow & Thyme?"
    private static final Pattern ASKED_NOUN_TAIL = Pattern.compile("\\s+(?:(?i:and)|&(?!\\s+\\p{Lu}))\\s+"
            + "((?:(?i:her|his|their|the)\\s+)?[\\w/-]+(?:\\s+[\\w/-]+)?)\\s*\\??\\s*$");

    /**
     * Asking for confirmation ("컴퓨터공학 전공자시죠?", "He's been at Lumen since 2019, right?"): such a clause
     * states what it takes for granted, and a premise the documents do not support voids the question.
     */
    private static final Pattern CONFIRMS = Pattern.compile(
            "(?i)(?:\\bright|\\bcorrect|\\b(?:is|was|does|did|has|have)n[’']?t\\s+(?:it|he|she|they|that))\\s*[?.!]*\\s*$"
                    + "|(?:죠|지요|맞죠|맞지|맞나요|맞아요|맞습니까)\\s*[?？.]*\\s*$");

    /**
     * Verbs of a job's or a school's start or end: asked with "when" ("When did she start at Brightwater?",
     * "언제 졸업했어?") they ask for a date of a period the documents give, not for the word.
     */
    private static final Set<String> DATED_VERBS = Set.of(
            "start", "began", "begin", "join", "leav", "left", "quit", "finish", "graduat", "end", "move", "입사", "퇴사",
            "졸업", "시작", "합류", "그만두", "그만뒀", "떠나", "떠났", "들어가", "들어갔", "나오", "나왔", "옮기", "옮겼");

    private static final Pattern PAIRED_QUESTION_WORDS = Pattern.compile(
            "(?i)\\b(what|which|when|where|who|why|how)\\s*/\\s*(what|which|when|where|who|why|how)\\b");

    /**
     * A Korean verb made of a noun and 하다 ("병역은 해결했어?", "팀을 관리했어요"): the noun is the verb of the clause,
     * as "write" is in "can she write SQL".
     */
    private static final Pattern HADA = Pattern.compile("했|하[고는다며면여였]?|해|한|할|함|합");

    private static final Pattern HOW_BIG = Pattern.compile("(?i)\\bhow\\s+(?:big|large|small)\\b");

    private static final Pattern WHEN = Pattern.compile("(?i)\\bwhen\\b|\\bwhat\\s+year\\b|언제|몇\\s*년도|시점|시기");

    /**
     * Lower-case hyphenated words: a coined name ("jamo-fuzz", "pgqueue-go") or an everyday compound ("on-device",
     * "real-time"); the gate tells them apart by whether the documents have any of its parts.
     */
    private static final Pattern HYPHENATED = Pattern.compile("(?<![\\w-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\\w-])");

    static final Pattern QUESTION_WORD = Pattern.compile(
            "(?i)\\b(?:what|which|when|where|who|whom|whose|why|how)\\b|무엇|뭐|뭔|무슨|어떤|어떻|어디|언제|몇|얼마|누구|왜|어느");

    /** Asks to confirm a statement, and nothing else: "LCP 몇 초로 줄였다고 했죠?" asks a figure. */
    private static boolean confirms(String clause) {
        return CONFIRMS.matcher(clause).find() && !QUESTION_WORD.matcher(clause).find();
    }

    private static String pastSyllables() {
        StringBuilder syllables = new StringBuilder();
        for (int lead = 0; lead < 19; lead++) {
            for (int vowel = 0; vowel < 21; vowel++) {
                syllables.append((char) (0xAC00 + (lead * 21 + vowel) * 28 + 20)); // final ㅆ
            }
        }
        return syllables.toString();
    }

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
            "share",
            "show",
            "includ",
            "overal",
            "total",
            "ani",
            "particular",
            "much",
            "mani",
            "right",
            // "education background" asks for the education; "those models", "the bigger one" point back.
            "background",
            "those",
            "one",
            // the stem of "one" ("and the one before that"): "on" itself is a stop word
            "on",
            "ones",
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
            // "자격증 목록 좀": the list is how the answer comes, as "list" is in English
            "목록",
            "리스트",
            "설명",
            "알려주",
            "알려",
            "말",
            "경우",
            "때",
            "혹시",
            "정도",
            "가장",
            "주로",
            "분",
            "씨",
            "본인",
            "해당",
            // "그 작업은 몇 명이서 했나요?": work in general, the follow-up's subject says which
            "작업",
            // 일(하다) is work in general, and a homonym of the day in "일 30억 건", "2일"
            "일",
            "어떻",
            // Measures ask how much of the topic, they are not the topic: "로그 양", "팀 규모", "the number of apps".
            "양",
            "수",
            "개수",
            "숫자",
            "수치",
            "규모",
            "크기",
            // "앞에서 말한 LCP", "아까 그 수치": pointing back in the conversation, not a topic.
            "앞",
            "아까",
            "수준",
            "level",
            "amount",
            "number",
            "size",
            "period",
            "durat",
            // "CX-600 program dates?": asks for its period
            "date",
            "기간",
            // What a talk or a project was about is its title or its description: "발표한 주제", "the topic of".
            "주제",
            "topic",
            // "성과 위주로 알려줘": what to dwell on, not a topic
            "위주",
            // "current company + role", "her most recent title": the job's title is asked for, and documents write
            // the title itself ("Senior Product Manager"), not the word
            "role",
            "titl",
            // Chat shorthand and asking words that are no topic: "where's she working atm", "둘 다 알려줘", "언어 기준으로";
            // "how much did she improve X" asks about X (the documents say "cut", "raised", "from … to …").
            "atm",
            "rn",
            "what",
            "where",
            "who",
            // "pls" is stemmed to "pl"
            "pl",
            "plz",
            "cv",
            "resum",
            "there",
            "do",
            "improv",
            "둘",
            "기준",
            // "맡기 시작한 시점": when, asked in a noun
            "시점",
            "시기",
            "등급",
            // "회사 이름이 뭐예요", "몇 퍼센트였나요": the name or the share of the topic, asked for
            "이름",
            "명칭",
            "퍼센트",
            "percent",
            "percentag",
            "있",
            "되",
            "하",
            "이",
            "그");

    /** A clause that asks (rather than states a premise): a question word, or a question's ending. */
    private static final Pattern ASKS = Pattern.compile(
            "(?i)\\b(what|which|when|where|who|whom|whose|why|how)\\b|^\\s*(did|does|do|is|was|were|are|has|have|had|can|could|will|would)\\b|\\?\\s*$"
                    + "|무엇|뭐|뭔|무슨|어떤|어떻|어디|언제|몇|얼마|누구|왜|어느|(나요|까요|니까|는지|은지|인지|던지|세요|줘|줘요|주세요|줄래|줄래요|있나|었나|였나|했나|인가)[.?!]?\\s*$");

    /** Quoted names ('불침번', "Radish", 「…」) and capitalised runs of words (University of Toronto). */
    // an apostrophe inside an English word opens or closes nothing: "what's his master's in"
    private static final Pattern QUOTED =
            Pattern.compile("「([^」]{2,60})」|(?<![A-Za-z])['\"‘’“”『]([^'\"‘’“”」』]{2,40})['\"‘’“”」』](?![A-Za-z])");

    /**
     * The field of a degree the question names ("her computer science degree", "a data science major"): a fact to
     * find in those words, as the degree itself is — "Human-Computer Interaction" is no computer science degree.
     */
    private static final Pattern FIELD_OF_DEGREE =
            Pattern.compile("(?i)((?:\\b[a-z][a-z’']*\\s+){2,4})(?:degree|major)s?\\b");

    private static final Set<String> NOT_A_FIELD = Set.of(
            """
            her his their a an the any what which get got did does do she he they have has had in of with is was
            master masters bachelor bachelors undergraduate graduate postgraduate university college phd doctoral
            first second honours honors where when finish earn earned complete completed hold holds
            """
                    .strip()
                    .split("\\s+"));

    private static final Pattern CAPITALISED = Pattern.compile(
            "\\b[A-Z][\\w.&+-]*(?:\\s+(?:of|the|and|for|de|&)\\s+[A-Z][\\w.&+-]*|\\s+[A-Z][\\w.&+-]*)+");

    private static final Set<String> LEADING = Set.of(
            "what", "which", "when", "where", "who", "why", "how", "did", "does", "do", "is", "was", "were", "are",
            "has", "have", "had", "can", "could", "would", "should", "will", "tell", "as", "and", "besides", "if", "in",
            "at", "for", "after", "before", "during", "since", "with");

    private static final String NUMBER_WORDS =
            "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred";

    /** A number and the unit after it. The unit's pattern is what the documents must show after the number. */
    private static final Pattern QUANTITY = Pattern.compile("(?i)(\\d+(?:[.,]\\d+)*|\\b(?:" + NUMBER_WORDS + ")\\b)\\s*"
            + "((?-i:[KMB])(?![\\w.])|년|개월|달|주|시간|분|초|명|건|곳|배|퍼센트|%|억|만|천|위|점|회|살|세"
            + "|years?\\b|months?\\b|weeks?\\b|days?\\b|hours?\\b|minutes?\\b|seconds?\\b|people\\b|engineers?\\b"
            + "|members?\\b|million\\b|billion\\b|thousand\\b|percent\\b|times\\b|users?\\b|customers?\\b)");

    /**
     * The verb of an English question, after its inverted auxiliary and subject: "What languages can he
     * <i>speak</i>?", "How many people did Priya <i>manage</i>?". Forms of "be" are left out: what follows them
     * ("Is she fluent…") is what is asked.
     */
    private static final Pattern INVERTED_VERB = Pattern.compile(
            "\\b(?i:do|does|did|can|could|will|would|should|has|have|had)\\s+(?:(?i:he|she|they|it|you|we|i)|[A-Z][\\w'’-]*"
                    + "|(?i:the|those|these|this|that|his|her|their)\\s+[a-z][\\w-]*)"
                    + "\\s+(?:(?i:ever|also|not|still|already|actually|really)\\s+)?([a-z][\\w-]*)"
                    // "How many databases feed into Fjord?": after "how many …" a word before a preposition is its verb
                    + "|(?i:how\\s+many|how\\s+much)\\s+[a-z][\\w-]*\\s+([a-z][\\w-]*)\\s+"
                    + "(?i:into|to|in|for|at|on|from|with|under|across|per|the|a|an|her|his|their|its)\\b"
                    // the subject was the candidate's name, now dropped: "what languages does (Kiara) speak"
                    + "|\\b(?i:do|does|did|can|could|will|would)\\s+([a-z][\\w-]*)\\s*\\??\\s*$");

    /**
     * The verb of a relative clause after the noun it describes: "a product of hers that <i>failed</i>", "the
     * team which she <i>led</i>" — the noun before it is what is asked about. Not after "and", "in"… ("and
     * which company…"), where "which" asks.
     */
    private static final Pattern RELATIVE_VERB = Pattern.compile(
            "\\b([A-Za-z]+)\\s+(?i:that|which|who)\\s+(?:(?i:he|she|they|it|you|we|i)\\s+)?([a-z][\\w-]*)");

    /**
     * Degrees are facts, not words to paraphrase: "석사까지 했다던데" about a bachelor's holder, "Does she have a
     * master's?" — a degree the question names must be in the documents, as a name must (in any of its spellings:
     * 석사, master, MSc).
     */
    private static final Set<String> DEGREES =
            Set.of("학사", "석사", "박사", "bachelor", "master", "msc", "bsc", "phd", "doctor", "doctorat", "mba");

    private final KeywordAnalyzer analyzer;
    private final Glossary glossary;
    private final Set<String> knownNames;

    QuestionReader(KeywordAnalyzer analyzer, Glossary glossary) {
        this.analyzer = analyzer;
        this.glossary = glossary;
        this.knownNames = Glossary.readTerms(analyzer, "/retrieve/names.txt");
    }

    public Question read(String text) {
        List<Question.Clause> clauses = new ArrayList<>();
        // "when/where did he do his MSc": two question words asked at once, not one word
        String marked = PAIRED_QUESTION_WORDS.matcher(text).replaceAll("$1 and $2");
        marked = PAST_AND.matcher(marked).replaceAll("$1; ");
        marked = ASKED_AND.matcher(marked).replaceAll("$1; ");
        marked = ASKED_NOUN_TAIL.matcher(marked).replaceAll("; $1?");
        for (String part : CLAUSE_BREAK.split(marked)) {
            Question.Clause clause = clause(part.strip());
            // "TOEIC 몇 점이고 언제 본 거야": a clause with no word of its own that asks for a shape (a date, a count)
            // asks it of what the question names; the gate judges whether the documents give it.
            // So does one that asks what a résumé states in words of its own or not at all ("거기 왜 그만뒀어?").
            boolean asksOfWhatIsNamed = clause.asks()
                    && (AnswerShape.askedIn(clause.text()).isPresent()
                            || AskedAttribute.in(clause.text()).isPresent());
            if (clause.terms().isEmpty() && !clauses.isEmpty() && !asksOfWhatIsNamed) {
                if (clause.confirms()) {
                    // "…since 2019, right?": the tag makes the clause before it a statement to confirm.
                    Question.Clause stated = clauses.removeLast();
                    clauses.add(new Question.Clause(
                            stated.text(), stated.terms(), stated.phrases(), stated.quantities(), false, true));
                }
                continue;
            }
            if (!clauses.isEmpty() && clauses.getLast().terms().isEmpty()) {
                clauses.removeLast();
            }
            clauses.add(clause);
        }
        return new Question(text, Language.of(text), clauses);
    }

    private Question.Clause clause(String text) {
        List<Question.Quantity> quantities = quantities(text);
        Set<String> quantified = new java.util.HashSet<>();
        quantities.forEach(q -> {
            quantified.add(q.number());
            quantified.add(q.surface().split("\\s+|(?<=\\d)(?=\\D)")[0].toLowerCase(Locale.ROOT));
        });
        Set<String> verbs = new java.util.HashSet<>();
        Matcher verb = INVERTED_VERB.matcher(text);
        while (verb.find()) {
            verbs.add(verb.group(1) != null ? verb.group(1) : verb.group(2) != null ? verb.group(2) : verb.group(3));
        }
        Matcher relative = RELATIVE_VERB.matcher(text);
        while (relative.find()) {
            if (!LEADING.contains(relative.group(1).toLowerCase(Locale.ROOT))) {
                verbs.add(relative.group(2));
            }
        }
        boolean dated = WHEN.matcher(text).find();
        Map<String, Question.Term> terms = new LinkedHashMap<>();
        // Korean has no capitals of its own: a Latin word opening a Korean sentence is capitalised as a name.
        boolean english = Language.of(text) == Language.ENGLISH;
        List<KeywordAnalyzer.Term> analysed = licenceTitles(text, analyzer.analyze(text));
        List<String> texts = analysed.stream().map(KeywordAnalyzer.Term::text).toList();
        for (int i = 0; i < analysed.size(); i++) {
            var phrase = glossary.phraseAt(texts, i);
            if (phrase.isPresent()) {
                // "outside of work" asks about hobbies, not about work
                String surface = span(
                        text,
                        analysed.get(i).surface(),
                        analysed.get(i + phrase.get().length() - 1).surface());
                String meaning = phrase.get().term();
                terms.putIfAbsent(
                        meaning, new Question.Term(meaning, Question.Kind.WORD, surface, glossary.expand(meaning)));
                i += phrase.get().length() - 1;
                continue;
            }
            KeywordAnalyzer.Term term = analysed.get(i);
            boolean opening = english && text.startsWith(term.surface());
            if (ASKING.contains(term.text())
                    || (dated && DATED_VERBS.contains(term.text()))
                    // "how big is the transport budget": the size is what is asked, not a word to find
                    || (HOW_BIG.matcher(text).find() && term.surface().matches("(?i)big|large|small"))
                    || term.kind() == KeywordAnalyzer.Kind.VERB
                    || term.kind() == KeywordAnalyzer.Kind.OTHER
                    || quantified.contains(term.text())
                    // a numeral in words is a reading of something else ("일하나요" gives 일, 하나)
                    || (term.kind() == KeywordAnalyzer.Kind.NUMBER
                            && !term.text().matches(".*\\d.*"))) {
                continue;
            }
            Question.Kind kind = knownNames.contains(term.text()) || DEGREES.contains(term.text())
                    ? Question.Kind.NAME
                    : kind(term, opening);
            if (kind == Question.Kind.WORD
                    && (verbs.contains(term.surface())
                            || (Sounds.isHangul(term.surface()) && madeVerbWithHada(text, term.surface())))) {
                kind = Question.Kind.VERB;
            }
            Set<String> forms =
                    modifiesAnInstitution(text, analysed, i) ? Set.of(term.text()) : glossary.expand(term.text());
            terms.putIfAbsent(term.text(), new Question.Term(term.text(), kind, term.surface(), forms));
        }
        List<String> phrases = new ArrayList<>(phrases(text));
        phrases.addAll(koreanNames(text, analysed));
        return new Question.Clause(
                text,
                List.copyOf(terms.values()),
                List.copyOf(phrases),
                quantities,
                ASKS.matcher(text).find() && !confirms(text),
                confirms(text));
    }

    /**
     * "기술사 있어요?", "사회복지사 있나요": before 있다 Nori reads a licence title's last syllable as the verb 사다 (기술 +
     * 사). A noun with 사 after it in one word, the word ending there or at a particle, is the title, as the documents'
     * "토목구조기술사" is analysed.
     */
    static List<KeywordAnalyzer.Term> licenceTitles(String text, List<KeywordAnalyzer.Term> analysed) {
        List<KeywordAnalyzer.Term> terms = new ArrayList<>();
        for (int i = 0; i < analysed.size(); i++) {
            KeywordAnalyzer.Term term = analysed.get(i);
            boolean title = term.kind() == KeywordAnalyzer.Kind.NOUN
                    && i + 1 < analysed.size()
                    && isVerbSa(analysed.get(i + 1))
                    && Pattern.compile(Pattern.quote(term.surface() + "사") + "(?:[은는이가도를을의와과]|자격|면허)?(?![가-힣])")
                            .matcher(text)
                            .find();
            if (!title) {
                terms.add(term);
                continue;
            }
            terms.add(new KeywordAnalyzer.Term(term.text() + "사", KeywordAnalyzer.Kind.NOUN, term.surface() + "사"));
            while (i + 1 < analysed.size() && isVerbSa(analysed.get(i + 1))) {
                i++;
            }
        }
        return terms;
    }

    private static boolean isVerbSa(KeywordAnalyzer.Term term) {
        return term.kind() == KeywordAnalyzer.Kind.VERB && term.text().equals("사");
    }

    /** Nouns that end an institution's name: what a "…대학교병원" is. */
    private static final Pattern INSTITUTION = Pattern.compile("병원|의료원|병동|센터|연구소|재단|협회|학회|공단|공사|은행|법인|재단법인");

    /**
     * Whether the term at {@code i} is written inside one word with an institution's noun after it: the 대학교 of
     * "한빛대학교병원" names the hospital, it does not ask about education, so it takes none of the glossary's words.
     */
    private static boolean modifiesAnInstitution(String text, List<KeywordAnalyzer.Term> analysed, int i) {
        String surface = analysed.get(i).surface();
        if (!Sounds.isHangul(surface)) {
            return false;
        }
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            int at = word.group().indexOf(surface);
            if (at >= 0
                    && INSTITUTION
                            .matcher(word.group().substring(at + surface.length()))
                            .find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Words that modify a noun without naming anything: "어떤 팀", "전 회사", "새로운 프로젝트" are not names even when
     * written as one word.
     */
    private static final Pattern MODIFIER = Pattern.compile(
            "이런|그런|저런|어떤|무슨|어느|다른|같은|모든|여러|새로운|새|가장|제일|그|이|저|전|현|첫|옛|본|총|약|최근|지난|이전|마지막" + "|지금|현재|예전|당시|주요|큰|작은|좋은");

    /** A word as written: what lies between spaces and punctuation ("푸른식품에서"). */
    private static final Pattern WORD = Pattern.compile("[^\\s?!.,·/()]+");

    /** Nouns that say where or what kind, not which: "다른회사" is no employer's name. */
    private static final Set<String> PLACE_NOUNS =
            Set.of("회사", "직장", "곳", "데", "팀", "부서", "학교", "대학", "기업", "쪽", "일", "업무", "프로젝트", "분야");

    /**
     * A Korean name made of a native word and a noun, written as one ("푸른식품에서", "한결물류 다닐 때"): the analyser
     * keeps only the noun (식품, 물류), which any candidate's documents may have, so the name as written is a phrase
     * the documents must have — as a company in another candidate's résumé, it is not in this one's. Read from the
     * clause's own analysis ({@code analysed}), not analysed again.
     */
    private static List<String> koreanNames(String text, List<KeywordAnalyzer.Term> analysed) {
        // where each term stands in the text, found once and in order
        int[] at = new int[analysed.size()];
        int cursor = 0;
        for (int i = 0; i < analysed.size(); i++) {
            at[i] = text.indexOf(analysed.get(i).surface(), cursor);
            cursor = at[i] < 0 ? cursor : at[i] + analysed.get(i).surface().length();
        }
        List<String> names = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            if (word.group().length() < 4 || !word.group().chars().allMatch(c -> c >= 0xAC00 && c <= 0xD7A3)) {
                continue;
            }
            int first = -1;
            int end = -1;
            String last = null;
            for (int i = 0; i < analysed.size(); i++) {
                KeywordAnalyzer.Term term = analysed.get(i);
                boolean noun =
                        term.kind() == KeywordAnalyzer.Kind.NOUN || term.kind() == KeywordAnalyzer.Kind.PROPER_NOUN;
                if (noun && at[i] >= word.start() && at[i] + term.surface().length() <= word.end()) {
                    first = first < 0 ? at[i] - word.start() : first;
                    end = at[i] + term.surface().length() - word.start();
                    last = term.text();
                }
            }
            String prefix = first > 0 ? word.group().substring(0, first) : "";
            if (prefix.length() >= 2 && !MODIFIER.matcher(prefix).matches() && !PLACE_NOUNS.contains(last)) {
                names.add(word.group().substring(0, end));
            }
        }
        return names;
    }

    /** Whether {@code noun} is followed by 하다 somewhere in {@code text} ("해결했어", "관리하는"). */
    private static boolean madeVerbWithHada(String text, String noun) {
        Matcher hada = HADA.matcher(text);
        for (int at = text.indexOf(noun); at >= 0; at = text.indexOf(noun, at + 1)) {
            if (hada.region(at + noun.length(), text.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** The text from {@code first} to {@code last} as the recruiter wrote it ("outside of work"). */
    private static String span(String text, String first, String last) {
        int from = text.indexOf(first);
        int to = from < 0 ? -1 : text.indexOf(last, from);
        return to < 0 ? first + " " + last : text.substring(from, to + last.length());
    }

    private static List<String> phrases(String text) {
        List<String> phrases = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(text);
        while (quoted.find()) {
            phrases.add((quoted.group(1) != null ? quoted.group(1) : quoted.group(2)).strip());
        }
        Matcher coined = HYPHENATED.matcher(text);
        while (coined.find()) {
            phrases.add(coined.group());
        }
        Matcher field = FIELD_OF_DEGREE.matcher(text);
        while (field.find()) {
            List<String> words = new ArrayList<>(List.of(field.group(1).strip().split("\\s+")));
            words.removeIf(
                    word -> NOT_A_FIELD.contains(word.toLowerCase(Locale.ROOT).replaceAll("[’']s$", "")));
            if (words.size() == 2) {
                phrases.add(String.join(" ", words));
            }
        }
        Matcher run = CAPITALISED.matcher(text);
        while (run.find()) {
            List<String> words = new ArrayList<>(List.of(run.group().split("\\s+")));
            while (!words.isEmpty() && LEADING.contains(words.getFirst().toLowerCase(Locale.ROOT))) {
                words.removeFirst();
            }
            if (words.size() >= 2) {
                phrases.add(String.join(" ", words));
            }
        }
        return phrases;
    }

    private static List<Question.Quantity> quantities(String text) {
        List<Question.Quantity> quantities = new ArrayList<>();
        Matcher half = HALF.matcher(text);
        if (half.find()) {
            // "해지율 절반으로 줄였다던데", "cut compute spend in half": 50%, unless the documents say half themselves.
            quantities.add(new Question.Quantity("50", "(%|퍼센트)", half.group().strip()));
        }
        Matcher m = QUANTITY.matcher(text);
        while (m.find()) {
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            String pattern = unit.matches("[a-z]+")
                    ? unit.replaceAll("s$", "") + "s?"
                    : unit.equals("%") || unit.equals("퍼센트") ? "(%|퍼센트)" : unit;
            quantities.add(
                    new Question.Quantity(digits(m.group(1)), pattern, m.group().strip()));
        }
        return quantities;
    }

    private static String digits(String number) {
        List<String> words = List.of(NUMBER_WORDS.split("\\|"));
        int word = words.indexOf(number.toLowerCase(Locale.ROOT));
        if (word >= 0) {
            int[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 20, 30, 50, 100};
            return String.valueOf(values[word]);
        }
        return number.replaceAll("(?<=\\d),(?=\\d{3})", "");
    }

    private static Question.Kind kind(KeywordAnalyzer.Term term, boolean opening) {
        return switch (term.kind()) {
            case NUMBER -> Question.Kind.NUMBER;
            // Nori tags pieces of unknown Korean words as proper nouns ("쿠버네티스" without a dictionary gives
            // 쿠, 버네, 티스): too unreliable to demand verbatim. Korean names are known from names.txt.
            case FOREIGN -> looksLikeName(term.surface(), opening) ? Question.Kind.NAME : Question.Kind.WORD;
            default -> Question.Kind.WORD;
        };
    }

    /**
     * "Kakao", "GPA", "MBTI" are names; "salary" is not. A clause's first word is capitalised anyway
     * ("Besides English, …"): there only an acronym counts.
     */
    private static boolean looksLikeName(String surface, boolean opening) {
        if (surface.isEmpty() || !Character.isUpperCase(surface.charAt(0))) {
            return false;
        }
        return !opening || (surface.length() >= 2 && surface.equals(surface.toUpperCase(Locale.ROOT)));
    }
}
