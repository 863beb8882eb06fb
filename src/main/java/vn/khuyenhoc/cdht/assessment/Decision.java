package vn.khuyenhoc.cdht.assessment;

/** What a recognition decision does to a verified assessment (see {@link AssessmentDecisions}). */
public enum Decision {
    /** VERIFIED → RECOGNISED; only for an assessment that passed on its verified scores. */
    RECOGNISE(WorkflowAction.RECOGNISE),
    /** VERIFIED → NOT_RECOGNISED. */
    NOT_RECOGNISE(WorkflowAction.NOT_RECOGNISE),
    /** RECOGNISED → NOT_RECOGNISED, with a reason. */
    REVOKE(WorkflowAction.REVOKE);

    private final WorkflowAction action;

    Decision(WorkflowAction action) {
        this.action = action;
    }

    public WorkflowAction action() {
        return action;
    }
}
