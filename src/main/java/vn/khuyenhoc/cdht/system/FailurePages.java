package vn.khuyenhoc.cdht.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a user sees when something goes wrong beyond their own input. A forged list index is a 400 (not a 500).
 * When the database cannot be reached, the answer is a 503 "temporarily interrupted, please retry" page, quickly
 * (the pool gives up after a short connection timeout), wherever the failure surfaced: in a controller or in a
 * filter before it. Everything else keeps the ordinary error page, which no longer promises that nothing changed.
 */
@ControllerAdvice
@Component
class FailurePages implements ErrorViewResolver {

    private final DataSource dataSource;

    FailurePages(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @ExceptionHandler(InvalidPropertyException.class)
    ModelAndView forgedIndex() {
        return page(HttpStatus.BAD_REQUEST, new HashMap<>());
    }

    /** A database failure that is an unreachable database is the 503 page; any other goes on to the 500 page. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ModelAndView databaseFailure(Exception failure) throws Exception {
        if (databaseUnreachable(failure) || databaseDown()) {
            return page(HttpStatus.SERVICE_UNAVAILABLE, new HashMap<>());
        }
        throw failure;
    }

    /** Errors that reached the container's error page: an unreachable database turns into the 503 page. */
    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (error instanceof Throwable throwable && outage(throwable)) {
            return page(HttpStatus.SERVICE_UNAVAILABLE, new HashMap<>(model));
        }
        return null;
    }

    /** The failure is the database being out of reach (asked of the pool when the cause hides behind a rollback). */
    boolean outage(Throwable error) {
        return databaseUnreachable(error) || databaseFailure(error) && databaseDown();
    }

    static boolean databaseUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08")) {
                // SQLSTATE class 08: connection exception (PostgreSQL's "I/O error" on a broken connection)
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** A failure that came from the database layer (the cause may be hidden behind a failed rollback). */
    private static boolean databaseFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof TransactionException
                    || cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** Asks the pool for a working connection: it gives up after the short connection timeout. */
    private boolean databaseDown() {
        try (Connection connection = dataSource.getConnection()) {
            return !connection.isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    private static ModelAndView page(HttpStatus status, Map<String, Object> model) {
        model.put("status", status.value());
        ModelAndView view = new ModelAndView("error", model, status);
        return view;
    }
}
