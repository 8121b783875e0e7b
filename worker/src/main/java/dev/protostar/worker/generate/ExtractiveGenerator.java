package dev.protostar.worker.generate;

import dev.protostar.search.keyword.KeywordAnalyzer;
import dev.protostar.search.text.Sentences;
import dev.protostar.search.tokens.TokenCounter;
import dev.protostar.worker.ground.AnswerShape;
import dev.protostar.worker.ground.Measured;
import dev.protostar.worker.ground.Phrases;
import dev.protostar.worker.ground.Question;
import dev.protostar.worker.retrieve.Hit;
import dev.protostar.worker.retrieve.TermCounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The offline mode: answers without a language model by quoting the candidate's documents — for each
 * covered part of the question, the sentences of the retrieved chunks that share the most (rarity-weighted)
 * terms with it, each cited, headed by its section's last heading. It never generates a word of its own
 * beyond fixed phrases, so it cannot state anything the documents do not; and it quotes no line that is an
 * instruction to a model ({@link InstructionLike}), so an injected one is never an answer.
 */
final class ExtractiveGenerator implements Generator {

    /** Sentences per covered clause, and how close to the best sentence another must score to be quoted. */
    private static final int PER_CLAUSE = 3;

    private static final double NEAR_BEST = 0.6;

    /** Lines quoted when a chunk's heading is what the clause asks for (a list of languages, certificates). */
    private static final int LIST_LINES = 5;

    /** A heading of at most this many terms names a category ("Languages", "자격증"), not a project. */
    private static final int CATEGORY_TERMS = 3;

    private static final Pattern PRESENT_QUESTION =
            Pattern.compile("(?i)\\b(now|current(ly)?|present(ly)?|today|atm|rn)\\b|at the moment|지금|현재|요즘|현 직장");

    private static final Pattern PRESENT_TEXT =
            Pattern.compile("(?i)\\b(present|current(ly)?|now)\\b|재직\\s*중|현재|[~–-]\\s*(\\)|$)");

    /** A question for a name ("the name of the app", "시스템 이름이 뭔가요"): lines that hold one answer it. */
    private static final Pattern NAME_QUESTION = Pattern.compile("(?i)\\bname\\b|\\bcalled\\b|이름|명칭");

    /** A name in a line: a capitalised Latin word after its first word (in Korean, anywhere), or quoted. */
    private static final Pattern NAME_TEXT = Pattern.compile(
            "(?<=\\S\\s{1,3})[A-Z][A-Za-z]+|(?<![A-Za-z])[A-Z][A-Za-z]+(?=[가-힣])|['‘「『\"“][^'’」』\"”]{2,30}['’」』\"”]");

    /** A question for a head count ("팀 규모는?", "how big was the team"): lines with a number of people answer it. */
    private static final Pattern PEOPLE_QUESTION = Pattern.compile(
            "(?i)몇\\s*명|규모|인원|팀원\\s*수|팀.{0,12}구성|\\bwho\\s+(?:was|were)\\s+on\\b|\\bteam\\s+(?:make-?up|composition)|how\\s+many\\s+(?:people|ppl|engineers|developers|members|persons?)\\b|how\\s+(?:big|large)\\b|team\\s+size|headcount|size\\s+of");

    /** A question for how long or since when ("기간이 얼마나", "how long did it take"): lines with a period answer it. */
    private static final Pattern PERIOD_QUESTION = Pattern.compile(
            "(?i)기간|얼마\\s*(?:나|동안)\\s*(?:걸렸|걸린|근무|다녔|일했|재직|진행)|몇\\s*(?:년|개월|달)|언제부터|how\\s+long|\\bduration\\b");

    /** A question for a figure ("몇 개", "얼마나", "how many", "how much"): lines with a number answer it. */
    private static final Pattern FIGURE_QUESTION =
            Pattern.compile("(?i)몇|얼마|how\\s+(?:many|much|long|fast|big)|what\\s+(?:percentage|share|rate)");

