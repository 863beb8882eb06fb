package vn.khuyenhoc.cdht.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import vn.khuyenhoc.cdht.support.HttpVisitor;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;
import vn.khuyenhoc.cdht.support.SecondNode;

/**
 * Issue 18: Tomcat accepts connections before the start-up work (demo data, start-up checks) is done; until then
 * every page answers 503 "đang khởi động" and the health probe passes through, and once the work is done the pages
 * are served. The start-up work is held open by a runner of the test's own.
 */
class StartupReadinessTest extends PostgresIntegrationTest {

    @Autowired
    private Environment environment;

    @Test
    void pages_answer_starting_until_the_start_up_work_is_done() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        HeldStartUpWork.release = new CountDownLatch(1);
        CompletableFuture<SecondNode> starting = CompletableFuture.supplyAsync(
                () -> SecondNode.startLike(environment, Map.of("server.port", port), HeldStartUpWork.class));
        HttpVisitor visitor = new HttpVisitor();
        try {
            Awaitility.await("the web server accepts connections while the start-up work is held")
                    .atMost(Duration.ofMinutes(3)).ignoreExceptions()
                    .until(() -> visitor.get(port, "/login").status() == 503);
            HttpVisitor.Page page = visitor.get(port, "/login");
            assertThat(page.body()).contains("Hệ thống đang khởi động");
            assertThat(visitor.get(port, "/").status()).isEqualTo(503);
            assertThat(visitor.get(port, "/css/cdht.css").status()).isEqualTo(200);
            assertThat(starting).isNotDone();
        } finally {
            HeldStartUpWork.release.countDown();
        }
        try (SecondNode node = starting.get(3, TimeUnit.MINUTES)) {
            assertThat(visitor.get(node.port(), "/login").status()).isEqualTo(200);
        }
    }

    /** Start-up work that lasts until the test lets it end (registered as a source, not scanned). */
    static class HeldStartUpWork implements ApplicationRunner {

        static volatile CountDownLatch release;

        @Override
        public void run(ApplicationArguments args) throws InterruptedException {
            release.await(3, TimeUnit.MINUTES);
        }
    }
}
