package vn.khuyenhoc.cdht.criteria;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The code and the name that every criteria page posts (criteria set, target group, competency, indicator): both
 * required, the code in unaccented letters, digits, dot, dash and underscore. How long each may be is its table's
 * column, so each form declares that on its own {@link #getCode()} and {@link #getName()}.
 */
abstract class CodedForm {

    @NotBlank
    @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{criteria.code.pattern}")
    private String code;

    @NotBlank
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
