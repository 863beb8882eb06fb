package vn.khuyenhoc.cdht.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.NotFoundException;
import vn.khuyenhoc.cdht.shared.SystemActor;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;
import vn.khuyenhoc.cdht.support.SecondNode;

/** The read API the assessment module uses, on the seeded QĐ 324 set and on a set built here (years 2095 on). */
class CriteriaCatalogTest extends PostgresIntegrationTest {

    private static final List<String> SEEDED_GROUPS = SmallSets.SEEDED_GROUPS;

    @Autowired
    private CriteriaCatalog catalog;

    @Autowired
    private CriteriaAdministration administration;


    @Autowired

    private CriteriaPublishing publishing;

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    @Autowired
    private Environment environment;

    /**
     * Several nodes: node B caches the set in force, node A retires it and publishes another for the year (one
     * published set per year, so retire first); a request node B was already serving keeps its answer, its next
     * request reads the catalogue version, drops its cache and uses (and scores with) the new set.
     */
    @Test
    void a_set_published_through_one_node_is_used_by_another_from_its_next_request() {
        long first = SmallSets.build(administration, jdbc, "TEST-NODES-1", 2089, 2089);
        publishing.publish(SystemActor.INSTANCE, first, null, null);
        try (SecondNode nodeB = SecondNode.startLike(environment, Map.of())) {
            CriteriaCatalog catalogB = nodeB.bean(CriteriaCatalog.class);
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
            long second;
            try {
                assertThat(catalogB.inForce(2089)).map(CriteriaSetSummary::id).contains(first);

                publishing.retire(SystemActor.INSTANCE, first, "test");
                second = SmallSets.build(administration, jdbc, "TEST-NODES-2", 2089, 2089);
                publishing.publish(SystemActor.INSTANCE, second, null, null);

                assertThat(catalogB.inForce(2089)).as("within the request already under way")
                        .map(CriteriaSetSummary::id).contains(first);
            } finally {
                RequestContextHolder.resetRequestAttributes();
            }
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
            try {
                assertThat(catalogB.inForce(2089)).as("the next request").map(CriteriaSetSummary::id)
                        .contains(second);
                assertThat(catalogB.score(second, "FARMER", Map.of("K1", 5), Channel.STAFF_PROXY).passed()).isTrue();
                assertThat(catalogB.definition(first).status()).isEqualTo(CriteriaStatus.RETIRED);
            } finally {
                RequestContextHolder.resetRequestAttributes();
            }
        }
    }

    @Test
    void the_seed_is_qd_324_exactly() {
        CriteriaDefinition qd324 = catalog.definition(qd324v1());
        assertThat(qd324.code()).isEqualTo("QD324-KHVN");
        assertThat(qd324.versionNumber()).isEqualTo(1);
        assertThat(qd324.status()).isEqualTo(CriteriaStatus.PUBLISHED);
        assertThat(qd324.yearFrom()).isEqualTo(2022);
        assertThat(qd324.yearTo()).isEqualTo(2030);
        assertThat(qd324.totalPoints()).isEqualTo(100);
        assertThat(qd324.maxTotal()).isEqualTo(100);
        assertThat(qd324.rules()).isEqualTo(new ScoringRules(80, 5, "5", 5, 8, true));
        assertThat(qd324.competencies()).extracting(CompetencyDefinition::name).containsExactly(
                "Tự học và học tập suốt đời", "Sử dụng các công cụ tương tác",
                "Xây dựng và thực hiện các mối quan hệ xã hội");
        assertThat(qd324.competencies()).extracting(CompetencyDefinition::minPoints).containsOnlyNulls();
        assertThat(qd324.indicators()).extracting(IndicatorDefinition::code)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(qd324.indicators()).extracting(IndicatorDefinition::competencyCode)
                .containsExactly("1", "1", "1", "1", "2", "2", "2", "2", "3", "3");
        assertThat(qd324.indicators()).allSatisfy(i -> {
            assertThat(i.minPoints()).isZero();
            assertThat(i.maxPoints()).isEqualTo(10);
            assertThat(i.mandatory()).isFalse();
            assertThat(i.wordings().keySet()).containsExactlyInAnyOrderElementsOf(SEEDED_GROUPS);
            assertThat(i.wordings().values()).allSatisfy(w -> {
                assertThat(w.wording()).isNotBlank();
                assertThat(w.evidenceHint()).isNotBlank();
            });
        });
        assertThat(qd324.indicator("5").orElseThrow().name()).contains("công nghệ thông tin");
        assertThat(qd324.targetGroupCodes()).containsExactlyElementsOf(SEEDED_GROUPS);
        assertThat(PublishCheck.problems(qd324, Map.of())).isEmpty();
    }

