package vn.khuyenhoc.cdht.criteria;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new target group: its code is fixed once created (citizens store it), its name can change. */
class TargetGroupForm {

    @NotBlank
    @Size(max = 30)
    @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{criteria.code.pattern}")
    private String code;

    @NotBlank
    @Size(max = 200)
    private String name;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
