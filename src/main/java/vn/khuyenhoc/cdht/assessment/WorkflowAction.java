package vn.khuyenhoc.cdht.assessment;

import java.util.EnumSet;
import java.util.Set;
import vn.khuyenhoc.cdht.shared.Role;

/**
 * Every move an assessment can make, the states it starts from, where it lands, which roles may make it and
 * whether a reason is required. One table, so that the pages, the bulk actions and the tests agree.
 */
public enum WorkflowAction {

    EDIT(EnumSet.of(AssessmentState.DRAFT, AssessmentState.RETURNED), null, false, Role.ADMIN,
            Role.COMMUNE_OFFICER, Role.VERIFIER),
    SUBMIT(EnumSet.of(AssessmentState.DRAFT, AssessmentState.RETURNED), AssessmentState.SUBMITTED, false,
            Role.ADMIN, Role.COMMUNE_OFFICER, Role.VERIFIER),
    VERIFY(EnumSet.of(AssessmentState.SUBMITTED), AssessmentState.VERIFIED, false, Role.ADMIN,
            Role.COMMUNE_OFFICER, Role.VERIFIER),
    RETURN(EnumSet.of(AssessmentState.SUBMITTED, AssessmentState.VERIFIED), AssessmentState.RETURNED, true,
            Role.ADMIN, Role.COMMUNE_OFFICER, Role.VERIFIER),
    RECOGNISE(EnumSet.of(AssessmentState.VERIFIED), AssessmentState.RECOGNISED, false, Role.ADMIN,
            Role.COMMUNE_OFFICER),
    NOT_RECOGNISE(EnumSet.of(AssessmentState.VERIFIED), AssessmentState.NOT_RECOGNISED, false, Role.ADMIN,
            Role.COMMUNE_OFFICER),
    REVOKE(EnumSet.of(AssessmentState.RECOGNISED), AssessmentState.NOT_RECOGNISED, true, Role.ADMIN,
            Role.COMMUNE_OFFICER);

    private final Set<AssessmentState> from;
    private final AssessmentState to;
    private final boolean reasonRequired;
    private final Set<Role> roles;

    WorkflowAction(Set<AssessmentState> from, AssessmentState to, boolean reasonRequired, Role first,
            Role... rest) {
        this.from = from;
        this.to = to;
        this.reasonRequired = reasonRequired;
        this.roles = EnumSet.of(first, rest);
    }

    public boolean allowedFrom(AssessmentState state) {
        return from.contains(state);
    }

    public boolean allowedFor(Role role) {
        return roles.contains(role);
    }

    /** The state after the action; EDIT keeps the state it found. */
    public AssessmentState target(AssessmentState current) {
        return to == null ? current : to;
    }

    public boolean reasonRequired() {
        return reasonRequired;
    }
}
