package vn.khuyenhoc.cdht.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.khuyenhoc.cdht.shared.Role;

class WorkflowActionTest {

    @Test
    void the_yearly_round_moves_forward_only_along_the_documented_path() {
        assertThat(WorkflowAction.SUBMIT.target(AssessmentState.DRAFT)).isEqualTo(AssessmentState.SUBMITTED);
        assertThat(WorkflowAction.VERIFY.target(AssessmentState.SUBMITTED)).isEqualTo(AssessmentState.VERIFIED);
        assertThat(WorkflowAction.RECOGNISE.target(AssessmentState.VERIFIED)).isEqualTo(AssessmentState.RECOGNISED);
        assertThat(WorkflowAction.REVOKE.target(AssessmentState.RECOGNISED))
                .isEqualTo(AssessmentState.NOT_RECOGNISED);
        assertThat(WorkflowAction.VERIFY.allowedFrom(AssessmentState.DRAFT)).isFalse();
        assertThat(WorkflowAction.RECOGNISE.allowedFrom(AssessmentState.SUBMITTED)).isFalse();
        assertThat(WorkflowAction.SUBMIT.allowedFrom(AssessmentState.VERIFIED)).isFalse();
    }

    @Test
    void a_returned_assessment_is_edited_and_submitted_again() {
        assertThat(WorkflowAction.RETURN.target(AssessmentState.SUBMITTED)).isEqualTo(AssessmentState.RETURNED);
        assertThat(WorkflowAction.EDIT.allowedFrom(AssessmentState.RETURNED)).isTrue();
        assertThat(WorkflowAction.SUBMIT.allowedFrom(AssessmentState.RETURNED)).isTrue();
        assertThat(WorkflowAction.RETURN.reasonRequired()).isTrue();
        assertThat(WorkflowAction.REVOKE.reasonRequired()).isTrue();
    }

    @Test
    void decided_assessments_change_only_through_revocation() {
        for (WorkflowAction action : WorkflowAction.values()) {
            boolean fromDecided = action.allowedFrom(AssessmentState.RECOGNISED)
                    || action.allowedFrom(AssessmentState.NOT_RECOGNISED);
            assertThat(fromDecided).as(action.name()).isEqualTo(action == WorkflowAction.REVOKE);
        }
    }

    @Test
    void readers_never_change_anything_and_verifiers_never_decide() {
        for (WorkflowAction action : WorkflowAction.values()) {
            assertThat(action.allowedFor(Role.VIEWER)).as(action.name()).isFalse();
            assertThat(action.allowedFor(Role.PROVINCE_OFFICER)).as(action.name()).isFalse();
        }
        assertThat(WorkflowAction.RECOGNISE.allowedFor(Role.VERIFIER)).isFalse();
        assertThat(WorkflowAction.REVOKE.allowedFor(Role.VERIFIER)).isFalse();
        assertThat(WorkflowAction.VERIFY.allowedFor(Role.VERIFIER)).isTrue();
    }
}
