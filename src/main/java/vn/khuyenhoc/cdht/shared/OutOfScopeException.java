package vn.khuyenhoc.cdht.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The record lies outside the user's unit subtree, or the role may not do this. Rendered as the 403 page. */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class OutOfScopeException extends RuntimeException {

    public OutOfScopeException(String what) {
        super(what);
    }
}
