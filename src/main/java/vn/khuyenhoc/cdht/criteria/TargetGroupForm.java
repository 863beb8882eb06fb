package vn.khuyenhoc.cdht.criteria;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.khuyenhoc.cdht.shared.CodedForm;

/** A new target group: its code is fixed once created (citizens store it), its name can change. */
class TargetGroupForm extends CodedForm {

    @Override
    @Size(max = TargetGroup.CODE_LENGTH)
    @Pattern(regexp = CodedForm.CODE_CHARACTERS, message = "{criteria.code.pattern}")
    public String getCode() {
        return super.getCode();
    }

    @Override
    @Size(max = TargetGroup.NAME_LENGTH)
    public String getName() {
        return super.getName();
    }
}