    /** A figure: a number not inside a name ("EC2", "S3" are no figures). */
    private static final Pattern FIGURE_TEXT = Pattern.compile("(?<![A-Za-z])\\d");

    /** Dates, which answer no "how many": "2019.03", "August 2012", "2012 – 2017", "2022 – Present". */
    private static final Pattern DATE_TEXT = Pattern.compile("(?i)(?:19|20)\\d{2}[.\\-/]\\d{1,2}"
            + "|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(?:19|20)\\d{2}"
            + "|(?:19|20)\\d{2}\\s*[–—~-]\\s*(?:(?:19|20)\\d{2}|present|now|현재)");

    /** A question for what was done at a job ("최근 회사에서 무엇을 했나요?", "what did she do at Kiezbank"). */
    private static final Pattern DID_QUESTION = Pattern.compile(
            "(?i)무엇을\\s*했|뭐\\s*했|뭘\\s*했|무슨\\s*일|어떤\\s*일|한\\s*일|맡은\\s*(?:업무|일|역할)|담당(?:한|했던)?\\s*(?:업무|일)|주요\\s*업무|성과"
                    + "|\\bwhat\\s+did\\s+\\S+(?:\\s+\\S+)?\\s+do\\b|\\bresponsibilit|\\bachievements?\\b|\\baccomplish|\\bwhat\\s+(?:has|have)\\s+\\S+\\s+done\\b");

    /** A line that is a field of a form, not something done ("부서 / 직책: …", "Period: …"). */
    private static final Pattern FIELD_LINE = Pattern.compile(
            "(?i)^(?:[-*•·]\\s*)?(?:부서|직책|직급|기간|재직\\s*기간|회사|소속|근무지|위치|고용\\s*형태|팀|role|when|period|location|team|dates?|company|title)\\s*(?:/\\s*\\S+\\s*)?[:：|]");

    /** A summary's heading: its lines list the jobs, they do not say what was done at one. */
    private static final Pattern SUMMARY_HEADING = Pattern.compile("(?i)요약|개요|summary|overview|at a glance");

    /** A clause of nothing but the subjects a follow-up carried from the turn it leans on (the rewriter quotes them). */
    private static final Pattern CARRIED = Pattern.compile("(?:\\s*「[^」]*」)+\\s*");

    /** A table's header row: cells of labels, no figures. */
    private static final Pattern HEADER_ROW = Pattern.compile("[^\\d]*\\|[^\\d]*");

    private final KeywordAnalyzer analyzer;
    private final PromptAssembler assembler;

    ExtractiveGenerator(KeywordAnalyzer analyzer, PromptAssembler assembler) {
        this.analyzer = analyzer;
        this.assembler = assembler;
    }

    /**
     * A line that may be quoted: {@code order} is its place in its chunk, -1 for the chunk's heading;
     * {@code preferred} whether it is the kind of line the question asks for (marked as the present for a
     * question about the present, holding a name for a question about a name).
     */
    private record Candidate(
            int source, int order, String sentence, double score, double heading, boolean preferred, boolean figure) {

        Candidate plus(double more) {
            return new Candidate(source, order, sentence, score + more, heading, preferred, figure);
        }

        /** This line, quoted for its heading: it leads as the heading would ("쿠팡 | … (3년 7개월)"). */
        Candidate quotedFor(Candidate headingLine) {
            return new Candidate(source, order, sentence, score, heading, preferred, figure || headingLine.figure());
        }
    }

