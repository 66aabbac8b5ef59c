package fi.perhekeskus.reporting;

import fi.perhekeskus.infra.local.LocalInfrastructureInitializer;
import fi.perhekeskus.meeting.MeetingServiceApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * meeting-service running beside reporting-service in the test JVM, on the same local
 * infrastructure: started once, shared by the cross-service tests, stopped at exit.
 */
public final class RunningMeetingService {

    private static RunningMeetingService shared;

    private final ConfigurableApplicationContext context;
    private final TestRestTemplate http;

    private RunningMeetingService() {
        context = MeetingServiceApplication.builder()
                .initializers(new LocalInfrastructureInitializer())
                .run("--server.port=0");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        http = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port));
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
    }

    public static synchronized RunningMeetingService shared() {
        if (shared == null) {
            shared = new RunningMeetingService();
        }
        return shared;
    }

    public TestRestTemplate http() {
        return http;
    }

    public JdbcTemplate eventStore() {
        return context.getBean(JdbcTemplate.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }
}
