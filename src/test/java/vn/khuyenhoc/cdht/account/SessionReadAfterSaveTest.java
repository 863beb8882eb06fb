package vn.khuyenhoc.cdht.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/** The session filter's re-read after a save is answered from the save, within that request only (issue 18). */
class SessionReadAfterSaveTest {

    private final ConcurrentHashMap<String, Session> rows = new ConcurrentHashMap<>();
    private final AtomicInteger tableReads = new AtomicInteger();
    private final SessionReadAfterSave config = new SessionReadAfterSave();

    /** The library's in-memory repository standing in for the table, counting the reads that reach it. */
    private SessionRepository<Session> table() {
        MapSessionRepository map = new MapSessionRepository(rows);
        return new SessionRepository<>() {
            @Override
            public Session createSession() {
                return map.createSession();
            }

            @Override
            public void save(Session session) {
                map.save((MapSession) session);
            }

            @Override
            public Session findById(String id) {
                tableReads.incrementAndGet();
                return map.findById(id);
            }

            @Override
            public void deleteById(String id) {
                map.deleteById(id);
            }
        };
    }

    private void inOneRequest(Runnable work) throws Exception {
        Filter filter = config.forgetSavedSessionAfterRequest().getFilter();
        filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (req, res) -> work.run());
    }

    @Test
    void theReadRightAfterTheSaveComesFromTheSave() throws Exception {
        SessionRepository<Session> sessions = new SessionReadAfterSave.Repository(table());
        Session session = sessions.createSession();
        session.setAttribute("who", "xa1");
        inOneRequest(() -> {
            sessions.save(session);
            Session again = sessions.findById(session.getId());
            assertThat(again.getId()).isEqualTo(session.getId());
            assertThat((String) again.getAttribute("who")).isEqualTo("xa1");
            Instant before = session.getLastAccessedTime();
            again.setLastAccessedTime(before.plusSeconds(600));
            assertThat(session.getLastAccessedTime()).isEqualTo(before);
            assertThat(tableReads).hasValue(0);
            // one save answers one read: the next goes to the table
            assertThat(sessions.findById(session.getId())).isNotNull();
        });
        assertThat(tableReads).hasValue(1);
    }

    @Test
    void anotherSessionAndEveryLaterRequestAskTheTable() throws Exception {
        SessionRepository<Session> sessions = new SessionReadAfterSave.Repository(table());
        Session mine = sessions.createSession();
        Session other = sessions.createSession();
        inOneRequest(() -> {
            sessions.save(other);
            sessions.save(mine);
            assertThat(sessions.findById(other.getId())).isNotNull();
        });
        assertThat(tableReads).hasValue(1);
        // another node ends the session between two requests: the next request must not find it
        rows.remove(mine.getId());
        inOneRequest(() -> assertThat(sessions.findById(mine.getId())).isNull());
        assertThat(tableReads).hasValue(2);
    }

    @Test
    void aDeletedSessionIsNotAnsweredFromTheSave() throws Exception {
        SessionRepository<Session> sessions = new SessionReadAfterSave.Repository(table());
        Session session = sessions.createSession();
        inOneRequest(() -> {
            sessions.save(session);
            sessions.deleteById(session.getId());
            assertThat(sessions.findById(session.getId())).isNull();
        });
        assertThat(tableReads).hasValue(1);
    }
}