    @Override
    public Generation generate(Ask ask, TokenSink sink) {
        List<Hit> sources = ask.sources();
        Set<String> quoted = new HashSet<>();
        StringBuilder answer = new StringBuilder(Phrases.lead(ask.language()));
        // A follow-up's carried subjects ("그 전환으로 비용은?" 「메트릭 플랫폼 VictoriaMetrics」) say where to look: they
        // weigh the asked clauses' lines. Their own lines follow (the turn's subject, "거기서는 무슨 직책?" → its heading).
        List<Question.Term> context = new ArrayList<>();
        for (Question.Clause clause : ask.verdict().answerable()) {
            if (CARRIED.matcher(clause.text()).matches()) {
                context.addAll(clause.terms());
            }
        }
        for (Question.Clause clause : ask.verdict().answerable()) {
            boolean carried = CARRIED.matcher(clause.text()).matches();
            for (Candidate pick : pick(clause, carried ? List.of() : context, ask)) {
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
        // No prompt is sent, but the tokens are those of the prompt a model would get: the same accounting in
        // both modes, so the memory benchmark measures the same thing either way.
        Prompt prompt = assembler.assemble(LlmGenerator.RULES, ask);
        return new Generation(text, prompt.inputTokens(), TokenCounter.count(text), prompt.historyTokens());
    }

    /**
     * The sentences that answer one clause. When a chunk's heading names what is asked ("which languages",
     * "자격증은") its lines are the answer, quoted in order; otherwise the sentences sharing the most
     * (rarity-weighted) terms with the clause, with the one after the best for context. A question about
     * the present prefers lines marked as current ("재직중", "Present"); one about a name, lines that hold a
     * name ("Built the CareCall app"); one for a head count or a period, lines that give one.
     *
     * @param context the terms a follow-up carried from the turn it leans on: lines under headings that have them
     *     weigh more, so of two like lines the one about what the conversation is on answers
     */
    private List<Candidate> pick(Question.Clause clause, List<Question.Term> context, Ask ask) {
        List<Hit> sources = ask.sources();
        TermCounts counts = ask.verdict().counts();
        boolean present = PRESENT_QUESTION.matcher(ask.question()).find();
        // A follow-up with no word of its own ("그 작업은 몇 명이서 했나요?") keeps only its carried subjects as a
        // clause: what kind of line it asks for is still in the question.
        String asked = CARRIED.matcher(clause.text()).matches() ? ask.question() : clause.text();
        boolean name = NAME_QUESTION.matcher(asked).find();
        boolean people = PEOPLE_QUESTION.matcher(asked).find() && !AnswerShape.countsUsers(asked);
        boolean figure = FIGURE_QUESTION.matcher(asked).find();
        boolean period = PERIOD_QUESTION.matcher(asked).find();
        // "몇 건 했고 몇 건 이겼대?": a count of cases ("27건 수행"), not any number ("ITC 337조")
        boolean cases = AnswerShape.askedIn(asked)
                .filter(shape -> shape == AnswerShape.CASES)
                .isPresent();
        // A head count or a period is its own kind of line; any other figure is a figure of something.
        Set<String> measured = figure && !people && !period
                ? Measured.in(clause, asked).map(Question.Term::forms).orElse(Set.of())
                : Set.of();
        List<Candidate> candidates = new ArrayList<>();
        Set<String> sourceTerms = new HashSet<>();
        // The best-ranked chunk, unless it holds nothing but instructions: what is quoted when no line matches.
        int first = -1;
        for (int s = 0; s < sources.size(); s++) {
            Hit hit = sources.get(s);
            List<String> sentences = Sentences.split(hit.text());
            // An instruction to a model (an injected "Ignore all previous instructions…") says nothing about the
            // candidate: it answers no question, though it shares a word with one ("now", "candidate"), and a chunk of
            // nothing else offers no line, not even its heading.
            if (!sentences.isEmpty() && sentences.stream().allMatch(InstructionLike::in)) {
                continue;
            }
            first = first < 0 ? s : first;
            Set<String> sectionTerms = new HashSet<>(analyzer.tokens(hit.section()));
            sourceTerms.addAll(sectionTerms);
            double heading = matched(clause.terms(), sectionTerms, counts, false);
            // What the conversation is about, found in the chunk's headings: its lines weigh more.
            double about = matched(context, sectionTerms, counts, false);
            boolean currentSection =
                    present && PRESENT_TEXT.matcher(hit.section()).find();
            String lastHeading = lastHeading(hit);
            boolean category = words(lastHeading) <= CATEGORY_TERMS;
            String parent = parentHeading(hit);
            if (period && !AnswerShape.PERIOD.givenIn(lastHeading) && AnswerShape.PERIOD.givenIn(parent)) {
                // asked how long or since when, the heading that has the period: "[제이스카이(주)] 2016년 2월 ~ 2019년 8월"
                // over "운항관리팀 / 운항관리사"
                lastHeading = parent;
            }
            // A heading is a line of the document too ("쿠팡 | 2017.09 ~ 2021.03 (3년 7개월)", "Dacon … 경진대회
            // 2위"): it can be the answer, though any line under it that matches the clause says more.
            if (!lastHeading.isEmpty() && !InstructionLike.in(lastHeading)) {
                double headingScore = matched(clause.terms(), sectionTerms, counts, true);
                headingScore += headingScore > 0 ? 0.8 * about : 0;
                // "쿠팡 | 2017.09 ~ 2021.03 (3년 7개월)" is the period asked of the job it names
                boolean headingAnswers = headingScore > 0
                        && ((period && AnswerShape.PERIOD.givenIn(lastHeading))
                                || (people && AnswerShape.PEOPLE.givenIn(lastHeading)));
                if (headingAnswers
                        && period
                        && JOBS_SECTION.matcher(hit.section()).lookingAt()) {
                    // a job's own period, not a project's that names the employer in passing: "[동계 제방빙 운영 개선
                    // TF] 2020년 10월 ~ 2021년 3월 (청운항공)" under 주요 프로젝트
                    headingScore *= 1.5;
                }
                candidates.add(new Candidate(
                        s,
                        -1,
                        lastHeading,
                        headingScore - 0.01 * s,
                        category ? heading : 0,
                        currentSection,
                        headingAnswers));
            }
            for (int i = 0; i < sentences.size(); i++) {
                if (InstructionLike.in(sentences.get(i))) {
                    continue;
                }
                Set<String> terms = new HashSet<>(analyzer.tokens(sentences.get(i)));
                sourceTerms.addAll(terms);
                double own = matched(clause.terms(), terms, counts, true);
                String sentence = sentences.get(i);
                boolean answersFigure = (people && AnswerShape.PEOPLE.givenIn(sentence))
                        || (period && AnswerShape.PERIOD.givenIn(sentence))
                        || (cases && AnswerShape.CASES.givenIn(sentence))
                        || (figure
                                && !people
                                && !period
                                && !cases
                                && FIGURE_TEXT
                                        .matcher(DATE_TEXT.matcher(sentence).replaceAll(""))
                                        .find());
                // The heading picks the chunk; within it, the sentence's own terms pick the line — or, in a chunk the
                // clause or the conversation names, its being the kind of line asked for ("기간: 2022.02 ~ 2023.03"
                // for "그 프로젝트 기간은?", "with 2 teammates" for "how many people").
                boolean relevant = own > 0 || (answersFigure && (about > 0 || heading > 0));
                double score = own + (relevant ? 0.8 : 0.2) * heading + (relevant ? 0.8 * about : 0);
                if (answersFigure && measured.stream().anyMatch(terms::contains)) {
                    // a figure of what is measured ("비용을 얼마나", "how many servers"), not any figure nearby
                    score += weight(counts, measured);
                }
                boolean preferred = currentSection
                        || (present && PRESENT_TEXT.matcher(sentence).find())
                        || (name && NAME_TEXT.matcher(sentence).find())
                        || answersFigure;
                // Earlier (better-ranked) chunks win ties.
                candidates.add(new Candidate(
                        s, i, sentence, score - 0.01 * s, category ? heading : 0, preferred, answersFigure));
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        // What the retrieved chunks can match of the clause: a term none of them has cannot decide a line.
        double clauseWeight = matched(clause.terms(), sourceTerms, counts, false);
        List<Candidate> scored = new ArrayList<>();
        for (Candidate c : candidates) {
            // A line with the figure asked for is the answer more surely than one about the present or a name.
            double bonus = c.figure() ? 0.5 : 0.2;
            scored.add(c.preferred() && c.score() > 0 ? c.plus(bonus * clauseWeight) : c);
        }
        scored.sort(Comparator.comparingDouble(Candidate::score).reversed());
        Candidate top = scored.getFirst();
        if (DID_QUESTION.matcher(asked).find()) {
            List<Candidate> done = new ArrayList<>(achievements(clause, context, sources, counts, candidates));
            if (!done.isEmpty()) {
                // The job's row in a summary leads when it is the best match ("그린박스마켓 | … | 데이터 엔지니어"
                // for "어디였고 뭐 했어요?": the title), then what was done there.
                boolean summaryRow = SUMMARY_HEADING
                        .matcher(sources.get(top.source()).section())
                        .find();
                if (summaryRow && top.score() > 0 && top.order() >= 0) {
                    done.addFirst(top);
                }
                return done;
            }
        }
        if (top.score() <= 0) {
            return firstLines(scored, Math.max(first, 0), 2);
        }
        // A category heading ("Certificates", "자격증") that is the best line, or names most of the clause.
        if ((top.order() < 0 && top.heading() > 0) || (clauseWeight > 0 && top.heading() >= 0.5 * clauseWeight)) {
            return firstLines(scored, top.source(), LIST_LINES);
        }
        List<Candidate> picked = new ArrayList<>(scored.stream()
                .filter(c -> c.score() >= NEAR_BEST * top.score())
                .limit(PER_CLAUSE)
                .toList());
        scored.stream()
                .filter(c -> c.source() == top.source() && c.order() == top.order() + 1)
                .findFirst()
                .filter(next -> !picked.contains(next))
                .ifPresent(picked::add);
        // A line quoted from a chunk carries its heading already; a heading alone is quoted with its first line.
        for (Candidate heading : List.copyOf(picked)) {
            if (heading.order() < 0) {
                picked.remove(heading);
                if (picked.stream().noneMatch(o -> o.source() == heading.source())) {
                    picked.addAll(firstLines(scored, heading.source(), 1));
                }
                picked.replaceAll(line -> line.source() == heading.source() ? line.quotedFor(heading) : line);
            }
        }
        // The direct answer first — a line of the kind asked for (the head count, the figure, the name) — then the
        // rest in the documents' order.
        picked.sort(Comparator.comparing((Candidate c) -> !c.figure())
                .thenComparingInt(Candidate::source)
                .thenComparingInt(Candidate::order));
        // In a follow-up, of several lines of the kind asked for, the best-scored leads: the one in the chunk the
        // conversation is on ("그 전환으로 비용은?" → that migration's saving, not another's); so it does when the
        // question says what the figure measures ("비용을 얼마나 줄였나요": the line with the cost).
        picked.stream()
                .filter(c -> c.figure() && (!context.isEmpty() || !measured.isEmpty()))
                .max(Comparator.comparingDouble(Candidate::score))
                .ifPresent(best -> {
                    picked.remove(best);
                    picked.addFirst(best);
                });
        return picked;
    }

    /**
     * What was done at the job the clause names: the lines of the best chunk whose own heading names it (not a
     * summary's), in order, without the form's fields — the achievements, as the documents list them.
     */
    private List<Candidate> achievements(
            Question.Clause clause,
            List<Question.Term> context,
            List<Hit> sources,
            TermCounts counts,
            List<Candidate> candidates) {
        int best = -1;
        double bestScore = 0;
        for (int s = 0; s < sources.size(); s++) {
            String heading = lastHeading(sources.get(s));
            if (SUMMARY_HEADING.matcher(sources.get(s).section()).find()) {
                continue;
            }
            double named = matched(clause.terms(), new HashSet<>(analyzer.tokens(heading)), counts, false)
                    + matched(context, new HashSet<>(analyzer.tokens(heading)), counts, false);
            if (named > bestScore) {
                best = s;
                bestScore = named;
            }
        }
        if (best < 0) {
            return List.of();
        }
        int source = best;
        return candidates.stream()
                .filter(c -> c.source() == source
                        && c.order() >= 0
                        && !FIELD_LINE.matcher(c.sentence()).find()
                        && c.sentence().strip().length() > 8
                        && !HEADER_ROW.matcher(c.sentence()).matches())
                .sorted(Comparator.comparingInt(Candidate::order))
                .limit(LIST_LINES - 1)
                .toList();
    }

    /** The rarity weights of the clause's terms found among {@code terms}; names and figures count more. */
    private static double matched(
            List<Question.Term> clauseTerms, Set<String> terms, TermCounts counts, boolean namesCountMore) {
        double sum = 0;
        for (Question.Term term : clauseTerms) {
            if (term.forms().stream().anyMatch(terms::contains)) {
                double weight = weight(counts, term.forms());
                boolean name = term.kind() == Question.Kind.NAME || term.kind() == Question.Kind.NUMBER;
                sum += namesCountMore && name ? 1.5 * weight : weight;
            }
        }
        return sum;
    }

    /** The heading's terms, a compound's parts not counted again ("자격증" is one term, not 자격증, 자격 and 증). */
    private int words(String heading) {
        List<String> tokens = analyzer.tokens(heading).stream().distinct().toList();
        return (int) tokens.stream()
                .filter(t -> tokens.stream().noneMatch(other -> other.length() > t.length() && other.contains(t)))
                .count();
    }

    private static String lastHeading(Hit hit) {
        return hit.section().substring(hit.section().lastIndexOf('>') + 1).strip();
    }

    /** The heading above the last, if the section has three levels or more ("경력 > [회사] 기간 > 팀 / 직책"). */
    private static String parentHeading(Hit hit) {
        String[] path = hit.section().split("\\s*>\\s*");
        return path.length >= 3 ? path[path.length - 2].strip() : "";
    }

    /** A section of jobs, by its first heading. */
    private static final Pattern JOBS_SECTION =
            Pattern.compile("(?i)\\s*(?:경력|경험|직장|근무|이력|experience|employment|work|career|professional)");

    /** A chunk's lines in order, without table header rows ("기간 | 학교명 | 전공"). */
    private static List<Candidate> firstLines(List<Candidate> candidates, int source, int limit) {
        return candidates.stream()
                .filter(c -> c.source() == source
                        && c.order() >= 0
                        && !HEADER_ROW.matcher(c.sentence()).matches())
                .sorted(Comparator.comparingInt(Candidate::order))
                .limit(limit)
                .toList();
    }

    /** Rarer terms say more about which sentence answers: inverse chunk frequency within the candidate. */
    private static double weight(TermCounts counts, Set<String> forms) {
        return Math.log((counts.chunks() + 1.0) / (counts.of(forms) + 0.5));
    }

    /** "한빛페이: 결제 API를 …": the sentence with the heading it sits under, unless it says it already. */
    private static String withHeading(Hit hit, String sentence) {
        String heading = lastHeading(hit);
        String parent = parentHeading(hit);
        if (AnswerShape.PERIOD.givenIn(parent) && !AnswerShape.PERIOD.givenIn(heading)) {
            // "[제이스카이(주)] 2016년 2월 ~ 2019년 8월 > 운항관리팀 / 운항관리사": the job's heading says whose team it is
            heading = parent + " " + heading;
        }
        String quote = sentence.replaceFirst("^[-*•·]\\s*", "");
        return heading.isEmpty() || quote.contains(heading) ? quote : heading + ": " + quote;
    }
}