    @Test
    void target_groups_are_data_in_display_order() {
        assertThat(catalog.targetGroups()).extracting(TargetGroupOption::code).startsWith("FARMER", "WORKER",
                "OFFICIAL", "OTHER");
        assertThat(catalog.targetGroup("OFFICIAL")).map(TargetGroupOption::name)
                .contains("Cán bộ, công chức, viên chức, người lao động");
        assertThat(catalog.targetGroup("NOPE")).isEmpty();
        assertThat(catalog.targetGroup(null)).isEmpty();
    }

    @Test
    void the_set_in_force_covers_the_year() {
        assertThat(catalog.inForce(2022)).map(CriteriaSetSummary::code).contains("QD324-KHVN");
        assertThat(catalog.inForce(2030)).map(CriteriaSetSummary::code).contains("QD324-KHVN");
        assertThat(catalog.inForce(2021)).isEmpty();
        assertThat(catalog.inForce(2031)).isEmpty();
        assertThat(catalog.definitionInForce(2025)).map(CriteriaDefinition::code).contains("QD324-KHVN");
        assertThat(catalog.usableFor(2025)).extracting(CriteriaSetSummary::id).contains(qd324v1());
        assertThat(catalog.published()).extracting(CriteriaSetSummary::id).contains(qd324v1());
        assertThat(catalog.requireUsableFor(qd324v1(), 2024).label()).isEqualTo("QD324-KHVN v1");
        assertThatThrownBy(() -> catalog.requireUsableFor(qd324v1(), 2021))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("criteria.use.wrongYear"));
    }

    @Test
    void the_form_of_a_target_group_carries_its_wording_in_form_order() {
        CriteriaForm form = catalog.form(qd324v1(), "WORKER");
        assertThat(form.targetGroup().code()).isEqualTo("WORKER");
        assertThat(form.sections()).hasSize(3);
        assertThat(form.sections().get(1).items()).extracting(item -> item.indicator().code())
                .containsExactly("5", "6", "7", "8");
        assertThat(form.items()).hasSize(10).allSatisfy(item -> assertThat(item.worded()).isTrue());
        assertThat(form.items().get(1).wording()).contains("tay nghề, bậc thợ");
        assertThatThrownBy(() -> catalog.form(qd324v1(), "NOPE")).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void scoring_by_id_rejects_bad_input_clearly() {
        Map<String, Integer> scores = CriteriaFixtures.all(10);
        assertThat(catalog.score(qd324v1(), "OTHER", scores, Channel.ONLINE_SELF).total()).isEqualTo(100);
        scores.put("5", 11);
        assertThatThrownBy(() -> catalog.score(qd324v1(), "OTHER", scores, Channel.ONLINE_SELF))
                .isInstanceOfSatisfying(InvalidScoresException.class, e -> assertThat(e.problems())
                        .extracting(ScoreProblem::messageKey).containsExactly("criteria.score.outOfRange"));
        assertThatThrownBy(() -> catalog.score(qd324v1(), "NOPE", CriteriaFixtures.all(5), Channel.ONLINE_SELF))
                .isInstanceOfSatisfying(InvalidScoresException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("criteria.score.unknownGroup"));
        assertThatThrownBy(() -> catalog.score(Long.MAX_VALUE, "OTHER", scores, Channel.ONLINE_SELF))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void drafts_are_invisible_and_retired_sets_score_but_take_no_new_assessment() {
        long id = buildSmallSet("TEST-CATALOG");
        assertThatThrownBy(() -> catalog.definition(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.score(id, "FARMER", Map.of("K1", 5), Channel.STAFF_PROXY))
                .isInstanceOf(NotFoundException.class);

        publishing.publish(SystemActor.INSTANCE, id, null, null);
        assertThat(catalog.requireUsableFor(id, 2095).id()).isEqualTo(id);
        assertThat(catalog.inForce(2095)).map(CriteriaSetSummary::id).contains(id);

        publishing.retire(SystemActor.INSTANCE, id, "test");
        assertThat(catalog.inForce(2095)).isEmpty();
        assertThatThrownBy(() -> catalog.requireUsableFor(id, 2095))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("criteria.use.notPublished"));
        ScoreResult result = catalog.score(id, "FARMER", Map.of("K1", 5), Channel.STAFF_PROXY);
        assertThat(result.passed()).isTrue();
        assertThat(catalog.get(id).status()).isEqualTo(CriteriaStatus.RETIRED);
    }

    @Test
    void published_sets_come_from_memory_and_an_edited_draft_is_seen_at_once() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean wasEnabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            // a published set: read once from the database, then from memory
            catalog.evictAll();
            statistics.clear();
            CriteriaDefinition first = catalog.definition(qd324v1());
            assertThat(statistics.getPrepareStatementCount()).isGreaterThanOrEqualTo(5);
            assertThat(catalog.isCached(qd324v1())).isTrue();
            statistics.clear();
            assertThat(catalog.definition(qd324v1())).isSameAs(first);
            assertThat(catalog.form(qd324v1(), "WORKER").targetGroup().code()).isEqualTo("WORKER");
            assertThat(catalog.score(qd324v1(), "OTHER", CriteriaFixtures.all(10), Channel.ONLINE_SELF).total())
                    .isEqualTo(100);
            assertThat(catalog.inForce(2025)).map(CriteriaSetSummary::id).contains(qd324v1());
            statistics.clear();
            assertThat(catalog.inForce(2025)).map(CriteriaSetSummary::id).contains(qd324v1());
            assertThat(catalog.definitionInForce(2025)).map(CriteriaDefinition::id).contains(qd324v1());
            assertThat(catalog.targetGroup("OFFICIAL")).isPresent();
            assertThat(statistics.getPrepareStatementCount()).isZero();

            // a draft is never kept: each edit shows on the next read
            long id = buildSmallSet("TEST-CACHE", 2097);
            assertThatThrownBy(() -> catalog.definition(id)).isInstanceOf(NotFoundException.class);
            assertThat(catalog.isCached(id)).isFalse();
            CriteriaSetForm form = CriteriaSetForm.of(administration.view(SystemActor.INSTANCE, id).definition(),
                    jdbc.queryForObject("select version from criteria_set where id = ?", Long.class, id));
            form.setName("Bộ nhỏ, sửa lần 1");
            administration.update(SystemActor.INSTANCE, id, form);
            assertThat(administration.view(SystemActor.INSTANCE, id).definition().name())
                    .isEqualTo("Bộ nhỏ, sửa lần 1");
            form.setVersion(jdbc.queryForObject("select version from criteria_set where id = ?", Long.class, id));
            form.setName("Bộ nhỏ, sửa lần 2");
            administration.update(SystemActor.INSTANCE, id, form);
            assertThat(administration.view(SystemActor.INSTANCE, id).definition().name())
                    .isEqualTo("Bộ nhỏ, sửa lần 2");
            assertThat(catalog.inForce(2097)).isEmpty();

            // publishing shows it at once (the year's look-up was evicted), with the last edit
            publishing.publish(SystemActor.INSTANCE, id, null, null);
            assertThat(catalog.inForce(2097)).map(CriteriaSetSummary::id).contains(id);
            assertThat(catalog.definition(id).name()).isEqualTo("Bộ nhỏ, sửa lần 2");
            assertThat(catalog.definition(id).status()).isEqualTo(CriteriaStatus.PUBLISHED);
            assertThat(catalog.isCached(id)).isTrue();

            // retiring evicts both: the year has no set in force, the definition says RETIRED
            publishing.retire(SystemActor.INSTANCE, id, "test");
            assertThat(catalog.isCached(id)).isFalse();
            assertThat(catalog.inForce(2097)).isEmpty();
            assertThat(catalog.definition(id).status()).isEqualTo(CriteriaStatus.RETIRED);
        } finally {
            statistics.setStatisticsEnabled(wasEnabled);
        }
    }

    /** One competency, one indicator 0–10, worded for the four seeded groups, years 2095–2096 (no other test's). */
    private long buildSmallSet(String code) {
        return buildSmallSet(code, 2095);
    }

    /** As above, for the years from yearFrom to the year after. */
    private long buildSmallSet(String code, int yearFrom) {
        return SmallSets.build(administration, jdbc, code, yearFrom, yearFrom + 1);
    }

    private long qd324v1() {
        return jdbc.queryForObject("select id from criteria_set where code = 'QD324-KHVN' and version_no = 1",
                Long.class);
    }
}
