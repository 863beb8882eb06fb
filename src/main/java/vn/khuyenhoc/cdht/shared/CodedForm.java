package vn.khuyenhoc.cdht.shared;

import jakarta.validation.constraints.NotBlank;

/**
 * The code and the name that a page posts for a unit of the tree or a part of the criteria (a criteria set, a target
 * group, a competency, an indicator): both required, the code made of {@link #CODE_CHARACTERS}. How long each may be
 * is its table's column and the message for a wrong character is its module's, so each form declares those on its
 * own {@code getCode()} and {@code getName()}, adding to the constraints here.
 */
public abstract class CodedForm {

    /** Unaccented letters, digits, dot, dash and underscore: what a code may hold, typed or imported. */
    public static final String CODE_CHARACTERS = "[A-Za-z0-9._-]*";

    @NotBlank
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
