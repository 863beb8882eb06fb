package vn.khuyenhoc.cdht.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.khuyenhoc.cdht.assessment.AssessmentBulkImport;
import vn.khuyenhoc.cdht.citizen.CitizenBulkWriter;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.transfer.RowOutcome.Action;

/** One row of a file as parsed, then matched against the database, then decided: what each phase fills in. */
final class ImportLine {

    /** A residence unit named in a file: where it sits in the tree, and whether the row may use it. */
    record UnitRef(long id, String code, String path, boolean inScope, boolean residence) {
    }

    final int row;
    final List<RowError> errors = new ArrayList<>();
    String name = "";
    UnitRef unit;
    String fullName;
    String searchName;
    Integer birthYear;
    Gender gender;
    CitizenBulkWriter.IdNumber idNumber;
    String targetGroup;
    Integer year;
    final Map<String, Integer> self = new LinkedHashMap<>();
    final Map<String, Integer> verified = new LinkedHashMap<>();
    /** Score column headers as the file spells them, by "SELF"/"VERIFIED" + indicator code. */
    final Map<String, String> scoreColumns = new HashMap<>();
    CitizenBulkWriter.Existing existing;
    Long citizenId;
    Action citizenAction = Action.NONE;
    Action assessmentAction = Action.NONE;
    AssessmentBulkImport.Row assessmentRow;

    ImportLine(int row) {
        this.row = row;
    }

    boolean hasScores() {
        return !self.isEmpty() || !verified.isEmpty();
    }

    boolean ok() {
        return errors.isEmpty();
    }
}
