package vn.khuyenhoc.cdht.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.test.util.ReflectionTestUtils;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.OutOfScopeException;
import vn.khuyenhoc.cdht.shared.Role;
import vn.khuyenhoc.cdht.shared.SystemActor;

/** Rules of drafts that need no database: the publish check, the draft-only guard, the deletion extension point. */
class CriteriaRulesTest {

    private static final Map<String, String> NAMES = Map.of("FARMER", "Nông dân", "WORKER", "Công nhân",
            "OFFICIAL", "Cán bộ", "OTHER", "Khác");

    @Test
    void the_qd_324_fixture_has_no_problem() {
        assertThat(PublishCheck.problems(CriteriaFixtures.qd324(), NAMES)).isEmpty();
    }

    @Test
    void digital_thresholds_outside_the_indicator_or_in_the_wrong_order_are_problems() {
        CriteriaDefinition criteria = CriteriaFixtures.qd324(new ScoringRules(80, 5, "5", 11, 9, true));
        assertThat(PublishCheck.problems(criteria, NAMES)).extracting(PublishCheck.Problem::messageKey)
                .containsExactly("criteria.problem.digitalThresholdOutOfRange",
                        "criteria.problem.proficientThresholdOutOfRange");
        CriteriaDefinition unknown = CriteriaFixtures.qd324(new ScoringRules(80, 5, "99", 5, 8, true));
        assertThat(PublishCheck.problems(unknown, NAMES)).extracting(PublishCheck.Problem::messageKey)
                .containsExactly("criteria.problem.unknownDigitalIndicator");
    }

    @Test
    void a_mandatory_minimum_outside_the_indicator_and_an_unreachable_competency_minimum_are_problems() {
        CriteriaDefinition criteria = CriteriaFixtures.qd324(ScoringRules.defaults("5"), Map.of("3", 21),
                Map.of("2", 11));
        assertThat(PublishCheck.problems(criteria, NAMES))
                .extracting(PublishCheck.Problem::messageKey, PublishCheck.Problem::arguments)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("criteria.problem.competencyMinTooHigh",
                                List.of("3", 21, 20)),
                        org.assertj.core.groups.Tuple.tuple("criteria.problem.mandatoryOutOfRange",
                                List.of("2", 11, 0, 10)));
    }

    @Test
    void an_empty_draft_lists_what_it_lacks() {
        CriteriaDefinition empty = new CriteriaDefinition(1, "X", "X", null, 1, CriteriaStatus.DRAFT, 2091, 2090, 100,
                ScoringRules.defaults(null), List.of(), List.of(), List.of());
        assertThat(PublishCheck.problems(empty, NAMES)).extracting(PublishCheck.Problem::messageKey)
                .containsExactly("criteria.problem.years", "criteria.problem.noGroups",
                        "criteria.problem.noCompetencies", "criteria.problem.totalMismatch",
                        "criteria.problem.noDigitalIndicator");
    }

    @Test
    void a_published_set_refuses_every_change_in_the_entity_itself() {
        CriteriaSet set = new CriteriaSet("X", 1, "X", null, 2090, 2091, 10, null);
        Competency competency = set.addCompetency("1", "Năng lực", null);
        ReflectionTestUtils.setField(competency, "id", 7L);
        set.publish("admin");
        assertThatThrownBy(() -> set.addCompetency("2", "Khác", null)).isInstanceOfSatisfying(
                BusinessRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("criteria.set.notDraft"));
        assertThatThrownBy(() -> set.applyRules(ScoringRules.defaults(null)))
                .isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> set.describe("Y", null, 2090, 2091, 10)).isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> set.addIndicator(7L, "1", "Chỉ số", 0, 10, null))
                .isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> set.addTargetGroup("FARMER")).isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> set.publish("admin")).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void a_draft_that_a_module_reports_in_use_is_not_deleted() {
        CriteriaSetRepository sets = mock(CriteriaSetRepository.class);
        CriteriaSet draft = new CriteriaSet("X", 1, "X", null, 2090, 2091, 10, null);
        ReflectionTestUtils.setField(draft, "id", 42L);
        when(sets.findById(42L)).thenReturn(Optional.of(draft));
        CriteriaSetUsage assessments = id -> id == 42L;
        @SuppressWarnings("unchecked")
        ObjectProvider<CriteriaSetUsage> usages = mock(ObjectProvider.class);
        when(usages.orderedStream()).thenAnswer(invocation -> Stream.of(assessments));
        TargetGroupRepository groups = mock(TargetGroupRepository.class);
        CriteriaAdministration administration = new CriteriaAdministration(sets, groups, mock(AuditLog.class),
                mock(EntityManager.class), usages, new CriteriaCatalog(sets, groups,
                mock(org.springframework.jdbc.core.JdbcTemplate.class)));

        assertThatThrownBy(() -> administration.delete(SystemActor.INSTANCE, 42L))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("criteria.delete.inUse");
                    assertThat(e.arguments()).containsExactly(draft.toSummary().title());
                });
        verify(sets, never()).delete(any());
    }

    @Test
    void only_admins_reach_the_service() {
        CriteriaAdministration administration = new CriteriaAdministration(mock(CriteriaSetRepository.class),
                mock(TargetGroupRepository.class), mock(AuditLog.class), mock(EntityManager.class),
                null, null);
        for (Role role : List.of(Role.PROVINCE_OFFICER, Role.COMMUNE_OFFICER, Role.VERIFIER, Role.VIEWER)) {
            vn.khuyenhoc.cdht.shared.CurrentUser user = new vn.khuyenhoc.cdht.shared.CurrentUser() {
                public long userId() {
                    return 1;
                }

                public String username() {
                    return "u";
                }

                public String displayName() {
                    return "u";
                }

                public Role role() {
                    return role;
                }

                public long unitId() {
                    return 1;
                }
            };
            assertThatThrownBy(() -> administration.list(user)).isInstanceOf(OutOfScopeException.class);
            assertThatThrownBy(() -> administration.delete(user, 1)).isInstanceOf(OutOfScopeException.class);
            assertThatThrownBy(() -> administration.renameTargetGroup(user, "OTHER", "X"))
                    .isInstanceOf(OutOfScopeException.class);
        }
    }
}
