package dev.protostar.worker.ground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencesTest {

    private static final Timeline JOBS = Timeline.of(List.of(
            new Timeline.Section("김지우 > 경력 > 카카오페이 | 백엔드 개발자 | 2021.03 ~ 현재", "- 정산 API 개발"),
            new Timeline.Section("김지우 > 경력 > 우아한형제들 | 서버 개발자 | 2018.01 ~ 2021.02", "- 주문 시스템"),
            new Timeline.Section("김지우 > 경력 > 네오위즈 (2016.03 – 2017.12)", "- 게임 서버"),
            new Timeline.Section("김지우 > 학력 > 한양대학교 (2010.03 – 2016.02)", "컴퓨터공학")));

    private static final PersonName KIM_JIWOO = PersonName.of("김지우", List.of("김지우 (Kim Ji-woo) 이력서"));

    @Test
    void the_candidate_is_understood_not_looked_up() {
        assertThat(resolve("이 지원자가 가장 잘하는 기술은?")).isEqualTo("가장 잘하는 기술은?");
        assertThat(resolve("후보자의 학력은?")).isEqualTo("학력은?");
        assertThat(resolve("What is the candidate's strongest skill?")).isEqualTo("What is strongest skill?");
        assertThat(resolve("그녀는 어디서 일했나요?")).isEqualTo("어디서 일했나요?");
        assertThat(resolve("그 회사에서 팀 규모는?"))
                .as("그 회사 is a follow-up, not the candidate")
                .isEqualTo("그 회사에서 팀 규모는?");
    }

    @Test
    void the_name_in_hangul_or_any_romanisation_is_the_candidate() {
        assertThat(resolve("Kim Ji-woo's education?")).isEqualTo("education?");
        assertThat(resolve("What did Jiwoo build?")).isEqualTo("What did build?");
        assertThat(resolve("Where did Ms. Kim study?")).isEqualTo("Where did study?");
        assertThat(resolve("김지우 님의 학력은?")).isEqualTo("학력은?");
        assertThat(resolve("김 지우 학력")).isEqualTo("학력");
        assertThat(resolve("지우씨 자격증 있어?")).isEqualTo("자격증 있어?");
        assertThat(resolve("What did Daniel build?")).as("another name stays").contains("Daniel");
    }

    @Test
    void a_name_recorded_only_in_romanisation_is_found_in_hangul_too() {
        PersonName seo = PersonName.of("Ha-eun Seo", List.of());
        assertThat(References.withoutCandidate("What did Haeun Seo lead?", seo)).isEqualTo("What did lead?");
        assertThat(References.withoutCandidate("Seo Ha-eun's degree", seo)).isEqualTo("degree");
        assertThat(References.withoutCandidate("하은 님 학위는?", seo)).isEqualTo("학위는?");
    }

    @Test
    void a_name_with_an_accent_is_one_word_and_the_same_name_without_it() {
        assertThat(References.withoutCandidate("What's Hayoung Seo's crash-free rate", PersonName.of("서하영", List.of())))
                .as("영 written 'young'")
                .isEqualTo("What's crash-free rate");
        PersonName chiara = PersonName.of("Chiara Ferrante", List.of());
        assertThat(References.withoutCandidate("what languages does Kiara speak", chiara))
                .as("a name misheard by one sound is still the name")
                .isEqualTo("what languages does speak");
        assertThat(References.withoutCandidate("did she use Figma", chiara)).isEqualTo("did she use Figma");
        PersonName lucia = PersonName.of("Lucía Moreno", List.of());
        assertThat(References.withoutCandidate("where's Lucia working", lucia)).isEqualTo("where's working");
        assertThat(References.withoutCandidate("what did Lucía Moreno ship?", lucia))
                .isEqualTo("what did ship?");
    }

    @Test
    void a_job_named_by_its_time_becomes_its_employer() {
        assertThat(resolve("최근 회사에서 무엇을 했나요?")).isEqualTo("카카오페이에서 무엇을 했나요?");
        assertThat(resolve("이 지원자가 마지막 회사에서 맡은 업무는?")).isEqualTo("카카오페이에서 맡은 업무는?");
        assertThat(resolve("지금 다니는 회사는 어디야?")).isEqualTo("카카오페이는 어디야?");
        assertThat(resolve("이전 직장에서 팀 규모는?")).isEqualTo("우아한형제들에서 팀 규모는?");
        assertThat(resolve("What did he do at his previous company?")).isEqualTo("What did he do at 우아한형제들?");
        assertThat(resolve("What is her current role?")).isEqualTo("What is 카카오페이 role?");
        assertThat(resolve("첫 직장은 어디였나요?")).isEqualTo("네오위즈은 어디였나요?");
        assertThat(resolve("사회생활 첫 시작은 어디서 했어요?")).isEqualTo("네오위즈은 어디서 했어요?");
    }

    @Test
    void the_company_before_that_is_the_one_before_the_job_talked_about() {
        assertThat(References.resolve(
                        "and the one before that",
                        KIM_JIWOO,
                        JOBS,
                        List.of("company before 카카오페이?", "우아한형제들 | 서버 개발자 | 2018.01 ~ 2021.02")))
                .as("after a question that named its job by time, 'that' is the job its answer named")
                .isEqualTo("and the one 『네오위즈』");
        assertThat(resolve("그 전 회사에서는 뭐 했어? 「우아한형제들」")).isEqualTo("『네오위즈』에서는 뭐 했어?");
        assertThat(resolve("And the company before that? 「카카오페이」")).isEqualTo("And 『우아한형제들』?");
        assertThat(resolve("what was her last job before 우아한형제들?")).isEqualTo("what was 네오위즈?");
        assertThat(resolve("카카오페이 전에 다닌 회사는?")).isEqualTo("우아한형제들는?");
        assertThat(resolve("카카오페이 이전에는 어느 회사에서 일했나요?")).isEqualTo("우아한형제들에서 일했나요?");
        assertThat(resolve("Where did he work before 카카오페이?")).isEqualTo("Where did he 우아한형제들?");
        assertThat(resolve("where was he before 카카오페이")).isEqualTo("우아한형제들");
        assertThat(resolve("지금 어느 회사에서 일해요?")).isEqualTo("카카오페이에서 일해요?");
    }

    @Test
    void a_job_the_timeline_cannot_tell_is_left_as_written() {
        Timeline none = Timeline.of(List.of());
        assertThat(References.resolve("이전 직장은?", KIM_JIWOO, none, List.of())).isEqualTo("이전 직장은?");
    }

    @Test
    void the_timeline_orders_jobs_and_reads_tables() {
        assertThat(JOBS.jobs()).extracting(Timeline.Stint::label).containsExactly("카카오페이", "우아한형제들", "네오위즈");
        Timeline table = Timeline.of(List.of(new Timeline.Section(
                "Kang > 경력 요약",
                "회사 | 기간 | 직무 | 팀 규모\n쿠팡 | 2019.04 – 2022.08 | 데이터 엔지니어 | 8명\n토스 | 2022.09 – 현재 | 리드 | 5명")));
        assertThat(table.jobs()).extracting(Timeline.Stint::label).containsExactly("토스", "쿠팡");
        // a table whose cells carry their header's label: the employer is the cell the header calls the company
        Timeline labelled = Timeline.of(
                List.of(
                        new Timeline.Section(
                                "정우진 > 경력 요약",
                                """
                기간: 2020.09 – 현재 | 회사: 푸른식품 주식회사 | 부서 / 직책: SCM기획팀 / 팀장 | 팀 규모: 8명
                기간: 2017.02 – 2020.08 | 회사: 세진일렉트로닉스 | 부서 / 직책: 글로벌공급계획팀 / 과장 | 팀 규모: 12명""")));
        assertThat(labelled.jobs()).extracting(Timeline.Stint::label).containsExactly("푸른식품", "세진일렉트로닉스");
        Timeline english = Timeline.of(List.of(
                new Timeline.Section("Nadia > Experience > Senior Engineer, Lumen (Mar 2021 – Present)", ""),
                new Timeline.Section("Nadia > Experience > Android Developer — Brightside (Jun 2017 – Feb 2021)", "")));
        assertThat(english.jobs()).extracting(Timeline.Stint::label).containsExactly("Lumen", "Brightside");
        Timeline titleLines = Timeline.of(
                List.of(
                        new Timeline.Section(
                                "Nadia > Work experience",
                                "**Senior Android Engineer** · Kiezbank, Berlin\nOctober 2021 – present\n- Led the migration\n"
                                        + "**Android Developer** · Rollfield Games, Helsinki\nMarch 2019 – September 2021\n- Worked on games")));
        assertThat(titleLines.jobs()).extracting(Timeline.Stint::label).containsExactly("Kiezbank", "Rollfield Games");
        assertThat(titleLines.skills()).isEmpty();
        Timeline summaryAndSections = Timeline.of(List.of(
                new Timeline.Section(
                        "이력서 > 경력 요약",
                        "무신사 커머스플랫폼팀 선임 백엔드 엔지니어 (2021.07 ~ 재직중)\n(주)스텔라랩스 개발팀 백엔드 개발자 (2019.01 ~ 2021.06)"),
                new Timeline.Section("이력서 > 경력 > 무신사 | 2021.07 ~ 재직중", "- 대기열 시스템"),
                new Timeline.Section("이력서 > 경력 > (주)스텔라랩스 | 2019.01 ~ 2021.06 (2년 6개월)", "- 예약")));
        assertThat(summaryAndSections.jobs())
                .as("a job in the summary and in its own section is one job")
                .extracting(Timeline.Stint::label)
                .containsExactly("무신사", "스텔라랩스");
    }

    @Test
    void a_dated_achievement_is_not_a_job_and_the_job_before_the_current_one_is_the_previous() {
        Timeline rachel = Timeline.of(List.of(new Timeline.Section(
                "Rachel Whitford > Experience",
                "Staff Site Reliability Engineer · Brightwater Health, Remote June 2021 – present\n"
                        + "- Hiring manager for the SRE team: grew it from 3 to 7 engineers in 2022–2023.\n"
                        // a PDF of pandoc's rendering runs the job's first line on after its period
                        + "Senior Site Reliability Engineer · Verdant Health, Remote January 2020 – May 2021 - Led a team of 7 SREs that owns"
                        + " reliability for roughly 40 patient-facing services\n"
                        + "Senior DevOps Engineer · Tally Logistics, Chicago (remote from Denver since 2020)"
                        + " February 2017 – May 2021\n- Wrote the runbooks")));
        assertThat(rachel.jobs())
                .extracting(Timeline.Stint::label)
                .containsExactly("Brightwater Health", "Verdant Health", "Tally Logistics");
        assertThat(References.resolve("Where did she work before her current company?", KIM_JIWOO, rachel, List.of()))
                .contains("Verdant Health");
    }

    @Test
    void a_job_is_found_under_its_dated_heading_and_by_its_period_with_a_place_after_it() {
        Timeline eunbi = Timeline.of(List.of(
                new Timeline.Section("경력사항 > [청운항공(주)] 2019년 9월 ~ 현재", "종합통제센터 운항통제팀 / 선임 운항관리사"),
                new Timeline.Section("경력사항 > [제이스카이(주)] 2016년 2월 ~ 2019년 8월 > 운항관리팀 / 운항관리사", "- 비행계획 작성 일 평균 35건"),
                new Timeline.Section("경력사항 > [에어블루 지상조업(주)] 2013년 3월 ~ 2016년 1월 > 김포지점 램프컨트롤 / 사원", "- 램프 조정")));
        assertThat(eunbi.jobs()).extracting(Timeline.Stint::label).containsExactly("청운항공", "제이스카이", "에어블루 지상조업");
        Timeline henrik = Timeline.of(
                List.of(
                        new Timeline.Section(
                                "EXPERIENCE > Nordhavn Freight A/S — Head of Network Planning",
                                """
                Aug 2021 – present · Aarhus
                • Raised on-time delivery from 91.2% to 96.5% (2021 to 2024)
                Kessler Home Appliances GmbH — Demand & Supply Planner, Senior Planner from 2018 Feb 2016 – Jul 2021 · Hamburg, Germany
                • Ran monthly S&OP for 2,400 SKUs""")));
        assertThat(henrik.jobs())
                .extracting(Timeline.Stint::label)
                .containsExactly("Nordhavn Freight", "Kessler Home Appliances GmbH");
        Timeline marcus = Timeline.of(
                List.of(
                        new Timeline.Section(
                                "Marcus Bell > Work History",
                                """
                Fernwood Logistics — Senior Software Engineer, Platform Mar 2021 – Present · Denver, CO (hybrid)
                Tech lead for the Shipment Tracking platform.
                Brightpath Health — Software Engineer II Jun 2017 – Feb 2021 · Boulder, CO
                Cobalt Ridge Games — Software Engineer Aug 2014 – May 2017 · Boulder, CO""")));
        assertThat(marcus.jobs())
                .extracting(Timeline.Stint::label)
                .containsExactly("Fernwood Logistics", "Brightpath Health", "Cobalt Ridge Games");
    }

    @Test
    void a_jobs_period_alone_or_labelled_makes_the_other_dated_lines_its_projects_and_postings() {
        Timeline rafael = Timeline.of(List.of(
                new Timeline.Section(
                        "RAFAEL QUINTERO > WORK EXPERIENCE > Senior Hardware Test Engineer — Corvane Systems, Austin, TX",
                        "03/2022 – present\nCX-600 validation program (06/2023 – 02/2025): 1,200 pilot units tested"),
                new Timeline.Section(
                        "RAFAEL QUINTERO > WORK EXPERIENCE > Test Engineer II — Brightline Medical Devices, Round Rock, TX",
                        "07/2018 – 02/2022"),
                new Timeline.Section(
                        "RAFAEL QUINTERO > WORK EXPERIENCE > Test Engineer I (promoted from Manufacturing Test Technician,"
                                + " 2017) — Pelham Electronics, San Antonio, TX",
                        "05/2015 – 06/2018")));
        assertThat(rafael.jobs())
                .extracting(Timeline.Stint::label)
                .containsExactly("Corvane Systems", "Brightline Medical Devices", "Pelham Electronics");
        Timeline haneul = Timeline.of(
                List.of(
                        new Timeline.Section(
                                "경력",
                                """
                메디브릿지CRO 주식회사 / 데이터관리팀 / 선임 임상데이터매니저 기간 : 2021.09 ~ 현재
                항암제 3상 임상시험 (MBC-ONC-301) : 2022.03 ~ 2024.02 국내 38개 기관
                한빛대학교병원 임상시험센터 / 연구간호사(CRC) 기간 : 2018.03 ~ 2021.08
                원내 SOP 개정 TF 참여 (2020.01 ~ 2020.06), SOP 8건 개정
                한빛대학교병원 / 소화기내과 병동 간호사 기간 : 2015.02 ~ 2018.02""")));
        assertThat(haneul.jobs())
                .as("a university hospital is an employer; a name inside another is told by its whole line")
                .extracting(Timeline.Stint::label)
                .containsExactly("메디브릿지CRO", "한빛대학교병원 임상시험센터", "한빛대학교병원 / 소화기내과 병동 간호사");
        Timeline jaehyuk = Timeline.of(
                List.of(
                        new Timeline.Section(
                                "경력 상세",
                                """
                서진건설(주) — 대리 → 과장 (2016.01 ~ 2020.06)
                여수 LNG 저장기지 배관공사 현장 (2016.03 ~ 2018.10)
                한결기공(주) — 사원 (2013.08 ~ 2015.12)""")));
        assertThat(jaehyuk.jobs()).extracting(Timeline.Stint::label).containsExactly("서진건설", "한결기공");
        assertThat(References.resolve("and before brightline", KIM_JIWOO, rafael, List.of()))
                .isEqualTo("Pelham Electronics");
        assertThat(References.resolve(
                        "prior to that?", KIM_JIWOO, rafael, List.of("rafael's current role?", "Corvane Systems …")))
                .isEqualTo("『Brightline Medical Devices』?");
        assertThat(References.resolve("and her first job after uni?", KIM_JIWOO, rafael, List.of()))
                .isEqualTo("and Pelham Electronics?");
        assertThat(References.resolve(
                        "그 전엔요? 「서진건설」", KIM_JIWOO, jaehyuk, List.of("직전 회사는 어디예요?", "대양엔지니어링(주) … 서진건설(주) — 대리 → 과장")))
                .as("what the memory carried comes before what the answer named")
                .isEqualTo("『한결기공』요?");
    }

    @Test
    void a_job_whose_heading_a_scan_read_as_text_is_still_a_job() {
        Timeline scanned = Timeline.of(List.of(
                new Timeline.Section(
                        "Experience",
                        "Brightwater Health — Staff Site Reliability Engineer Remote (Denver, CO) - June 2021 - present\n"
                                + "Lead a team of 7 SREs"),
                new Timeline.Section(
                        "Experience > Tally Logistics — Senior DevOps Engineer",
                        "Chicago, IL - February 2017 - May 2021")));
        assertThat(scanned.jobs())
                .extracting(Timeline.Stint::label)
                .containsExactly("Brightwater Health", "Tally Logistics");
    }

    @Test
    void a_rank_or_a_head_of_role_the_job_never_had_is_a_false_premise() {
        Premises premises = new Premises(
                java.time.Clock.fixed(java.time.Instant.parse("2026-12-06T00:00:00Z"), java.time.ZoneOffset.UTC));
        Timeline jobs = Timeline.of(List.of(
                new Timeline.Section("경력 > 서진건설(주) | 플랜트시공팀 / 대리 → 과장 | 2016.01 ~ 2020.06", "- 배관 시공관리"),
                new Timeline.Section(
                        "Experience > Senior Quantitative Risk Analyst — Halvard Capital Partners, London",
                        "Mar 2021 – present\nReport to the Head of Market Risk.")));
        assertThat(premises.contradicted(jobs, "서진건설에서 부장까지 했죠?")).contains("부장");
        assertThat(premises.contradicted(jobs, "서진건설에서 과장까지 했죠?")).isEmpty();
        assertThat(premises.contradicted(jobs, "so she's head of market risk at halvard?"))
                .contains("head of market risk");
    }

    @Test
    void a_start_date_or_a_length_the_documents_contradict_is_a_false_premise() {
        Premises premises = new Premises(
                java.time.Clock.fixed(java.time.Instant.parse("2026-12-06T00:00:00Z"), java.time.ZoneOffset.UTC));
        assertThat(premises.contradicted(JOBS, "She's been at 카카오페이 since 2018, right?"))
                .contains("since 2018");
        assertThat(premises.contradicted(JOBS, "카카오페이에 2021년부터 다녔죠?")).isEmpty();
        assertThat(premises.contradicted(JOBS, "Which certificate did she get in 2018?"))
                .isEmpty();
        assertThat(premises.contradicted(JOBS, "우아한형제들에서 5년 일했던데 뭐 했어요?"))
                .as("2018.01 ~ 2021.02 is three years and two months")
                .contains("5년 일했");
        assertThat(premises.contradicted(JOBS, "우아한형제들에서 3년 일했던데 뭐 했어요?")).isEmpty();
        assertThat(premises.contradicted(JOBS, "She spent six years at Neowiz?"))
                .as("not a job the documents have under that name: nothing to contradict")
                .isEmpty();
        Timeline lumen = Timeline.of(List.of(new Timeline.Section(
                "Baek > Experience",
                "Lumen Mobility — Singapore | Jan 2022 – present\nSori Labs — Seoul | Apr 2018 – Dec 2021")));
        assertThat(premises.contradicted(lumen, "He's been at Lumen since 2019 right? what has he done there"))
                .as("the employer by its first word")
                .contains("since 2019");
        assertThat(premises.contradicted(lumen, "He's been at Lumen since 2022, right?"))
                .isEmpty();
        assertThat(premises.contradicted(JOBS, "카카오페이에서 ML 엔지니어로 있으면서 어떤 모델 만들었어?"))
                .as("its title line says 백엔드 개발자")
                .contains("ML 엔지니어");
        assertThat(premises.contradicted(JOBS, "카카오페이에서 백엔드 개발자로 일하면서 뭐 했어?")).isEmpty();
        Timeline fernweh = Timeline.of(List.of(new Timeline.Section(
                "Tobias > Experience > Senior Data Engineer — Fernweh Mobility GmbH, Berlin (Mar 2021 – Present)",
                "- Lead a team")));
        assertThat(premises.contradicted(fernweh, "he was head of data at fernweh right? who did he report to"))
                .contains("head of data");
        assertThat(premises.contradicted(fernweh, "was he a data engineer at Fernweh?"))
                .isEmpty();
        Timeline corvid = Timeline.of(List.of(new Timeline.Section(
                "Ingrid > Work Experience > Corvid Freight — Product Manager", "Apr 2019 – Dec 2021, Amsterdam")));
        assertThat(premises.contradicted(corvid, "Ingrid was at Corvid Freight for 5 yrs right? what did she ship"))
                .as("two years and eight months, in chat shorthand")
                .contains("at Corvid Freight for 5 yrs");
        assertThat(premises.contradicted(corvid, "she was at Corvid Freight for 3 yrs right?"))
                .isEmpty();
        Timeline dalbit = Timeline.of(List.of(
                new Timeline.Section("한지윤 > 경력 상세 > [(주)달빛페이] 2021.09 ~ 현재 / Android 파트 리드", "- 크래시 프리 비율 개선")));
        assertThat(premises.contradicted(dalbit, "달빛페이에서 iOS 파트 리드였다던데 몇 명 관리했어요?"))
                .contains("iOS 파트 리드");
        assertThat(premises.contradicted(dalbit, "달빛페이에서 Android 파트 리드였다던데 몇 명 관리했어요?"))
                .isEmpty();
        assertThat(premises.contradicted(dalbit, "달빛페이에서 팀장으로 5명 이끌었다며, 관리 스타일은?"))
                .contains("팀장");
        Timeline slashed = Timeline.of(
                List.of(
                        new Timeline.Section(
                                "Chiara > Experience at a glance",
                                "Volta Mobility | Senior Product Designer | 05/2021 – present\nOlivetti Digital Lab | Design Intern | 03/2015 – 09/2015")));
        assertThat(slashed.jobs())
                .as("months written 05/2021")
                .extracting(Timeline.Stint::label, Timeline.Stint::start)
                .containsExactly(tuple("Volta Mobility", 2021 * 12 + 5), tuple("Olivetti Digital Lab", 2015 * 12 + 3));
    }

    @Test
    void the_first_full_time_job_is_the_earliest_that_was_no_internship() {
        Timeline yu = Timeline.of(List.of(new Timeline.Section(
                "유승민 > 경력",
                "블루하운드게임즈 | 클라이언트팀 리드 | 2022.04 ~ 현재\n(주)픽셀나루 | 주니어 클라이언트 개발자 | 2017.01 ~ 2019.06\n"
                        + "넷포지 | 클라이언트 개발 인턴 | 2016.07 ~ 2016.12")));
        PersonName name = PersonName.of("유승민", List.of());
        assertThat(References.resolve("후보자 첫 정규직 회사가 어디예요?", name, yu, List.of()))
                .contains("픽셀나루");
        assertThat(References.resolve("첫 회사 어디야?", name, yu, List.of())).contains("넷포지");
    }

    @Test
    void an_achievement_dated_in_a_sentence_is_no_job_of_its_own() {
        Timeline declan = Timeline.of(List.of(
                new Timeline.Section(
                        "Declan > Experience > Tallowmere Systems — Staff Security Engineer",
                        "Mar 2021 – Present · Manchester (hybrid)\nLead the cloud security group."),
                new Timeline.Section(
                        "Declan > Experience > Brackenfield Bank — Cloud Infrastructure Engineer",
                        "Aug 2017 – Feb 2021 · Leeds\nMember of a 7-person platform team.\n"
                                + "Kept the payments gateway at 99.95% availability across 2019–2020."),
                new Timeline.Section(
                        "Declan > Experience > Orrin Telecom — Systems & Network Administrator",
                        "Jun 2014 – Jul 2017 · Sheffield\nAdministered 380 Linux servers")));
        assertThat(declan.jobs())
                .extracting(Timeline.Stint::label)
                .containsExactly("Tallowmere Systems", "Brackenfield Bank", "Orrin Telecom");
        assertThat(References.resolve(
                        "what was his job before the current one?",
                        PersonName.of("Declan Whitcombe", List.of()),
                        declan,
                        List.of()))
                .contains("Brackenfield Bank");
    }

    @Test
    void the_languages_someone_works_in_are_asked_in_many_ways() {
        Timeline withSkills = Timeline.of(List.of(
                new Timeline.Section("한지원 > 경력 > 한빛커머스 | 2021.03 ~ 현재", "- 주문 API"),
                new Timeline.Section("한지원 > 기술 스택", "- **Language**: Java 17, Kotlin, Go")));
        PersonName han = PersonName.of("한지원", List.of());
        assertThat(References.resolve("이 사람 뭐 쓰는 사람이야 언어 기준으로", han, withSkills, List.of()))
                .endsWith("기술 스택");
        assertThat(References.resolve("언어는 주로 뭐 써?", han, withSkills, List.of()))
                .endsWith("기술 스택");
        assertThat(References.resolve("영어 말고 할 줄 아는 언어 있어?", han, withSkills, List.of()))
                .as("languages spoken are not the stack")
                .doesNotContain("기술 스택");
    }

    private static final Timeline OWEN = Timeline.of(
            List.of(
                    new Timeline.Section(
                            "Owen Whitaker > Experience",
                            """
            Senior Project Developer | Mesa Crest Renewables | Mar 2021 – Present Denver, CO
            Lead a development team of 7 (2 project developers, 3 land agents, 1 GIS analyst)
            Project Developer | Prairie Sun Energy | Jun 2017 – Feb 2021 Boulder, CO — solar developer
            Developed a 420 MW portfolio of community and utility-scale solar in Colorado and New Mexico
            Development Analyst (Contract) | Northwind Advisory Group | Sep 2015 – May 2017 Cheyenne, WY""")));

    private static final PersonName OWEN_NAME = PersonName.of("Owen R. Whitaker", List.of());

    @Test
    void a_project_title_is_a_job_and_a_rows_employer_is_its_cell_that_is_no_title() {
        assertThat(OWEN.jobs())
                .as("'Project Developer' is a title, not a project")
                .extracting(Timeline.Stint::label)
                .containsExactly("Mesa Crest Renewables", "Prairie Sun Energy", "Northwind Advisory Group");
        assertThat(References.resolve("what did he do before Mesa Crest?", OWEN_NAME, OWEN, List.of()))
                .contains("Prairie Sun Energy");
    }

    @Test
    void when_a_job_began_is_asked_of_the_job_the_last_answer_quoted() {
        assertThat(References.resolve(
                        "and since when?",
                        OWEN_NAME,
                        OWEN,
                        List.of(
                                "how big is his team there?",
                                "- Experience: Lead a development team of 7 (2 project developers, 3 land agents, 1 GIS"
                                        + " analyst) [1]")))
                .as("the answer named no employer, but quoted a line of one job")
                .isEqualTo("and since when Mesa Crest Renewables?");
        assertThat(References.resolve(
                        "how long was he there?",
                        OWEN_NAME,
                        OWEN,
                        List.of(
                                "what did he do before Mesa Crest?",
                                "- Experience: Project Developer | Prairie Sun Energy | Jun 2017 – Feb 2021 [1]")))
                .as("the question named a job only to point at another: the answer's job")
                .isEqualTo("how long was he there Prairie Sun Energy?");
        assertThat(References.resolve(
                        "거기 입사는 언제 했나요", KIM_JIWOO, JOBS, List.of("팀원 몇 명이에요?", "- 카카오페이 | 백엔드 개발자: 팀원 5명")))
                .endsWith("카카오페이");
    }

    @Test
    void an_internship_is_asked_of_the_posts_that_were_one() {
        Timeline meera = Timeline.of(List.of(
                new Timeline.Section(
                        "Meera > Professional Experience > Lead Economy Designer — Lumenfall Studios, Montréal",
                        "January 2022 – Present"),
                new Timeline.Section(
                        "Meera > Professional Experience > Game Design Intern — Pixelharbor Interactive, Vancouver",
                        "May 2017 – August 2017")));
        assertThat(References.resolve(
                        "did she do any internship?", PersonName.of("Meera Kulkarni", List.of()), meera, List.of()))
                .isEqualTo("did she do any intern Pixelharbor Interactive?");
    }

    @Test
    void a_silent_h_after_a_vowel_is_the_same_name() {
        PersonName yoon = PersonName.of("윤태오", List.of());
        assertThat(References.withoutCandidate("How many patents has Yoon Taeoh filed?", yoon))
                .isEqualTo("How many patents has filed?");
        assertThat(References.withoutCandidate("what's Noh Haeun's TOEIC score?", PersonName.of("노하은", List.of())))
                .isEqualTo("what's TOEIC score?");
    }

    private static String resolve(String question) {
        return References.resolve(question, KIM_JIWOO, JOBS, List.of());
    }
}
