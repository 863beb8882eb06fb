package vn.khuyenhoc.cdht.citizen;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;

/**
 * The rules of a citizen's own fields, in one place: a name (at most {@value #NAME_MAX} characters, spaces
 * collapsed), a birth year from {@value #FIRST_BIRTH_YEAR} to this year, a gender, a known target group, a Vietnamese
 * mobile number if any, and a CCCD (typed, or sealed earlier on the form) that is well formed and matches the birth
 * year. {@link #check} returns every problem of a draft: the form reports the first, the import all of them. Where the
 * citizen lives and which collectives they belong to depend on the user and are checked by {@link Citizens}.
 */
@Component
class CitizenRules {

    static final int NAME_MAX = 150;
    static final int FIRST_BIRTH_YEAR = 1900;

    private final TargetGroupDirectory targetGroups;
    private final CitizenIdNumbers idNumbers;

    CitizenRules(TargetGroupDirectory targetGroups, CitizenIdNumbers idNumbers) {
        this.targetGroups = targetGroups;
        this.idNumbers = idNumbers;
    }

    /**
     * A draft checked: the name as stored, the phone normalised (null: none), the CCCD protected (null: none given),
     * and every problem found.
     */
    record Checked(String fullName, String phone, CitizenIdNumbers.Protected idNumber, List<FieldProblem> problems) {
    }

    Checked check(CitizenDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        String fullName = draft.fullName() == null ? "" : draft.fullName().trim().replaceAll("\\s+", " ");
        if (fullName.isEmpty()) {
            problems.add(problem("fullName", "citizen.fullName.required"));
        } else if (fullName.length() > NAME_MAX) {
            problems.add(problem("fullName", "citizen.fullName.tooLong", NAME_MAX));
        }
        int lastYear = Year.now().getValue();
        boolean birthYearValid = draft.birthYear() != null && draft.birthYear() >= FIRST_BIRTH_YEAR
                && draft.birthYear() <= lastYear;
        if (!birthYearValid) {
            problems.add(problem("birthYear", "citizen.birthYear.range", String.valueOf(FIRST_BIRTH_YEAR),
                    String.valueOf(lastYear)));
        }
        if (draft.gender() == null) {
            problems.add(problem("gender", "citizen.gender.required"));
        }
        if (!targetGroups.isKnown(draft.targetGroup())) {
            problems.add(problem("targetGroup", "citizen.targetGroup.unknown"));
        }
        String phone = null;
        if (draft.phone() != null && !draft.phone().isBlank()) {
            phone = PhoneNumbers.normalise(draft.phone());
            if (phone == null) {
                problems.add(problem("phone", "citizen.phone.invalid"));
            }
        }
        CitizenIdNumbers.Protected idNumber = null;
        try {
            idNumber = idNumber(draft);
        } catch (BusinessRuleException e) {
            problems.add(new FieldProblem(e.field(), e.messageKey(), List.of(e.arguments())));
        }
        if (idNumber != null && birthYearValid && idNumber.birthYear() != draft.birthYear()) {
            problems.add(problem(CitizenIdNumbers.FIELD, "citizen.idNumber.birthYear"));
        }
        return new Checked(fullName, phone, idNumber, problems);
    }

    /** The CCCD typed, else the one sealed in the form's token, else none. */
    private CitizenIdNumbers.Protected idNumber(CitizenDraft draft) {
        if (draft.idNumber() != null && !draft.idNumber().isBlank()) {
            return idNumbers.protect(draft.idNumber());
        }
        if (draft.idNumberToken() != null && !draft.idNumberToken().isBlank()) {
            return idNumbers.unseal(draft.idNumberToken()).orElseThrow(() -> BusinessRuleException.onField(
                    CitizenIdNumbers.FIELD, "citizen.idNumber.retype"));
        }
        return null;
    }

    private static FieldProblem problem(String field, String key, Object... args) {
        return new FieldProblem(field, key, List.of(args));
    }
}
