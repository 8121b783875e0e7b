package dev.protostar.worker.ground;

import dev.protostar.search.keyword.KeywordAnalyzer;
import dev.protostar.worker.retrieve.Glossary;
import dev.protostar.worker.retrieve.Hit;
import dev.protostar.worker.retrieve.Retrieval;
import dev.protostar.worker.retrieve.TermCounts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Decides, clause by clause, whether the candidate's documents cover a question — the refusal rule of
 * both modes, applied in code before any model is called. A clause is covered when
 * <ul>
 *   <li>every name it uses ("Naver", "GPA", "University of Toronto", a quoted project) occurs in the
 *       documents as written or in another spelling ({@link Glossary#spellings}), every quantity ("5년", "six years") is stated there, and every other number occurs in
 *       the chunks retrieved for it;
 *   <li>an attribute it asks of something it names ({@link AskedAttribute}: why they left; {@link AnswerShape}: a
 *       head count, a period, a score, a date… of that project or test) is given by a line about it, and what a
 *       "how many" counts ({@link Measured}: "riders") is in the documents at all;
 *   <li>and less than {@code absentWordShare} of its other words are absent (exactly that share only if its
 *       head — what is counted, else the last word — is not among them) — a recruiter's paraphrase differs in a
 *       word or two; a question about an attribute the documents lack, such as a salary, is mostly that
 *       attribute — unless the question is in English and the best chunk is semantically close
 *       ({@code semanticRescue}), which lets an English paraphrase through.
 * </ul>
 * A question with no clause covered is refused; one with some covered is answered in part, saying what
 * is not. A premise the documents contradict ("As Director of Product at Stripe, …") voids the question, and so
 * does a confirmation they do not support ("컴퓨터공학 전공자시죠?").
 */
@Component
public class Gate {

    /** A word in at most this many of the candidate's chunks names something in particular. */
    private static final int RARE_CHUNKS = 2;

    private final Mentions mentions;
    private final KeywordAnalyzer analyzer;
    private final Glossary glossary;
    private final GroundingProperties properties;

    Gate(Mentions mentions, KeywordAnalyzer analyzer, Glossary glossary, GroundingProperties properties) {
        this.mentions = mentions;
        this.analyzer = analyzer;
        this.glossary = glossary;
        this.properties = properties;
    }

    /** Words that ask for a head count without naming who is counted ("how many ppl", "인원"). */
    private static final Pattern HEAD_COUNT_WORD = Pattern.compile("(?i)people|ppl|persons?|headcount|folks|인원|사람|인력");

    public Verdict judge(UUID candidateId, Question question, Retrieval retrieval) {
        List<Hit> hits = retrieval.hits();
        Set<String> retrievedTerms = new HashSet<>();
        for (Hit hit : hits) {
            retrievedTerms.addAll(analyzer.tokens(hit.section() + "\n" + hit.text()));
        }
        // The embedding model is English: on a Korean question its similarities are noise (0.85 for a chunk
        // that shares only "KAIST"), so only an English question can be let through by one.
        double bestSimilarity = question.language() == Language.ENGLISH
                ? hits.stream().mapToDouble(Hit::vectorScore).max().orElse(0)
                : 0;
        List<Question.Clause> answerable = new ArrayList<>();
        Set<String> uncovered = new LinkedHashSet<>();
        boolean voided = hits.isEmpty();
        List<String> questionNames = new ArrayList<>();
        question.clauses()
                .forEach(clause -> questionNames.addAll(names(
                        clause,
                        retrieval.counts(),
                        AnswerShape.askedIn(clause.text())
                                .map(shape -> shape.asking(clause.text()))
                                .orElse(""))));
        for (Question.Clause clause : question.clauses()) {
            List<String> unknownNames =
                    new ArrayList<>(unknownNames(candidateId, clause, retrieval.counts(), retrievedTerms));
            // "정산허브 몇 명이서 했어?": the project is there, but is a head count given for it?
            Optional<AnswerShape> shape = AnswerShape.askedIn(clause.text());
            if (unknownNames.isEmpty() && shape.isPresent()) {
                // "what language did he write it in" is not about the line that lists languages
                List<String> named =
                        names(clause, retrieval.counts(), shape.get().asking(clause.text()));
                List<String> about = named.isEmpty() ? questionNames : named;
                if (!about.isEmpty() && !shape.get().givenAbout(about, hits)) {
                    unknownNames.add(shape.get().name(question.language()));
                }
            }
            // "how many riders does it have": what is counted must be in the documents, whatever else is
            Optional<Question.Term> counted = Measured.counted(clause, clause.text());
            counted.filter(term -> unknownNames.isEmpty() && shape.isEmpty())
                    .filter(term -> retrieval.counts().of(term.forms()) == 0)
                    .ifPresent(term -> unknownNames.add(term.surface()));
            // "how many riders does it have": riders are mentioned ("the rider app"), but is a number of them given?
            counted.filter(term -> unknownNames.isEmpty() && shape.isEmpty())
                    .filter(term -> AnswerShape.countsUsers(term.surface()))
                    .filter(term -> !numberGiven(term, hits))
                    .ifPresent(term -> unknownNames.add(
                            question.language() == Language.KOREAN
                                    ? term.surface() + " 수"
                                    : "the number of " + term.surface()));
            // "how many ppl on her team?" of "a team of 4 economy designers": the head count is the answer's shape,
            // not a word the documents must use
            boolean headCounted = shape.filter(s -> s == AnswerShape.PEOPLE)
                    .filter(s ->
                            hits.stream().flatMap(hit -> hit.text().lines()).anyMatch(s::givenIn))
                    .isPresent();
            List<String> missingWords = unknownNames.isEmpty()
                    ? missingWords(clause, counted, retrieval.counts(), bestSimilarity, headCounted)
                    : List.of();
            if (unknownNames.isEmpty() && missingWords.isEmpty()) {
                answerable.add(clause);
            } else {
                uncovered.addAll(unknownNames);
                uncovered.addAll(missingWords);
                voided |= (!unknownNames.isEmpty() && !clause.asks())
                        || clause.confirms()
                        || (statesUnknownFigure(clause, unknownNames)
                                && !QuestionReader.QUESTION_WORD
                                        .matcher(clause.text())
                                        .find());
            }
        }
        voided |= onlyTheReasonCovered(question, answerable);
        boolean relevant = !hits.isEmpty()
                && (topicFound(question, retrievedTerms) || bestSimilarity >= properties.semanticRescue());
        return new Verdict(
                question,
                voided ? List.of() : answerable,
                PlainWords.of(question.text(), List.copyOf(uncovered)),
                hits,
                retrieval.counts(),
                relevant,
                true);
    }

    /**
     * Whether a retrieved line gives a number of what is counted: a figure up to two words before it ("2.3M
     * customers", "500K downloads", "1만 2천 명의 사용자" aside) or after it ("Installs: 2.3M", "사용자 1만 2천 명",
     * "MAU 약 85만"), within one clause of the line.
     */
    private static boolean numberGiven(Question.Term counted, List<Hit> hits) {
        String words = counted.forms().stream()
                .filter(form -> form.matches("[\\p{L}]+"))
                .map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining("|"));
        if (words.isEmpty()) {
            return true;
        }
        java.util.regex.Pattern given = java.util.regex.Pattern.compile(
                "(?iU)\\d[\\d.,]*\\s*(?:[kmb]|million|thousand|만|천|억)?\\s+(?:[^\\s;.:]+\\s+){0,2}?(?:" + words + ")"
                        + "|(?:" + words + ")[^\\s;.]*\\s+(?:[^\\s\\d;.]+\\s+){0,2}?\\d");
        return hits.stream().anyMatch(hit -> given.matcher(hit.text()).find());
    }

    /**
     * Whether the clause states a figure the documents do not have: asked without a question word ("got like 300
     * valid reports in yr one??", "Did she lead 12 people?") it checks a premise, and a wrong one voids the question.
     */
    private static boolean statesUnknownFigure(Question.Clause clause, List<String> unknown) {
        return clause.terms().stream()
                        .anyMatch(term -> term.kind() == Question.Kind.NUMBER && unknown.contains(term.surface()))
                || clause.quantities().stream().anyMatch(quantity -> unknown.contains(quantity.surface()));
    }

    /**
     * What a clause names, as the recruiter wrote it: its names and phrases, or else its words that one or two chunks
     * have (Nori cuts "정산허브" in words; the rarer one names the project) — other than those of {@code asking},
     * the words that ask for the answer's shape.
     */
    private List<String> names(Question.Clause clause, TermCounts counts, String asking) {
        List<String> names = new ArrayList<>(clause.phrases());
        clause.terms().stream()
                .filter(term -> term.kind() == Question.Kind.NAME)
                .forEach(term -> named(term, names));
        if (names.isEmpty()) {
            List<Question.Term> rare = clause.terms().stream()
                    .filter(term -> term.kind() == Question.Kind.WORD)
                    .filter(term -> counts.of(term.forms()) >= 1 && counts.of(term.forms()) <= RARE_CHUNKS)
                    .filter(term -> !asking.toLowerCase(Locale.ROOT)
                            .contains(term.surface().toLowerCase(Locale.ROOT)))
                    .toList();
            // "the snowpro cert": the documents' own word (snowpro), not the category word (cert) beside it
            List<Question.Term> own =
                    rare.stream().filter(term -> term.forms().size() == 1).toList();
            (own.isEmpty() ? rare : own).forEach(term -> named(term, names));
        }
        return names;
    }

    /** The term as written and in its other spellings: "토익 점수" is about the line that says "TOEIC 865". */
    private void named(Question.Term term, List<String> names) {
        names.add(term.surface());
        spellings(term).stream()
                .filter(spelling -> !spelling.equals(term.text()))
                .forEach(names::add);
    }

    /** A name's spellings: the glossary's (TOEIC, 토익) and the documents' in the other script (쿠팡, Coupang). */
    private Set<String> spellings(Question.Term term) {
        Set<String> spellings = new LinkedHashSet<>(glossary.spellings(term.text()));
        spellings.addAll(term.heard());
        return spellings;
    }

    /** Whether a retrieved chunk has one of the question's topic terms, or the question names none at all. */
    private static boolean topicFound(Question question, Set<String> retrievedTerms) {
        boolean anyTopic = false;
        for (Question.Clause clause : question.clauses()) {
            for (Question.Term term : clause.terms()) {
                if (term.kind() == Question.Kind.VERB) {
                    continue;
                }
                anyTopic = true;
                if (term.forms().stream().anyMatch(retrievedTerms::contains)) {
                    return true;
                }
            }
        }
        return !anyTopic;
    }

    /** Names, phrases, quantities and numbers of the clause the documents do not state. */
    private List<String> unknownNames(
            UUID candidateId, Question.Clause clause, TermCounts counts, Set<String> retrievedTerms) {
        List<String> unknown = new ArrayList<>();
        // "『그린셀바이오』" (an employer References resolved): a name quoted whole that the documents have is known, however
        // its words were analysed
        List<String> known = clause.phrases().stream()
                .filter(phrase -> mentions.phrase(candidateId, phrase))
                .toList();
        for (Question.Term term : clause.terms()) {
            // A name is found as written or spelt otherwise (토익 for TOEIC), never by its category (English).
            if (term.kind() == Question.Kind.NAME
                    && counts.of(spellings(term)) == 0
                    && known.stream().noneMatch(phrase -> phrase.contains(term.surface()))) {
                unknown.add(term.surface());
            } else if (term.kind() == Question.Kind.NUMBER && !retrievedTerms.contains(term.text())) {
                unknown.add(term.surface());
            }
        }
        for (String phrase : clause.phrases()) {
            if (!known.contains(phrase) && !everyday(phrase, counts)) {
                unknown.add(phrase);
            }
        }
        for (Question.Quantity quantity : clause.quantities()) {
            if (!mentions.quantity(candidateId, quantity)) {
                unknown.add(quantity.surface());
            }
        }
        // "Why did she leave X?" names only things the documents have (X, its dates); what it asks is a reason.
        AskedAttribute.in(clause.text())
                .filter(attribute -> !mentions.states(candidateId, attribute))
                .ifPresent(attribute -> unknown.add(attribute.name(Language.of(clause.text()))));
        return unknown;
    }

    /**
     * A lower-case hyphenated word the documents have a part of ("on-device" beside "per device") is an everyday
     * compound, judged as words; one with none of its parts there ("jamo-fuzz") is a name they do not have.
     */
    private boolean everyday(String phrase, TermCounts counts) {
        if (!phrase.matches("[a-z][a-z0-9]*(?:-[a-z0-9]+)+")) {
            return false;
        }
        return java.util.Arrays.stream(phrase.split("-"))
                .map(analyzer::tokens)
                .anyMatch(tokens -> !tokens.isEmpty() && counts.of(glossaryForms(tokens)) > 0);
    }

    private Set<String> glossaryForms(java.util.Collection<String> tokens) {
        Set<String> forms = new HashSet<>();
        tokens.forEach(token -> forms.addAll(glossary.expand(token)));
        return forms;
    }

    /** The clause's absent words, if there are too many of them for a paraphrase; else none. */
    private List<String> missingWords(
            Question.Clause clause,
            Optional<Question.Term> counted,
            TermCounts counts,
            double bestSimilarity,
            boolean headCounted) {
        List<String> missing = new ArrayList<>();
        int words = 0;
        boolean headMissing = false;
        boolean verbMissing = false;
        boolean sawWord = false;
        Set<String> inAbsentCompound = partsOfAbsentCompounds(clause, counts);
        String foundWhole = "";
        for (Question.Term term : clause.terms()) {
            if (headCounted && HEAD_COUNT_WORD.matcher(term.surface()).matches()) {
                continue;
            }
            if (Sounds.isHangul(term.surface())
                    && foundWhole.contains(term.surface())
                    && !foundWhole.equals(term.surface())) {
                continue; // "프랑스어" is there (as "French"): its parts "프랑스", "어" need not be
            }
            if (term.kind() == Question.Kind.WORD || term.kind() == Question.Kind.VERB) {
                words++;
                boolean absent = counts.of(term.forms()) == 0 || inAbsentCompound.contains(term.surface());
                if (absent) {
                    missing.add(term.surface());
                } else if (Sounds.isHangul(term.surface()) && term.surface().length() >= 3) {
                    foundWhole = term.surface();
                }
                if (term.kind() == Question.Kind.WORD) {
                    headMissing = absent;
                    sawWord = true;
                } else {
                    verbMissing = absent;
                }
            }
        }
        // "해외 현장 근무해 본 적 있어요?": where is what is asked; the documents' site work at home does not answer it
        if (missing.stream().anyMatch(word -> ABROAD.matcher(word).matches())
                && bestSimilarity < properties.semanticRescue()) {
            return missing;
        }
        // "병역은 해결했어?", "by how much did she bring no-shows down", "can she write SQL": a verb is how the
        // question puts it, the documents their own way ("만기전역", "cut the no-show rate", "comfortable with SQL").
        // An absent verb alone does not void a clause whose other words are there, nor a yes/no question about a
        // name they have — but "why did she leave Freshworks?" asks the verb of the name.
        boolean onlyVerbsMissing = !missing.isEmpty()
                && clause.terms().stream()
                        .filter(term -> missing.contains(term.surface()))
                        .allMatch(term -> term.kind() == Question.Kind.VERB);
        boolean wordFound = !clause.phrases().isEmpty()
                || clause.terms().stream()
                        .anyMatch(term -> term.kind() == Question.Kind.WORD && !missing.contains(term.surface()));
        boolean yesNoOfName =
                !QuestionReader.QUESTION_WORD.matcher(clause.text()).find()
                        && clause.terms().stream().anyMatch(term -> term.kind() == Question.Kind.NAME);
        if (onlyVerbsMissing && (wordFound || yesNoOfName)) {
            return List.of();
        }
        if (wordFound) {
            // "what throughput did it handle at peak": once a word of the clause is there, the words decide. Not a
            // Korean 하다 word, which may be what is asked ("주말 근무가 가능한지": whether it is possible).
            List<String> absentVerbs = clause.terms().stream()
                    .filter(term -> term.kind() == Question.Kind.VERB
                            && missing.contains(term.surface())
                            && !Sounds.isHangul(term.surface()))
                    .map(Question.Term::surface)
                    .toList();
            missing.removeAll(absentVerbs);
            words -= absentVerbs.size();
        }
        headMissing = sawWord ? headMissing : verbMissing;
        // "how many downloads did the bigger one have": what is counted is the head, wherever it stands
        if (counted.isPresent()) {
            headMissing = counts.of(counted.get().forms()) == 0;
        }
        double share = words == 0 ? 0 : (double) missing.size() / words;
        // At exactly the limit the head decides — the last word, since both English noun phrases and
        // Korean sentences end on what they are about: "undergraduate grades" asks for grades. An English
        // question's verb comes last without being its subject ("what languages can he speak").
        boolean tooMany =
                share > properties.absentWordShare() || (share == properties.absentWordShare() && headMissing);
        return tooMany && bestSimilarity < properties.semanticRescue() ? missing : List.of();
    }

    private static final Pattern HANGUL_WORD = Pattern.compile("[가-힣]+");

    /** Words that put what is asked abroad: absent, the rest of the clause is about something else. */
    private static final Pattern ABROAD = Pattern.compile("(?i)해외|외국|국외|overseas|abroad|foreign");

    /**
     * The later parts of a Korean compound written as one word whose first part the documents lack: "법학전문대학원"
     * is not in a résumé that has only "대학원" and "특허 전문" — the analyser's parts are there, the thing is not.
     */
    private static Set<String> partsOfAbsentCompounds(Question.Clause clause, TermCounts counts) {
        Set<String> parts = new HashSet<>();
        Matcher word = HANGUL_WORD.matcher(clause.text());
        while (word.find()) {
            List<Question.Term> inside = new ArrayList<>();
            int from = 0;
            for (Question.Term term : clause.terms()) {
                int at = term.kind() == Question.Kind.WORD && Sounds.isHangul(term.surface())
                        ? word.group().indexOf(term.surface(), from)
                        : -1;
                if (at >= 0 && (inside.isEmpty() ? at == 0 : at == from)) {
                    inside.add(term);
                    from = at + term.surface().length();
                }
            }
            if (inside.size() >= 2 && counts.of(inside.getFirst().forms()) == 0) {
                inside.subList(1, inside.size()).forEach(term -> parts.add(term.surface()));
            }
        }
        return parts;
    }

    /**
     * Whether what is covered is only what follows the question and asks nothing — why it was asked ("운전면허
     * 있어요? 현장 다니려면 필요해서"): no answer to give. A clause before the one that asks ("토익 점수랑 오픽 등급
     * 알려줘요") is part of the question, and answered.
     */
    private static boolean onlyTheReasonCovered(Question question, List<Question.Clause> answerable) {
        List<Question.Clause> clauses = question.clauses();
        int lastAsking = -1;
        for (int i = 0; i < clauses.size(); i++) {
            if (asks(question.text(), clauses.get(i))) {
                lastAsking = i;
            }
        }
        if (lastAsking < 0 || answerable.isEmpty() || answerable.contains(clauses.get(lastAsking))) {
            return false;
        }
        int asking = lastAsking;
        return answerable.stream()
                .allMatch(clause -> !asks(question.text(), clause)
                        && clauses.indexOf(clause) > asking
                        && REASON.matcher(clause.text()).find());
    }

    /** How a clause says why something is asked: "…필요해서", "…다니려면", "because the role needs it". */
    private static final Pattern REASON = Pattern.compile(
            "(?i)(?:해서|어서|아서|라서|려면|으니까|니까|때문에|거든요?)\\s*[.!]*\\s*$|^\\s*(?:because|since|as)\\b|\\b(?:we|the\\s+role)\\s+needs?\\b");

    /** Whether a clause asks, by its words or by the question mark after it in the question ("운전면허 있어요?"). */
    private static boolean asks(String question, Question.Clause clause) {
        int at = question.indexOf(clause.text());
        return clause.asks()
                || (at >= 0 && question.substring(at + clause.text().length()).matches("(?s)\\s*[?？].*"));
    }
}
