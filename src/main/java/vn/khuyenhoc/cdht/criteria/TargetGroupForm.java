package vn.khuyenhoc.cdht.criteria;

import jakarta.validation.constraints.Size;

/** A new target group: its code is fixed once created (citizens store it), its name can change. */
class TargetGroupForm extends CodedForm {

    @Override
    @Size(max = 30)
    public String getCode() {
        return super.getCode();
    }

    @Override
    @Size(max = 200)
    public String getName() {
        return super.getName();
    }
}
