package dev.protostar.worker.ground;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The candidate's jobs in time, read from their documents' sections: a section under an experience heading
 * ("경력", "Work Experience") whose heading or first lines give a period ("2021.03 – 현재", "Mar 2019 – Feb
 * 2021"), or each dated row of an experience table. What "the most recent company", "이전 직장" and "the
 * company before that" refer to is found here, not looked up as words.
 */
final class Timeline {

    /** A job: what to call it (the employer, as the document writes it), its section, and its period in months. */
    /**
     * @param said the words the job was read from (its heading, or its title line and dated row): what the documents
     *     say the role there was
     * @param body the lines the documents write about the job: its section, or the lines from its row to the next
     */
    record Stint(String label, String section, int start, int end, String said, String body) {}

    /** A section of the documents: its heading path and its text. */
    record Section(String path, String text) {}

    private static final int PRESENT = 9999 * 12;

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12));

    private static final String DATE =
            "(?:(?:(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+|(?<!\\d)\\d{1,2}\\s*/\\s*)?(?:19|20)\\d{2}(?:\\s*[./-]\\s*\\d{1,2}|\\s*년\\s*\\d{1,2}\\s*월|\\s*년)?)";

    private static final String NOW = "(?i:현재|재직\\s*중|재직|근무\\s*중|진행\\s*중|present|now|current|today|date)";

    /** A period: a date, a dash or tilde, and a date or "now". */
    private static final Pattern PERIOD =
            Pattern.compile("(" + DATE + ")\\s*(?:[~～–—-]|\\bto\\b|부터)\\s*(" + DATE + "|" + NOW + ")");

    private static final Pattern EXPERIENCE =
            Pattern.compile("(?i)경력|경험|직장|근무|이력|experience|employment|work|career|professional|positions?");

    private static final Pattern NOT_A_JOB =
            Pattern.compile("(?i)학력|교육|학교(?!\\s*병원)|대학(?!교?\\s*병원)|프로젝트(?!\\s*(?:매니저|리더|관리자|PM))|수상|자격|어학|활동"
                    + "|education|school|universit(?!y\\s+(?:hospital|medical))"
                    // "Project Developer | Prairie Sun Energy" is a job, "Projects" a section of other things
                    + "|project(?!\\s+(?:manager|developer|engineer|lead|director|coordinator|analyst|controller|officer))"
                    + "|award|certif|volunteer|talks?\\b|publication"
                    // a university hospital is an employer: "한빛대학교병원 / 병동 간호사"
                    // time between jobs is no job: "the previous employer" is the one before it
                    + "|career\\s+break|sabbatical|\\bgap\\b|공백|휴직|안식");

    /** Job titles: a heading's part that says the role, not the employer. */
    static final Pattern TITLE = Pattern.compile(
            "(?i)engineer|developer|manager|lead|head|director|intern|designer|scientist|analyst|architect|consultant|officer|specialist|researcher|vp\\b|cto|ceo|개발자|엔지니어|매니저|리드|팀장|파트장|인턴|디자이너|연구원|책임|선임|수석|사원|대리|과장|차장|부장|기획자");

    /** Posts that are no full-time job: "첫 정규직 회사" is the earliest job without one of these words. */
    private static final Pattern INTERNSHIP = Pattern.compile(
            "(?i)인턴|아르바이트|알바|계약직|\\bintern(?:ship)?\\b|\\bpart[ -]?time\\b|working student|werkstudent");

    /** A heading of the skills a person lists as such ("기술 스택", "Skills", "Technical skills"). */
    private static final Pattern SKILLS_HEADING =
            Pattern.compile("(?i)skill|기술|스택|\\bstack\\b|\\btech|역량|toolbox|\\btools\\b");

    private final List<Stint> stints;
    private final String skills;

    private Timeline(List<Stint> stints, String skills) {
        this.stints = stints;
        this.skills = skills;
    }

    /** The heading of the candidate's skills section, if they have one. */
    Optional<String> skills() {
        return Optional.ofNullable(skills);
    }

    static Timeline of(List<Section> sections) {
        List<Stint> jobs = new ArrayList<>();
        for (Section section : sections) {
            String[] path = section.path().split("\\s*>\\s*");
            String heading = path[path.length - 1];
            String ancestors = String.join(" > ", java.util.Arrays.copyOf(path, Math.max(0, path.length - 1)));
            boolean underExperience = EXPERIENCE.matcher(ancestors).find()
                    && !NOT_A_JOB.matcher(ancestors).find();
            if (!underExperience && !EXPERIENCE.matcher(heading).find()) {
                continue;
            }
            if (NOT_A_JOB.matcher(heading).find()) {
                continue;
            }
            List<String> rows = datedRows(section.text());
            List<String> periods =
                    rows.stream().filter(Timeline::givesThePeriod).toList();
            if (!periods.isEmpty()) {
                // A job's period alone on its line or labelled ("03/2022 – present", "… 기간 : 2021.09 ~ 현재"): the
                // section's other dated lines are its projects ("CX-600 validation program (06/2023 – 02/2025): …"),
                // unless they run a job's title on into its period
                rows = rows.stream()
                        .filter(row -> givesThePeriod(row) || runsOnIntoThePeriod(row))
                        .toList();
            }
            Matcher inHeading = PERIOD.matcher(heading);
            Matcher inParent = path.length >= 3 ? PERIOD.matcher(path[path.length - 2]) : null;
            if (underExperience && inHeading.find()) {
                jobs.add(stint(heading, section.path(), inHeading, heading, section.text()));
            } else if (underExperience
                    && rows.isEmpty()
                    && inParent != null
                    && inParent.find()
                    && !NOT_A_JOB.matcher(path[path.length - 2]).find()) {
                // "[제이스카이(주)] 2016년 2월 ~ 2019년 8월" over "운항관리팀 / 운항관리사": the job's heading is the one above its
                // team and title
                String parent = path[path.length - 2];
                jobs.add(stint(parent, section.path(), inParent, parent + " " + heading, section.text()));
            } else if (rows.size() >= 2 || (rows.size() == 1 && !underExperience)) {
                // Jobs in the experience section itself: a table of them, one a row named by its first cell, or each
                // job's title line with its period alone on the next ("**Android Developer** · Rollfield Games") —
                // a single one too, where a scan's job heading was read as a line of text.
                Stint above = null;
                for (String row : rows) {
                    Matcher period = PERIOD.matcher(row);
                    period.find();
                    boolean dateOnly = dateOnly(row, period);
                    String named = dateOnly ? lineBefore(section.text(), row) : employer(row, period.group());
                    if (named.isEmpty()) {
                        named = heading; // the period on the section's first line, under the job's heading
                    }
                    if (NOT_A_JOB.matcher(named).find()) {
                        continue; // "Career break — Apr 2020 – Dec 2021"
                    }
                    Stint job = stint(
                            named,
                            section.path(),
                            period,
                            dateOnly ? named + " " + row : row,
                            bodyOf(section.text(), row, rows));
                    // "서진건설(주) (2016.01 ~ 2020.06)" then "여수 LNG 배관공사 현장 (2016.03 ~ 2018.10)": a posting of the job
                    // above
                    if (above != null && within(job, above)) {
                        continue;
                    }
                    jobs.add(job);
                    above = job;
                }
            } else if (underExperience && rows.size() == 1) {
                Matcher period = PERIOD.matcher(rows.getFirst());
                period.find();
                jobs.add(stint(heading, section.path(), period, heading + " " + rows.getFirst(), section.text()));
            }
        }
        // Latest first: by end, then by start (two current jobs: the one begun later).
        jobs.sort(Comparator.comparingInt(Stint::end)
                .thenComparingInt(Stint::start)
                .reversed());
        // One job told twice (a summary's row and its own section) has one period: keep its shortest name.
        List<Stint> distinct = new ArrayList<>();
        for (Stint job : jobs) {
            int same = -1;
            for (int d = 0; d < distinct.size(); d++) {
                if (distinct.get(d).start() == job.start() && distinct.get(d).end() == job.end()) {
                    same = d;
                }
            }
            if (same < 0) {
                distinct.add(job);
            } else if (job.label().length() < distinct.get(same).label().length()) {
                distinct.set(same, job);
            }
        }
        // "한빛대학교병원" beside "한빛대학교병원 임상시험센터": the shorter name alone would point at both, so it is told
        // by its whole line.
        for (int d = 0; d < distinct.size(); d++) {
            Stint job = distinct.get(d);
            boolean ambiguous = distinct.stream()
                    .anyMatch(other -> other.label().length() > job.label().length()
                            && other.label().startsWith(job.label()));
            if (ambiguous) {
                // as the documents write it, so that it is found as a phrase: "한빛대학교병원 / 소화기내과 병동 간호사"
                String whole = LABEL_AT_END
                        .matcher(PERIOD.matcher(job.said()).replaceAll(" "))
                        .replaceFirst("")
                        .replaceAll("[\\s:：|(]*$", "")
                        .replaceAll("\\s+", " ")
                        .strip();
                if (whole.startsWith(job.label())
                        && whole.length() > job.label().length()) {
                    distinct.set(d, new Stint(whole, job.section(), job.start(), job.end(), job.said(), job.body()));
                }
            }
        }
        String skills = sections.stream()
                .map(s -> s.path().substring(s.path().lastIndexOf('>') + 1).strip())
                .filter(h -> SKILLS_HEADING.matcher(h).find()
                        && h.length() <= 30
                        && !PERIOD.matcher(h).find())
                .findFirst()
                .orElse(null);
        return new Timeline(List.copyOf(distinct), skills);
    }

    /** Jobs, the latest first. */
    List<Stint> jobs() {
        return stints;
    }

    Optional<Stint> latest() {
        return stints.stream().findFirst();
    }

    Optional<Stint> first() {
        return stints.isEmpty() ? Optional.empty() : Optional.of(stints.getLast());
    }

    /** The earliest job that was no internship or part-time post: "첫 정규직 회사". */
    Optional<Stint> firstFullTime() {
        for (int i = stints.size() - 1; i >= 0; i--) {
            if (!INTERNSHIP.matcher(stints.get(i).said()).find()) {
                return Optional.of(stints.get(i));
            }
        }
        return first();
    }

    /** The internships and part-time posts, as the documents write them ("Game Design Intern — Pixelharbor"). */
    List<Stint> internships() {
        return stints.stream()
                .filter(job -> INTERNSHIP.matcher(job.said()).find())
                .toList();
    }

    /**
     * The job a text names: by its employer as the documents write it, or by the employer's first word alone
     * ("Lumen" for "Lumen Mobility", "카카오" for "카카오페이" is not: a whole word only).
     */
    Optional<Stint> named(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        // the one named first ("바람손해보험 | … 5명 소속" before a line of the current job); of two named at one place,
        // the longer name ("한빛대학교병원 임상시험센터", not "한빛대학교병원")
        Optional<Stint> whole = firstNamed(job -> lower.indexOf(job.label().toLowerCase(Locale.ROOT)));
        if (whole.isPresent()) {
            return whole;
        }
        return firstNamed(job -> {
            String word = job.label().toLowerCase(Locale.ROOT).split("\\s+")[0];
            boolean distinctive = word.matches("[a-z][a-z0-9&.-]{3,}") || word.matches("[가-힣]{2,}");
            Matcher m = Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(word) + "(?![a-z\\d])")
                    .matcher(lower);
            return distinctive && m.find() ? m.start() : -1;
        });
    }

    /** The job found earliest in a text ({@code at}: where, or -1); at one place, the one with the longer name. */
    private Optional<Stint> firstNamed(java.util.function.ToIntFunction<Stint> at) {
        return stints.stream()
                .filter(job -> at.applyAsInt(job) >= 0)
                .min(Comparator.comparingInt(at)
                        .thenComparing(job -> -job.label().length()));
    }

    /** How long a job lasted, in months ({@code now} for one still held). */
    static int months(Stint job, int now) {
        return Math.min(job.end(), now) - job.start() + 1;
    }

    /** The job before the latest ("이전 직장", "previous company"). */
    Optional<Stint> previous() {
        return stints.size() < 2 ? Optional.empty() : Optional.of(stints.get(1));
    }

    /**
     * The job a text quotes a line of ("Lead a development team of 7 …", an answer that named no employer): what an
     * answer was about.
     */
    Optional<Stint> quoted(String text) {
        // the one quoted first: an answer leads with what it was asked
        return firstNamed(job -> job.body()
                .lines()
                .map(String::strip)
                .filter(line -> line.length() >= 20)
                .mapToInt(text::indexOf)
                .filter(at -> at >= 0)
                .min()
                .orElse(-1));
    }

    /** The job before the one this text names ("the company before that", after a turn about it). */
    Optional<Stint> before(String text) {
        return named(text)
                .map(stints::indexOf)
                .filter(i -> i < stints.size() - 1)
                .map(i -> stints.get(i + 1));
    }

    /** A table cell labelled by its header ("회사: 푸른식품 주식회사", "Employer: Stripe"). */
    private static final Pattern LABELLED_CELL = Pattern.compile("^([^:]{1,20}):\\s*(.+)$");

    /** The header labels of a table's employer column. */
    private static final Pattern EMPLOYER_LABEL =
            Pattern.compile("(?i)회사|직장|근무처|소속|기관|company|employer|organi[sz]ation|firm");

    /**
     * The employer a dated table row names: the cell its header calls the company, or else the first cell that
     * holds more than the period and its label ("기간: 2020.09 – 현재 | 회사: 푸른식품" → 푸른식품, not "기간:") and is
     * not a job title.
     */
    private static String employer(String row, String period) {
        String[] cells = row.split("\\s*\\|\\s*");
        for (String cell : cells) {
            Matcher labelled = LABELLED_CELL.matcher(cell.strip());
            if (labelled.matches() && EMPLOYER_LABEL.matcher(labelled.group(1)).find()) {
                return labelled.group(2);
            }
        }
        List<String> values = new ArrayList<>();
        for (String cell : cells) {
            Matcher labelled = LABELLED_CELL.matcher(cell.strip());
            String value = (labelled.matches() ? labelled.group(2) : cell).replace(period, " ");
            if (value.chars().anyMatch(Character::isLetter)) {
                values.add(value);
            }
        }
        // "Senior Project Developer | Mesa Crest Renewables | Mar 2021 – Present": the cell that is not the title
        return values.stream()
                .filter(v -> !TITLE.matcher(v).find())
                .findFirst()
                .orElse(values.isEmpty() ? cells[0] : values.getFirst());
    }

    /** Whether a period lies inside another, and is not the same. */
    private static boolean within(Stint inner, Stint outer) {
        return outer.start() <= inner.start()
                && inner.end() <= outer.end()
                && (outer.start() < inner.start() || inner.end() < outer.end());
    }

    /** The label a job's period goes by ("기간 : 2021.09 ~ 현재", "Dates: 2019 – 2021"). */
    private static final Pattern PERIOD_LABEL =
            Pattern.compile("(?i)(?:근무|재직|재임)?\\s*기간|\\bperiod\\b|\\bdates?\\b|\\bduration\\b|\\btenure\\b");

    /** A period's label ending the text before it, with what separates them: "… / 선임 기간 : ". */
    private static final Pattern LABEL_AT_END = Pattern.compile("(?:" + PERIOD_LABEL.pattern() + ")[\\s*_:：|]*$");

    /** A line that is a period alone, or a period under its label. */
    private static boolean dateOnly(String row, Matcher period) {
        return PERIOD_LABEL
                .matcher(row.substring(0, period.start()) + " " + afterThePlace(row, period))
                .replaceFirst("")
                .replaceAll("[|\\s*_–:：-]", "")
                .isEmpty();
    }

    private static final Pattern PLACE_AFTER = Pattern.compile(
            "^\\s*[·•|]\\s*\\p{L}[\\p{L}.'’-]*(?:[\\s,]+\\p{L}[\\p{L}.'’-]*){0,3}\\s*(?:\\([^)]{1,20}\\))?\\s*$");

    /**
     * What follows a period past the place written after it, which is no name of the job: "Aug 2021 – present ·
     * Aarhus", "Feb 2016 – Jul 2021 · Hamburg, Germany".
     */
    private static String afterThePlace(String row, Matcher period) {
        return PLACE_AFTER.matcher(row.substring(period.end())).replaceFirst("");
    }

    /** A dated line that gives a job's period: the period alone, or labelled as one ("… / 선임 기간 : 2021.09 ~ 현재"). */
    private static boolean givesThePeriod(String row) {
        Matcher period = PERIOD.matcher(row);
        if (!period.find()) {
            return false;
        }
        return LABEL_AT_END.matcher(row.substring(0, period.start())).find() || dateOnly(row, period);
    }

    /** Beside such lines, a title line run on into its period is a job's too. */
    private static boolean runsOnIntoThePeriod(String row) {
        Matcher period = PERIOD.matcher(row);
        return period.find() && endsTheLine(row, period);
    }

    /**
     * A title line run on into its period ("… Senior Planner from 2018 Feb 2016 – Jul 2021 · Hamburg, Germany"): the
     * period, or its place, ends the line, outside brackets ("Raised on-time delivery … (2021 to 2024)" is no job's).
     */
    private static boolean endsTheLine(String row, Matcher period) {
        String rest = afterThePlace(row, period);
        return (rest.isBlank()
                        || rest.matches("\\s+[-–•]\\s.*")) // or the job's first line run on: "… May 2021 - Led a team"
                && !row.substring(0, period.start()).strip().endsWith("(");
    }

    /** The non-empty line before {@code line} in {@code text}: a job's title line above its period. */
    private static String lineBefore(String text, String line) {
        String before = "";
        for (String l : text.split("\\R")) {
            if (l.strip().equals(line)) {
                return before;
            }
            if (!l.isBlank()) {
                before = l.strip();
            }
        }
        return before;
    }

    /**
     * Lines that date a job: a table row, or a short line with a period ("Remote · June 2021 – present"). An
     * achievement that happens to hold one ("- grew the team from 3 to 7 engineers in 2022–2023", "Kept the gateway at
     * 99.95% availability across 2019–2020.") is a sentence.
     */
    private static final Pattern IN_A_SENTENCE =
            Pattern.compile("(?i)\\b(?:in|during|from|between|over|through|throughout|across|for|until|by)\\s*$");

    private static List<String> datedRows(String text) {
        List<String> rows = new ArrayList<>();
        for (String line : text.split("\\R")) {
            Matcher period = PERIOD.matcher(line);
            if (!period.find()) {
                continue;
            }
            // What comes after the period may be the job's first line run on ("… present - Led the …").
            String before = line.substring(0, period.start()).strip();
            if (line.contains("|")
                    || (!IN_A_SENTENCE.matcher(before).find()
                            && (before.isEmpty() || before.split("\\s+").length <= 14))) {
                rows.add(line.strip());
            }
        }
        return rows;
    }

    private static Stint stint(String labelFrom, String section, Matcher period, String said, String body) {
        int start = month(period.group(1), false);
        int end = period.group(2).matches(NOW) ? PRESENT : month(period.group(2), true);
        return new Stint(label(labelFrom.replace(period.group(), " ")), section, start, end, said, body);
    }

    /** The lines of a section from a job's row up to the next job's row. */
    private static String bodyOf(String text, String row, List<String> rows) {
        StringBuilder body = new StringBuilder();
        boolean in = false;
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.equals(row)) {
                in = true;
            } else if (in && rows.contains(l)) {
                break;
            }
            if (in) {
                body.append(l).append('\n');
            }
        }
        return body.toString();
    }

    /** "카카오 | SRE 파트 리드" → 카카오; "Senior Engineer, Stripe" → Stripe: the first part that is not a title. */
    static String label(String heading) {
        String cleaned = heading.replaceAll(
                        "\\(주\\)|㈜|주식회사\\s*|\\s+A/S\\b", "") // "Nordhavn Freight A/S": no "/" of a title
                .replaceAll("\\([^)]*\\)", " ") // "(2019.03 ~ 2021.02)", "(promoted from Technician, 2017)"
                .replaceAll("[*_#`]", " ")
                .replaceAll("^\\s*\\d+[.)]\\s+", "")
                .strip();
        List<String> parts = new ArrayList<>();
        for (String part : cleaned.split("\\s*(?:[|,·•/@—–(\\[]|\\s-\\s|\\bat\\b)\\s*")) {
            String p = part.replaceAll("[)\\]]", "").strip();
            if (!p.isEmpty() && p.chars().anyMatch(Character::isLetter)) {
                parts.add(p);
            }
        }
        if (parts.isEmpty()) {
            return cleaned;
        }
        return parts.stream().filter(p -> !TITLE.matcher(p).find()).findFirst().orElse(parts.getFirst());
    }

    /** Months since year 0 of a date as written; a year alone is its start or, ending a period, its end. */
    private static int month(String date, boolean end) {
        Matcher year = Pattern.compile("(19|20)\\d{2}").matcher(date);
        if (!year.find()) {
            return 0;
        }
        int y = Integer.parseInt(year.group());
        String rest = date.substring(year.end());
        Matcher numeric = Pattern.compile("^\\s*(?:[./-]|년)\\s*(\\d{1,2})").matcher(rest);
        Integer m = numeric.find() ? Integer.valueOf(numeric.group(1)) : null;
        Matcher slashed = Pattern.compile("^\\s*(\\d{1,2})\\s*/").matcher(date);
        if (m == null && slashed.find()) {
            m = Integer.valueOf(slashed.group(1)); // "09/2018"
        }
        if (m == null) {
            Matcher named = Pattern.compile("(?i)^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
                    .matcher(date.strip());
            m = named.find() ? MONTHS.get(named.group(1).toLowerCase(Locale.ROOT)) : null;
        }
        return y * 12 + (m != null && m >= 1 && m <= 12 ? m : end ? 12 : 1);
    }
}
